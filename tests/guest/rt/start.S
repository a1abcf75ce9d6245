/* Start-up, vector table, exception stubs, the PL0 trampoline, probes and
 * PSCI power-off for the bare-metal guest tests (A32). The image is entered
 * at its first byte in SVC mode with the MMU off, as QEMU's -M virt loader
 * and armvisor enter a raw kernel. */
	.syntax unified
	.arm
	.arch armv7-a
	.arch_extension virt

#define MODE_USR 0x10
#define MODE_FIQ 0x11
#define MODE_IRQ 0x12
#define MODE_SVC 0x13
#define MODE_ABT 0x17
#define MODE_UND 0x1B
#define MODE_SYS 0x1F
#define PSR_I 0x80
#define PSR_F 0x40
#define STACK_SIZE 0x2000
/* SCTLR.V selects the high vectors; clear, VBAR applies (B4.1.130). */
#define SCTLR_V (1 << 13)
/* PSCI 0.2 SYSTEM_OFF function id (ARM DEN 0022, 5.1.9). */
#define PSCI_SYSTEM_OFF 0x84000008
/* The SVC immediate that returns from run_user to SVC mode. */
#define SVC_RETURN_TO_PL1 0xF00000

	.section .text.start, "ax"
	.global _start
_start:
	cpsid	aif
	cps	#MODE_FIQ
	ldr	sp, =stack_fiq + STACK_SIZE
	cps	#MODE_IRQ
	ldr	sp, =stack_irq + STACK_SIZE
	cps	#MODE_ABT
	ldr	sp, =stack_abt + STACK_SIZE
	cps	#MODE_UND
	ldr	sp, =stack_und + STACK_SIZE
	cps	#MODE_SYS
	ldr	sp, =stack_usr + STACK_SIZE
	cps	#MODE_SVC
	ldr	sp, =stack_svc + STACK_SIZE
	ldr	r0, =rt_vectors
	mcr	p15, 0, r0, c12, c0, 0
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #SCTLR_V
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	bl	rt_start
	b	psci_system_off

	.text
/* VBAR needs 32-byte alignment (B4.1.156). */
	.balign	32
	.global rt_vectors
rt_vectors:
	b	.			/* reset: never taken */
	b	stub_und
	b	stub_svc
	b	stub_pabt
	b	stub_dabt
	b	.			/* not used (B1.8.1) */
	b	stub_irq
	b	stub_fiq

/* Each stub saves the interrupted registers, the SPSR and the CPSR as
 * found on entry, lets rt_exc_dispatch record the exception and choose
 * the return address, and returns with MOVS pc, lr (B1.9.10), which
 * restores the CPSR from the (possibly changed) SPSR. */
.macro STUB name, kind
\name:
	push	{r0-r12, lr}
	mrs	r1, cpsr
	mrs	r0, spsr
	push	{r0, r1}
	mov	r0, #\kind
	mov	r1, sp
	bl	rt_exc_dispatch
	pop	{r0, r1}
	msr	spsr_fsxc, r0
	pop	{r0-r12, lr}
	movs	pc, lr
.endm
	.global stub_und, stub_svc, stub_pabt, stub_dabt, stub_irq, stub_fiq
	STUB stub_und, 1
	STUB stub_svc, 2
	STUB stub_pabt, 3
	STUB stub_dabt, 4
	STUB stub_irq, 6
	STUB stub_fiq, 7

/* uint32_t run_user(uint32_t (*fn)(uint32_t), uint32_t arg): drops to
 * User mode with MSR (B9.3.12) with IRQ and FIQ masked, calls fn there,
 * and comes back with an SVC whose handler returns in SVC mode right after
 * it; the SVC stack pointer is unchanged across the round trip. */
	.global run_user
run_user:
	push	{r4, r5, r6, lr}
	mrs	r5, cpsr
	mov	r4, r0
	mov	r0, r1
	msr	cpsr_c, #(MODE_USR | PSR_I | PSR_F)
	blx	r4
	svc	#SVC_RETURN_TO_PL1
	msr	cpsr_c, r5		/* the caller's masks again */
	pop	{r4, r5, r6, pc}

	.global psci_system_off
psci_system_off:
	ldr	r0, =PSCI_SYSTEM_OFF
	hvc	#0
	b	.

/* Probes: the access instruction is the one a data abort skips (the
 * handler returns to the next instruction), leaving r0 as the default. */
	.global probe_read32, probe_read16, probe_read8
probe_read32:
	mov	r2, r0
	mov	r0, r1
	ldr	r0, [r2]
	bx	lr
probe_read16:
	mov	r2, r0
	mov	r0, r1
	ldrh	r0, [r2]
	bx	lr
probe_read8:
	mov	r2, r0
	mov	r0, r1
	ldrb	r0, [r2]
	bx	lr
	.global probe_write32, probe_write16
probe_write32:
	str	r1, [r0]
	bx	lr
probe_write16:
	strh	r1, [r0]
	bx	lr

/* uint32_t probe_exec(uint32_t va): a prefetch abort at va resumes at 1:
 * with r0 = PROBE_EXEC_FAULT (rt_exc_dispatch). */
	.global probe_exec
probe_exec:
	push	{r4, lr}
	ldr	r4, =rt_resume
	adr	r1, 1f
	str	r1, [r4]
	blx	r0
1:	mov	r1, #0
	str	r1, [r4]
	pop	{r4, pc}

/* PL0 forms, for run_user. */
	.global user_read32, user_write32, user_exec
user_read32:
	ldr	r1, =0xDEADBEEF
	b	probe_read32
user_write32:
	ldr	r1, =0x5A5A0000
	push	{r4, lr}
	mov	r4, r0
	bl	probe_write32
	mov	r0, r4
	pop	{r4, pc}
user_exec:
	b	probe_exec

	.bss
	.balign	8
stack_fiq:	.space STACK_SIZE
stack_irq:	.space STACK_SIZE
stack_abt:	.space STACK_SIZE
stack_und:	.space STACK_SIZE
stack_svc:	.space STACK_SIZE
stack_usr:	.space STACK_SIZE
