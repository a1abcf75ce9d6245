/* Interrupt entry stubs: one 16-byte stub per vector pushes a zero error
 * code where the CPU pushes none, then its vector, and joins the common
 * path, which saves every GPR into a struct trap_frame. */
#include "arch/x86_64/layout.h"

/* Vectors for which the CPU pushes an error code (Intel SDM Vol. 3A 6.13). */
#define HAS_ERR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		    (v) == 21 || (v) == 29 || (v) == 30)

	.text
	.align 16
	.global isr_stubs
isr_stubs:
	vector = 0
	.rept 256
	.align 16
	.if HAS_ERR(vector)
	nop; nop
	.else
	pushq $0
	.endif
	pushq $vector
	jmp isr_common
	vector = vector + 1
	.endr

isr_common:
	cld
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rdi
	/* Frame pointer chain for the backtrace: fake a frame whose return
	 * address is the interrupted RIP. */
	pushq 17*8(%rsp)
	pushq %rbp
	movq %rsp, %rbp
	call trap_dispatch
	addq $16, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp
	iretq
