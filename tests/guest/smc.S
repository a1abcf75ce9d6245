/* Code that rewrites itself, for smc.c. Each routine follows the
 * sequence ARM DDI 0406C B2.2.9 gives for making a data-side write
 * visible to instruction fetch on the same processor: DCCMVAU, DSB,
 * ICIMVAU, BPIALL, DSB, ISB. */
	.syntax unified
	.arm
	.arch armv7-a

.macro SYNC_ICACHE reg
	mcr	p15, 0, \reg, c7, c11, 1	/* DCCMVAU */
	dsb
	mcr	p15, 0, \reg, c7, c5, 1		/* ICIMVAU */
	mcr	p15, 0, \reg, c7, c5, 6		/* BPIALL */
	dsb
	isb
.endm

/* uint32_t smc_next(uint32_t insn): stores insn over the instruction
 * right after the barriers, then executes it; insn is a MOV r0, #imm. */
	.global smc_next
smc_next:
	adr	r1, 1f
	str	r0, [r1]
	SYNC_ICACHE r1
1:	mov	r0, #0
	bx	lr

/* uint32_t smc_byte(uint32_t imm): patches only the immediate byte of a
 * MOV r0, #imm with STRB (little-endian: imm8 is byte 0). */
	.global smc_byte
smc_byte:
	adr	r1, 1f
	strb	r0, [r1]
	SYNC_ICACHE r1
1:	mov	r0, #0
	bx	lr

/* uint32_t smc_loop(uint32_t n): each iteration rewrites the ADD in its
 * own body to add the iteration's counter, so the sum is n(n+1)/2 only if
 * every rewrite is executed. n must be at most 255. */
	.global smc_loop
smc_loop:
	push	{r4, lr}
	mov	r2, #0
	adr	r3, 2f
	ldr	r4, =0xE2822000		/* ADD r2, r2, #0 */
1:	orr	r1, r4, r0
	str	r1, [r3]
	SYNC_ICACHE r3
2:	add	r2, r2, #0
	subs	r0, r0, #1
	bne	1b
	mov	r0, r2
	pop	{r4, pc}

/* uint32_t smc_stm(uint32_t imm): writes two instructions, MOV r0, #imm
 * and ADD r0, r0, #1, over the block ahead with one STM. */
	.global smc_stm
smc_stm:
	push	{r4, r5, lr}
	ldr	r4, =0xE3A00000		/* MOV r0, #0 */
	orr	r4, r4, r0
	ldr	r5, =0xE2800001		/* ADD r0, r0, #1 */
	adr	r1, 1f
	stmia	r1, {r4, r5}
	SYNC_ICACHE r1
	.balign	8			/* both words in one cache line */
1:	nop
	nop
	pop	{r4, r5, pc}
