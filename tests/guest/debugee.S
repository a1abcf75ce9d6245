/* Fixed instruction sequences for the gdb tests (tests/system/gdb_test.py)
 * to single-step through: a taken branch that skips an instruction, and an
 * SVC whose step lands on the vector. */
	.syntax unified
	.arm
	.text

/* uint32_t dbg_branch(void): 1 + 40 = 41 (the MOV #2 is branched over). */
	.global dbg_branch
	.type dbg_branch, %function
dbg_branch:
	mov	r0, #1
	b	1f
	mov	r0, #2
1:	add	r0, r0, #40
	bx	lr
	.size dbg_branch, . - dbg_branch

/* void dbg_svc(void): SVC #0x55 (the runtime records it and returns).
 * Called in SVC mode, where taking the SVC overwrites LR_svc. */
	.global dbg_svc
	.type dbg_svc, %function
dbg_svc:
	push	{lr}
	svc	#0x55
	pop	{pc}
	.size dbg_svc, . - dbg_svc
