/* Thumb code for thumb.c: functions entered by BLX from A32, exception
 * triggers in Thumb state (SVC, UDF, a data abort and a device access in
 * IT blocks), and a Thumb vector table with Thumb handlers for
 * SCTLR.TE = 1 that return with SUBS pc, lr and with RFE after SRS
 * (ARM DDI 0406C B1.8, B9.3.13, B9.3.16, B9.3.19). */
	.syntax unified
	.arch armv7-a
	.thumb

#define MODE_UND 0x1B

/* uint32_t th_triple(uint32_t x): 3 * x, plus 0x100 when that is above
 * 30 (an IT block with both ways and a 32-bit instruction). */
	.balign	4
	.thumb_func
	.global th_triple
th_triple:
	adds	r1, r0, r0
	adds	r0, r0, r1
	cmp	r0, #30
	ite	hi
	movhi	r1, #1
	movls	r1, #0
	add.w	r0, r0, r1, lsl #8
	bx	lr

/* uint32_t th_svc(void): SVC #0x5a (at 2 mod 4), then returns 7. Called
 * in SVC mode, whose LR the SVC overwrites. */
	.balign	4
	.thumb_func
	.global th_svc, th_svc_insn
th_svc:
	push	{r4, lr}
th_svc_insn:
	svc	#0x5a
	movs	r0, #7
	pop	{r4, pc}

/* uint32_t th_udf(void): a 16-bit and a 32-bit UDF; returns 3 when the
 * instructions after each ran once. */
	.balign	4
	.thumb_func
	.global th_udf, th_udf_insn, th_udfw_insn
th_udf:
	movs	r0, #0
th_udf_insn:
	udf	#0x12
	adds	r0, #1
th_udfw_insn:
	udf.w	#0x345
	adds	r0, #2
	bx	lr

/* uint32_t th_udf16(void): one 16-bit UDF; returns 1 after it. */
	.balign	4
	.thumb_func
	.global th_udf16, th_udf16_insn
th_udf16:
	movs	r0, #0
th_udf16_insn:
	udf	#0x34
	adds	r0, #1
	bx	lr

/* uint32_t th_it_load(uint32_t va): a load from va (in r1) in the first
 * slot of ITETE EQ with Z set; returns the loaded word + 2 when the
 * load and the rest of the block ran under the right conditions, which
 * needs ITSTATE (A2.5.2) saved and restored around an abort on it. */
	.balign	4
	.thumb_func
	.global th_it_load, th_it_load_it
th_it_load:
	mov	r1, r0
	movs	r2, #0
th_it_load_it:
	itete	eq
	ldreq	r0, [r1]
	movne	r2, #1
	moveq	r2, #2
	movne	r2, #3
	add	r0, r2
	bx	lr

/* uint32_t th_it_device(uint32_t uart): the same block with a read of
 * the PL011 flag register (a device access) in the first slot. */
	.balign	4
	.thumb_func
	.global th_it_device
th_it_device:
	movs	r2, #0
	itete	eq
	ldreq	r3, [r0, #0x18]
	movne	r2, #1
	moveq	r2, #2
	movne	r2, #3
	mov	r0, r2
	bx	lr

/* Vectors for SCTLR.TE = 1: the handlers run in Thumb state (B1.8.1),
 * each entry a 32-bit Thumb branch. VBAR needs 32-byte alignment. */
	.balign	32
	.global th_vectors
th_vectors:
	b.w	.
	b.w	th_und_handler
	b.w	th_svc_handler
	b.w	.
	b.w	.
	b.w	.
	b.w	.
	b.w	.

/* te_rec: [0] SPSR_svc, [1] LR_svc, [2] SVC count, [3] SPSR_und,
 * [4] LR_und, [5] UNDEF count. */
.macro RECORD base
	push	{r0, r1}
	ldr	r0, =te_rec
	mrs	r1, spsr
	str	r1, [r0, #(\base * 4)]
	str	lr, [r0, #(\base * 4 + 4)]
	ldr	r1, [r0, #(\base * 4 + 8)]
	adds	r1, #1
	str	r1, [r0, #(\base * 4 + 8)]
	pop	{r0, r1}
.endm

/* SVC: LR_svc is the next instruction; SUBS pc, lr, #0 (B9.3.19). */
	.thumb_func
th_svc_handler:
	RECORD	0
	subs	pc, lr, #0

/* UNDEF (16-bit UDFs only here): LR_und = UDF + 2, the next one; the
 * return goes through SRS and RFE (B9.3.16, B9.3.13). */
	.thumb_func
th_und_handler:
	srsdb	sp!, #MODE_UND
	RECORD	3
	rfeia	sp!
	.ltorg

	.bss
	.balign	4
	.global te_rec
te_rec:	.space	24
