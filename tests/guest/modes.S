/* Register banking across processor modes, for modes.c. */
	.syntax unified
	.arm
	.arch armv7-a

#define MODE_USR 0x10
#define MODE_FIQ 0x11
#define MODE_IRQ 0x12
#define MODE_SVC 0x13
#define MODE_ABT 0x17
#define MODE_UND 0x1B
#define MODE_SYS 0x1F

/* Saves r13 and r14 of mode m at saved + 8 * slot. */
.macro SAVE m, slot
	cps	#\m
	ldr	r0, =saved + 8 * \slot
	str	sp, [r0]
	str	lr, [r0, #4]
.endm
.macro RESTORE m, slot
	cps	#\m
	ldr	r0, =saved + 8 * \slot
	ldr	sp, [r0]
	ldr	lr, [r0, #4]
.endm
/* Sets r8-r14 of mode m to (m << 8) | register number. */
.macro FILL m
	cps	#\m
	mov	r8, #((\m << 8) | 8)
	mov	r9, #((\m << 8) | 9)
	mov	r10, #((\m << 8) | 10)
	mov	r11, #((\m << 8) | 11)
	mov	r12, #((\m << 8) | 12)
	mov	r13, #((\m << 8) | 13)
	mov	r14, #((\m << 8) | 14)
.endm
/* Stores r8-r14 as seen in mode m at *out, out += 28. */
.macro DUMP m
	cps	#\m
	ldr	r0, =dump_ptr
	ldr	r1, [r0]
	stmia	r1!, {r8-r14}
	str	r1, [r0]
.endm

/* void bank_test(uint32_t out[6][7]): fills r8-r14 in System, FIQ, IRQ,
 * SVC, Abort and Undefined mode in that order, then dumps them in the
 * same order. Runs with IRQ and FIQ masked; no exception can be taken
 * while the stack pointers hold test values. */
	.global bank_test
bank_test:
	push	{r4-r11, lr}
	ldr	r1, =dump_ptr
	str	r0, [r1]
	mrs	r4, cpsr
	ldr	r1, =saved_cpsr
	str	r4, [r1]
	cpsid	if
	SAVE	MODE_SYS, 0
	SAVE	MODE_FIQ, 1
	SAVE	MODE_IRQ, 2
	SAVE	MODE_SVC, 3
	SAVE	MODE_ABT, 4
	SAVE	MODE_UND, 5
	FILL	MODE_SYS
	FILL	MODE_FIQ
	FILL	MODE_IRQ
	FILL	MODE_SVC
	FILL	MODE_ABT
	FILL	MODE_UND
	DUMP	MODE_SYS
	DUMP	MODE_FIQ
	DUMP	MODE_IRQ
	DUMP	MODE_SVC
	DUMP	MODE_ABT
	DUMP	MODE_UND
	RESTORE	MODE_SYS, 0
	RESTORE	MODE_FIQ, 1
	RESTORE	MODE_IRQ, 2
	RESTORE	MODE_ABT, 4
	RESTORE	MODE_UND, 5
	RESTORE	MODE_SVC, 3
	ldr	r1, =saved_cpsr
	ldr	r4, [r1]
	msr	cpsr_c, r4
	pop	{r4-r11, pc}

/* void spsr_test(uint32_t in[5], uint32_t out[5]): writes SPSR of FIQ,
 * IRQ, SVC, Abort and Undefined mode from in[], then reads all back. */
	.global spsr_test
spsr_test:
	push	{r4-r6, lr}
	mrs	r4, cpsr
	cpsid	if
	mrs	r5, spsr		/* SPSR_svc, put back at the end */
.irp m, MODE_FIQ, MODE_IRQ, MODE_SVC, MODE_ABT, MODE_UND
	cps	#\m
	ldr	r2, [r0], #4
	msr	spsr_fsxc, r2
.endr
.irp m, MODE_FIQ, MODE_IRQ, MODE_SVC, MODE_ABT, MODE_UND
	cps	#\m
	mrs	r2, spsr
	str	r2, [r1], #4
.endr
	cps	#MODE_SVC
	msr	spsr_fsxc, r5
	msr	cpsr_c, r4
	pop	{r4-r6, pc}

/* void user_regs_store(uint32_t out[2]): STM with ^ stores the User
 * mode r13, r14 from SVC mode (B9.3.19). */
	.global user_regs_store
user_regs_store:
	stmia	r0, {r13, r14}^
	bx	lr

/* void user_regs_load(const uint32_t in[2]): LDM with ^ and no PC loads
 * the User mode r13, r14 (B9.3.6). */
	.global user_regs_load
user_regs_load:
	ldmia	r0, {r13, r14}^
	nop
	bx	lr

/* uint32_t sys_get(uint32_t which): System mode r13 (0) or r14 (1). */
	.global sys_get
sys_get:
	mrs	r2, cpsr
	cps	#MODE_SYS
	cmp	r0, #0
	moveq	r0, sp
	movne	r0, lr
	msr	cpsr_c, r2
	bx	lr

/* uint32_t user_get_sp(uint32_t unused), for run_user. */
	.global user_get_sp
user_get_sp:
	mov	r0, sp
	bx	lr

/* uint32_t user_msr_mode(uint32_t unused): at PL0, an MSR naming every
 * field writes only the APSR bits (B9.3.12); the SVC lets the handler
 * record the mode and masks actually in force. */
	.global user_msr_mode
user_msr_mode:
	ldr	r0, =0x50030013		/* Z, V, GE=0b0011, mode SVC, I, F clear */
	msr	cpsr_fsxc, r0
	svc	#0x10
	mrs	r0, apsr
	bx	lr

/* uint32_t user_cps(uint32_t unused): CPS is a NOP at PL0 (B9.3.1). */
	.global user_cps
user_cps:
	cps	#MODE_SVC
	cpsie	if
	svc	#0x11
	mov	r0, #0
	bx	lr

/* uint32_t cps_combined(void): CPSID with a mode change (B9.3.1), read
 * the CPSR there, come back. */
	.global cps_combined
cps_combined:
	mrs	r2, cpsr
	cpsid	aif, #MODE_ABT
	mrs	r0, cpsr
	msr	cpsr_c, r2
	bx	lr

/* uint32_t msr_flags_only(void): MSR CPSR_f changes no control bit. */
	.global msr_flags_only
msr_flags_only:
	mrs	r2, cpsr
	msr	cpsr_f, #0xF0000000
	mrs	r0, cpsr
	msr	cpsr_f, r2
	bx	lr

/* uint32_t q_sticky(void): QADD saturates and sets Q (A8.8.125); Q stays
 * set over a later non-saturating QADD (A2.4.3), returns APSR. */
	.global q_sticky
q_sticky:
	mrs	r2, cpsr
	bic	r3, r2, #0x08000000
	msr	cpsr_f, r3
	mvn	r0, #0x80000000
	qadd	r0, r0, r0
	mov	r1, #1
	qadd	r1, r1, r1
	mrs	r0, apsr
	msr	cpsr_f, r2
	bx	lr

	.bss
	.balign	4
saved:		.space 8 * 6
saved_cpsr:	.space 4
dump_ptr:	.space 4
