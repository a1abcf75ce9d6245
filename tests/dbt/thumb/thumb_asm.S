@ Hand-written Thumb-2 corner cases, called from thumb_asm_main.c, which
@ prints what they store: IT blocks whose 16-bit instructions do not set
@ flags inside them, flags changed mid-block, TBB/TBH, CBZ/CBNZ, ADR and
@ literal loads at both word alignments, LDREX/STREX with an offset,
@ BranchWritePC (ADD/MOV pc) staying in Thumb, POP {pc} and BX into ARM
@ code and back, and a 32-bit instruction across a page boundary.
	.syntax unified
	.text
	.thumb
	.global thumb_edges
	.thumb_func
@ void thumb_edges(uint32_t *out, uint32_t a, uint32_t b)
thumb_edges:
	push	{r4-r7, lr}
	mov	r4, r0
	@ IT: ADDS inside an IT block leaves the flags alone (ADD).
	cmp	r1, r2
	ite	hi
	addhi	r3, r1, #1
	addls	r3, r2, #2
	ite	hi
	movshi	r5, #7          @ 32-bit MOVS: sets flags even in the block
	movls	r5, #9
	str	r3, [r4, #0]
	str	r5, [r4, #4]
	@ Flags changed inside the block by CMP (allowed), then used.
	movs	r3, #0
	cmp	r1, #0
	itttt	ne
	addne	r3, r3, #1
	cmpne	r2, #5
	addne	r3, r3, #16
	addne	r3, r3, #256
	str	r3, [r4, #8]
	mrs	r3, apsr
	str	r3, [r4, #12]
	@ TBB and TBH.
	and	r0, r1, #3
	tbb	[pc, r0]
1:	.byte	(10f - 1b) / 2, (11f - 1b) / 2, (12f - 1b) / 2, (13f - 1b) / 2
10:	movs	r3, #0x10
	b	14f
11:	movs	r3, #0x11
	b	14f
12:	movs	r3, #0x12
	b	14f
13:	movs	r3, #0x13
14:	str	r3, [r4, #16]
	and	r0, r2, #1
	tbh	[pc, r0, lsl #1]
2:	.hword	(20f - 2b) / 2, (21f - 2b) / 2
20:	movw	r3, #0x2020
	b	22f
21:	movw	r3, #0x2121
22:	str	r3, [r4, #20]
	@ CBZ/CBNZ.
	movs	r3, #0
	and	r0, r1, #1
	cbz	r0, 30f
	adds	r3, #1
30:	cbnz	r0, 31f
	adds	r3, #2
31:	str	r3, [r4, #24]
	@ ADR and literal loads from both halfword positions.
	adr	r0, lit
	ldr	r3, [r0]
	ldr	r5, lit
	nop
	ldr	r6, lit
	add	r3, r5
	add	r3, r6
	str	r3, [r4, #28]
	@ LDREX/STREX with offsets.
	add	r0, r4, #32
	movs	r3, #5
	str	r3, [r4, #36]
	ldrex	r3, [r0, #4]
	adds	r3, #3
	strex	r5, r3, [r0, #4]
	str	r5, [r4, #32]
	@ ADD pc and MOV pc in Thumb stay in Thumb.
	adr	r0, 40f + 1
	mov	pc, r0
	.align	2
40:	movs	r3, #0x40
	str	r3, [r4, #40]
	@ Into ARM and back: BLX, BX LR, and POP {pc} from ARM to Thumb.
	mov	r0, r1
	blx	arm_part
	str	r0, [r4, #44]
	@ A 32-bit instruction across a page boundary.
	bl	straddle
	str	r0, [r4, #48]
	pop	{r4-r7, pc}
	.align	2
lit:	.word	0x01020304

	.arm
arm_part:
	push	{r4, lr}
	add	r0, r0, r0, lsl #1
	adr	r4, 50f + 1
	bx	r4
	.thumb
50:	adds	r0, #1
	adr	r4, 51f
	bx	r4
	.arm
	.align	2
51:	eor	r0, r0, #0xff
	pop	{r4, pc}

	.thumb
	.section .text.straddle, "ax"
	.balign	4096
	.space	4094 - 6, 0
	.thumb_func
straddle:
	movs	r0, #1
	movs	r0, #2
	movs	r0, #3
	movw	r0, #0x5151
	bx	lr
