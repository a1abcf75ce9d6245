/* Exceptions and interrupts: the register frame every entry stub builds,
 * handler registration, and the fatal dump (registers and backtrace). */
#ifndef ARCH_TRAP_H
#define ARCH_TRAP_H

#include <stdint.h>

/* Exception vectors (Intel SDM Vol. 3A, 6.15). */
#define VEC_DE 0
#define VEC_DB 1
#define VEC_NMI 2
#define VEC_BP 3
#define VEC_UD 6
#define VEC_DF 8
#define VEC_GP 13
#define VEC_PF 14
#define VEC_MC 18
#define NUM_EXCEPTIONS 32

/* Interrupt vectors the monitor uses. */
#define VEC_TIMER 32
#define VEC_COM1 33
#define VEC_COM2 34
#define VEC_SPURIOUS 0xFF

/* Laid out by isr.S: pushed GPRs, then vector and error code, then the
 * CPU's interrupt frame. */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

/* Returns 0 if it handled the trap; nonzero makes it fatal. */
typedef int (*trap_handler_fn)(struct trap_frame *tf);

void idt_init(void);
void trap_set_handler(unsigned vector, trap_handler_fn fn);

/* Prints the frame, control registers and a backtrace, then stops: in
 * test mode QEMU exits with the failure code, otherwise the CPU halts. */
void trap_fatal(const struct trap_frame *tf, const char *why)
	__attribute__((noreturn));

/* For monitor bugs: formats the reason and dumps the caller's state. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
