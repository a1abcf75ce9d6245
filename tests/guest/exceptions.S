/* Exception triggers and alternative handlers for exceptions.c. Each
 * trigger sets known flags (N, C, Q and GE = 0b0101), records the CPSR
 * before the exception in state[0] and after the return in state[1], so
 * the C side can compare them with the SPSR and check that the return
 * restored the interrupted state. */
	.syntax unified
	.arm
	.arch armv7-a

#define TEST_FLAGS 0xA8050000
#define MODE_SVC 0x13
#define MODE_UND 0x1B
#define MODE_SYS 0x1F

.macro TRIGGER name, label
	.global \name, \label
\name:
	push	{r4-r6, lr}
	mov	r6, r0
	ldr	r4, =TEST_FLAGS
	msr	cpsr_fs, r4
	mrs	r4, cpsr
\label:
.endm
.macro TRIGGER_END
	mrs	r5, cpsr
	stm	r6, {r4, r5}
	pop	{r4-r6, pc}
.endm

/* void trig_X(uint32_t state[2] [, uint32_t va]) */
	TRIGGER trig_und, insn_und
	.inst	0xe7f000f0		/* UDF #0 (A8.8.247) */
	TRIGGER_END
	TRIGGER trig_vfp, insn_vfp
	.inst	0xeeb00a60		/* VMOV.F32 s0, s1 (A8.8.340) */
	TRIGGER_END
	TRIGGER trig_cp7, insn_cp7
	mcr	p7, 0, r0, c0, c0, 0
	TRIGGER_END
	TRIGGER trig_svc, insn_svc
	svc	#0x123456
	TRIGGER_END
	TRIGGER trig_svc_cond, insn_svc_cond
	svcne	#0x42		/* Z clear in TEST_FLAGS: condition true */
	svceq	#0x43		/* condition false: not executed */
	TRIGGER_END
	TRIGGER trig_bkpt, insn_bkpt
	bkpt	#0x12
	TRIGGER_END
	TRIGGER trig_ldr, insn_ldr
	ldr	r0, [r1]
	TRIGGER_END
	TRIGGER trig_str, insn_str
	str	r0, [r1]
	TRIGGER_END
	TRIGGER trig_sctlr, insn_sctlr
	mrc	p15, 0, r0, c1, c0, 0
	TRIGGER_END

/* Alternative vectors: each handler returns by a different mechanism
 * (B1.9.10 and B9.3: SUBS pc, lr; LDM with ^ and pc; RFE after SRS) and
 * counts its entries in alt_count[kind]. */
	.balign	32
	.global alt_vectors
alt_vectors:
	b	.
	b	alt_und
	b	alt_svc
	b	alt_pabt
	b	alt_dabt
	b	.
	b	.
	b	.

.macro COUNT kind, tmp1, tmp2
	ldr	\tmp1, =alt_count
	ldr	\tmp2, [\tmp1, #(\kind * 4)]
	add	\tmp2, \tmp2, #1
	str	\tmp2, [\tmp1, #(\kind * 4)]
.endm

/* UNDEF: SRS of LR_und and SPSR_und onto the Undefined-mode stack, copy
 * the two stored words to alt_srs, return with RFE (B9.3.13, B9.3.16). */
alt_und:
	srsdb	sp!, #MODE_UND
	push	{r0, r1}
	COUNT	1, r0, r1
	ldr	r0, [sp, #8]
	ldr	r1, =alt_srs
	str	r0, [r1]
	ldr	r0, [sp, #12]
	str	r0, [r1, #4]
	pop	{r0, r1}
	rfeia	sp!

/* SVC: the handler clobbers the flags; LDM ^ with the PC restores the
 * CPSR from SPSR_svc (B9.3.5). */
alt_svc:
	push	{r0-r3, lr}
	COUNT	2, r0, r1
	movs	r0, #0			/* Z set, N clear */
	ldm	sp!, {r0-r3, pc}^

/* Data abort: skip the faulting instruction with SUBS pc, lr, #4
 * (LR_abt = faulting instruction + 8). */
alt_dabt:
	push	{r0, r1}
	COUNT	4, r0, r1
	pop	{r0, r1}
	subs	pc, lr, #4

/* Prefetch abort (BKPT here): SRS into System mode's stack, switch to
 * System mode and RFE from there (RFE is allowed in any PL1 mode). The
 * stored return address is LR_abt = BKPT + 4, so the BKPT is skipped. */
alt_pabt:
	srsdb	#MODE_SYS!
	push	{r0, r1}
	COUNT	3, r0, r1
	pop	{r0, r1}
	cps	#MODE_SYS
	rfeia	sp!

	.bss
	.global alt_count, alt_srs
alt_count:	.space 32
alt_srs:	.space 8

/* void in_mode(uint32_t mode, void (*fn)(uint32_t *, uint32_t),
 * uint32_t *state): calls fn(state, 0) in another PL1 mode, on that
 * mode's stack, with the caller's mask bits. */
	.text
	.global in_mode
in_mode:
	push	{r4, r5, r6, lr}
	mrs	r4, cpsr
	mov	r5, r1
	bic	r3, r4, #0x1F
	orr	r3, r3, r0
	mov	r0, r2
	mov	r1, #0
	msr	cpsr_c, r3
	blx	r5
	msr	cpsr_c, r4
	pop	{r4, r5, r6, pc}

/* uint32_t wb_X(uint32_t base): one load or store with base writeback
 * at base (unmapped); returns the base register after the Data Abort. */
.macro WRITEBACK name, insn:vararg
	.global \name
\name:
	push	{r4-r7, lr}
	mov	r1, r0
	\insn
	mov	r0, r1
	pop	{r4-r7, pc}
.endm
	WRITEBACK wb_ldr_post, ldr r2, [r1], #4
	WRITEBACK wb_ldr_pre, ldr r2, [r1, #8]!
	WRITEBACK wb_str_post, str r2, [r1], #-4
	WRITEBACK wb_ldrb_reg, ldrb r2, [r1, r0]!	/* r0 = base too: address 2 * base */
	WRITEBACK wb_ldm, ldmia r1!, {r2-r5}
	WRITEBACK wb_stmdb, stmdb r1!, {r2-r5}
	WRITEBACK wb_ldrd, ldrd r2, r3, [r1], #8
