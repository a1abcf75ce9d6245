/* One access per routine for unaligned.c: a data abort skips the access,
 * leaving the default 0xDEADBEEF in the destination registers. */
	.syntax unified
	.arm
	.arch armv7-a

#define DFLT 0xDEADBEEF

.macro LOAD name, insn
	.global \name
\name:
	mov	r1, r0
	ldr	r0, =DFLT
	\insn	r0, [r1]
	bx	lr
.endm
	LOAD	ua_ldr, ldr
	LOAD	ua_ldrh, ldrh
	LOAD	ua_ldrsh, ldrsh
	LOAD	ua_ldrb, ldrb
	LOAD	ua_ldrex, ldrex
	LOAD	ua_ldrexh, ldrexh

	.global ua_str, ua_strh
ua_str:
	str	r1, [r0]
	bx	lr
ua_strh:
	strh	r1, [r0]
	bx	lr

/* void ua_ldrd(uint32_t addr, uint32_t out[2]) */
	.global ua_ldrd
ua_ldrd:
	ldr	r2, =DFLT
	mov	r3, r2
	ldrd	r2, r3, [r0]
	stm	r1, {r2, r3}
	bx	lr
/* void ua_ldrexd(uint32_t addr, uint32_t out[2]) */
	.global ua_ldrexd
ua_ldrexd:
	ldr	r2, =DFLT
	mov	r3, r2
	ldrexd	r2, r3, [r0]
	clrex
	stm	r1, {r2, r3}
	bx	lr
/* void ua_ldm(uint32_t addr, uint32_t out[2]) */
	.global ua_ldm
ua_ldm:
	ldr	r2, =DFLT
	mov	r3, r2
	ldm	r0, {r2, r3}
	stm	r1, {r2, r3}
	bx	lr
/* void ua_strd(uint32_t addr, uint32_t lo, uint32_t hi) */
	.global ua_strd
ua_strd:
	mov	r3, r2
	mov	r2, r1
	strd	r2, r3, [r0]
	bx	lr
/* void ua_stm(uint32_t addr, uint32_t a, uint32_t b) */
	.global ua_stm
ua_stm:
	stm	r0, {r1, r2}
	bx	lr
