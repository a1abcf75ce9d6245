/* Load/store-exclusive sequences for exclusive.c; each returns the
 * status STREX wrote (0: stored, 1: not stored). */
	.syntax unified
	.arm
	.arch armv7-a

/* uint32_t ex_pair(uint32_t *p, uint32_t v) */
	.global ex_pair
ex_pair:
	ldrex	r2, [r0]
	strex	r3, r1, [r0]
	mov	r0, r3
	bx	lr

/* uint32_t ex_open(uint32_t *p, uint32_t v): STREX with no LDREX. */
	.global ex_open
ex_open:
	clrex
	strex	r3, r1, [r0]
	mov	r0, r3
	bx	lr

/* uint32_t ex_clrex(uint32_t *p, uint32_t v): CLREX between them. */
	.global ex_clrex
ex_clrex:
	ldrex	r2, [r0]
	clrex
	strex	r3, r1, [r0]
	mov	r0, r3
	bx	lr

/* uint32_t ex_twice(uint32_t *p, uint32_t v): the second STREX of one
 * LDREX; returns first status | second status << 1. */
	.global ex_twice
ex_twice:
	ldrex	r2, [r0]
	strex	r3, r1, [r0]
	add	r1, r1, #1
	strex	r12, r1, [r0]
	orr	r0, r3, r12, lsl #1
	bx	lr

/* uint32_t ex_other(uint32_t *p, uint32_t *q, uint32_t v): LDREX p,
 * STREX q (its outcome is IMPLEMENTATION DEFINED, A3.4.1), then STREX p,
 * whose status is returned. */
	.global ex_other
ex_other:
	ldrex	r3, [r0]
	strex	r12, r2, [r1]
	strex	r3, r2, [r0]
	mov	r0, r3
	bx	lr

/* uint32_t ex_svc_clrex(uint32_t *p, uint32_t v) and
 * ex_svc_pair(...): an SVC between LDREX and STREX whose handler runs
 * CLREX (0xC1) or its own LDREX/STREX pair (0xC2). */
	.global ex_svc_clrex, ex_svc_pair
ex_svc_clrex:
	push	{lr}
	ldrex	r2, [r0]
	svc	#0xC1
	strex	r3, r1, [r0]
	mov	r0, r3
	pop	{pc}
ex_svc_pair:
	push	{lr}
	ldrex	r2, [r0]
	svc	#0xC2
	strex	r3, r1, [r0]
	mov	r0, r3
	pop	{pc}

/* uint32_t ex_byte(uint8_t *p, uint32_t v), ex_half(...) */
	.global ex_byte, ex_half
ex_byte:
	ldrexb	r2, [r0]
	strexb	r3, r1, [r0]
	orr	r0, r2, r3, lsl #16
	bx	lr
ex_half:
	ldrexh	r2, [r0]
	strexh	r3, r1, [r0]
	orr	r0, r2, r3, lsl #16
	bx	lr

/* uint32_t ex_dword(uint64_t *p, uint32_t lo, uint32_t hi, uint32_t old[2]) */
	.global ex_dword
ex_dword:
	push	{r4-r7}
	mov	r6, r1
	mov	r7, r2
	ldrexd	r4, r5, [r0]
	strexd	r1, r6, r7, [r0]
	stm	r3, {r4, r5}
	mov	r0, r1
	pop	{r4-r7}
	bx	lr

/* uint32_t ex_add(uint32_t *p, uint32_t n): n atomic increments, retried
 * until STREX succeeds; returns the number of retries. */
	.global ex_add
ex_add:
	mov	r3, #0
1:	ldrex	r2, [r0]
	add	r2, r2, #1
	strex	r12, r2, [r0]
	cmp	r12, #0
	addne	r3, r3, #1
	bne	1b
	subs	r1, r1, #1
	bne	1b
	mov	r0, r3
	bx	lr
