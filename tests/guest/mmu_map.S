/* The SVC handler behind the high vectors in mmu_map.c: counts and
 * returns. */
	.syntax unified
	.arm
	.arch armv7-a

	.global hv_svc
hv_svc:
	push	{r0, r1}
	ldr	r0, =hv_count
	ldr	r1, [r0]
	add	r1, r1, #1
	str	r1, [r0]
	pop	{r0, r1}
	movs	pc, lr

	.global hv_vectors_template
/* LDR pc, [pc, #24] in each slot: the vector loads its handler address
 * from the word 32 bytes on (the PC reads as the slot + 8, A2.3). */
hv_vectors_template:
	.rept 8
	ldr	pc, [pc, #24]
	.endr

	.bss
	.global hv_count
hv_count:	.space 4

/* uint32_t here_svc(void): returns the address of its own SVC, which it
 * then executes; PC-relative, so it runs at any alias of the image. */
	.text
	.global here_svc
here_svc:
	push	{lr}
	adr	r0, 1f
1:	svc	#0x77
	pop	{pc}
