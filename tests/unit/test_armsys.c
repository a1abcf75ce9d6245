/* Unit tests of the guest CPU's modes, banked registers, exception entry
 * and return, and the system instructions that are not coprocessor
 * accesses (guest-arm/arm_sys.c, sysinsn.c, sysmem.c). Expected values
 * are worked out from ARM DDI 0406C's pseudocode (sections cited at each
 * test); instruction words come from GNU as (arm-none-eabi-as, .arch
 * armv7ve) and are named beside each constant. */
#include "tests/unit/armsys_fake.h"

#define USR ARM_MODE_USR
#define SVC ARM_MODE_SVC
#define A ARM_CPSR_A
#define I ARM_CPSR_I
#define F ARM_CPSR_F
#define T ARM_CPSR_T
#define NZCV_NV (ARM_CPSR_N | ARM_CPSR_V)

/* B1.9.2 TakeReset: SVC, A/I/F set, T = SCTLR.TE (0 at reset), vector 0
 * (SCTLR.V resets to 0 on a Cortex-A15, TRM 4.3.27). */
static void test_reset_state(void)
{
	setup(USR);
	cpu.r[ARM_REG_PC] = 0x8000;
	arm_sys_reset(&s, &cpu);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | A | I | F);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0);
	CHECK_EQ(s.cp15.sctlr, 0x00c50078);
	CHECK(arm_sys_privileged(&s));
}

/* Table B1-7 LR offsets and B1.8.1 vector offsets, with the masks of
 * B1.9.7-B1.9.11 (no Security Extensions: A set for aborts, IRQ, FIQ;
 * F for FIQ; I always). Each from User mode with N and V set. */
static void test_entry_from_user(void)
{
	static const struct {
		enum arm_exception e;
		uint32_t mode, lr, vector, masks;
	} t[] = {
		{ ARM_EXC_UNDEF, ARM_MODE_UND, 0x8004, 0x04, I },
		{ ARM_EXC_SVC, ARM_MODE_SVC, 0x8000, 0x08, I },   /* pc = next */
		{ ARM_EXC_PREFETCH_ABORT, ARM_MODE_ABT, 0x8004, 0x0c, I | A },
		{ ARM_EXC_DATA_ABORT, ARM_MODE_ABT, 0x8008, 0x10, I | A },
		{ ARM_EXC_IRQ, ARM_MODE_IRQ, 0x8004, 0x18, I | A },
		{ ARM_EXC_FIQ, ARM_MODE_FIQ, 0x8004, 0x1c, I | A | F },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		setup(USR | NZCV_NV);
		cpu.r[ARM_REG_PC] = 0x8000;
		arm_sys_take_exception(&s, &cpu, t[i].e);
		CHECK_EQ(arm_sys_cpsr(&s, &cpu), t[i].mode | t[i].masks | NZCV_NV);
		CHECK_EQ(cpu.r[ARM_REG_LR], t[i].lr);
		CHECK_EQ(cpu.r[ARM_REG_PC], t[i].vector);
		CHECK_EQ(*arm_sys_cur_spsr(&s), USR | NZCV_NV);
		/* The translator's copy (what a translated MRS reads). */
		CHECK_EQ(arm_cpu_cpsr(&cpu) & ARM_CPSR_MODE_MASK, t[i].mode);
	}
}

/* Every exception from every mode (B1.9.2-B1.9.11): the target mode's
 * LR and SPSR are written; every other mode's SP and LR, and FIQ's
 * r8-r12, survive; r0-r7 are shared. */
static void test_entry_matrix(void)
{
	static const uint32_t modes[] = { USR, ARM_MODE_SYS, SVC, ARM_MODE_ABT,
					  ARM_MODE_UND, ARM_MODE_IRQ,
					  ARM_MODE_FIQ };
	static const struct { enum arm_exception e; uint32_t mode, lr; } t[] = {
		{ ARM_EXC_UNDEF, ARM_MODE_UND, 4 },
		{ ARM_EXC_SVC, SVC, 0 },
		{ ARM_EXC_PREFETCH_ABORT, ARM_MODE_ABT, 4 },
		{ ARM_EXC_DATA_ABORT, ARM_MODE_ABT, 8 },
		{ ARM_EXC_IRQ, ARM_MODE_IRQ, 4 },
		{ ARM_EXC_FIQ, ARM_MODE_FIQ, 4 },
	};
	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			setup(modes[m] | ARM_CPSR_C);
			for (unsigned r = 0; r < 15; r++)
				cpu.r[r] = 0x1000 * (m + 1) + r;
			cpu.r[ARM_REG_PC] = 0x20000;
			arm_sys_take_exception(&s, &cpu, t[i].e);
			CHECK_EQ(mode(), t[i].mode);
			CHECK_EQ(cpu.r[ARM_REG_LR], 0x20000 + t[i].lr);
			CHECK_EQ(*arm_sys_cur_spsr(&s), modes[m] | ARM_CPSR_C);
			CHECK_EQ(cpu.r[7], 0x1000 * (m + 1) + 7);
			/* Back to the source mode: its registers are intact,
			 * except the LR it shares with the target mode. */
			arm_sys_set_cpsr(&s, &cpu, modes[m]);
			for (unsigned r = 8; r < 15; r++) {
				bool same = arm_sys_bank(modes[m]) ==
					    arm_sys_bank(t[i].mode);
				uint32_t want = (same && r == ARM_REG_LR)
					? 0x20000 + t[i].lr
					: 0x1000 * (m + 1) + r;
				CHECK_EQ(cpu.r[r], want);
			}
		}
	}
}

/* From SVC with masks clear: the same offsets; masks already set stay
 * set, clear ones not named stay clear (B1.9.7: UNDEF sets only I). */
static void test_entry_from_svc(void)
{
	setup(SVC | F);
	cpu.r[ARM_REG_PC] = 0xc0001000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_UNDEF);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), ARM_MODE_UND | I | F);
	CHECK_EQ(s.banks.spsr[ARM_BANK_UND], SVC | F);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0xc0001004);

	setup(SVC);
	cpu.r[ARM_REG_PC] = 0xc0002000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_DATA_ABORT);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), ARM_MODE_ABT | I | A);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0xc0002008);
	CHECK_EQ(s.banks.spsr[ARM_BANK_ABT], SVC);

	/* A nested exception from ABT: IRQ taken with LR = next + 4. */
	cpu.r[ARM_REG_PC] = 0x10;
	arm_sys_set_cpsr(&s, &cpu, arm_sys_cpsr(&s, &cpu) & ~I);
	arm_sys_take_exception(&s, &cpu, ARM_EXC_IRQ);
	CHECK_EQ(mode(), ARM_MODE_IRQ);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x14);
	CHECK_EQ(s.banks.spsr[ARM_BANK_IRQ], ARM_MODE_ABT | A);
	CHECK_EQ(s.banks.r14[ARM_BANK_ABT], 0xc0002008);
}

/* ExcVectorBase (B1.8.1): SCTLR.V = 1 gives 0xFFFF0000, else VBAR. */
static void test_vector_base(void)
{
	setup(USR);
	s.cp15.sctlr |= 1u << 13;
	s.cp15.vbar = 0x40000000;
	cpu.r[ARM_REG_PC] = 0x8004;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_SVC);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0xffff0008);

	setup(USR);
	s.cp15.vbar = 0x40000000;
	cpu.r[ARM_REG_PC] = 0x8000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_IRQ);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x40000018);
}

/* SCTLR.TE = 1: exceptions are taken in Thumb state (B1.9.7 ...
 * CPSR.T = SCTLR.TE); IT bits cleared; UNDEF from Thumb gives LR = pc+2. */
static void test_entry_thumb(void)
{
	setup(USR | T | (3u << 25));
	s.cp15.sctlr |= 1u << 30;
	cpu.r[ARM_REG_PC] = 0x9000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_UNDEF);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), ARM_MODE_UND | I | T);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x9002);
	CHECK_EQ(s.banks.spsr[ARM_BANK_UND], USR | T | (3u << 25));
}

/* IRQ and FIQ delivery: masked lines wait; FIQ wins (B1.8.6). */
static void test_interrupts(void)
{
	setup(USR | I | F);
	s.irq_line = s.fiq_line = true;
	CHECK(!arm_sys_check_interrupts(&s, &cpu));
	setup(USR | F);
	s.irq_line = s.fiq_line = true;
	cpu.r[ARM_REG_PC] = 0x8000;
	CHECK(arm_sys_check_interrupts(&s, &cpu));
	CHECK_EQ(mode(), ARM_MODE_IRQ);
	setup(USR);
	s.irq_line = s.fiq_line = true;
	CHECK(arm_sys_check_interrupts(&s, &cpu));
	CHECK_EQ(mode(), ARM_MODE_FIQ);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x1c);
}

/* B1.3.2: each exception mode has its own SP and LR, FIQ also r8-r12;
 * User and System share theirs. */
static void test_banked_registers(void)
{
	setup(USR);
	for (unsigned i = 0; i < 15; i++)
		cpu.r[i] = 0x100 + i;
	cpu.r[ARM_REG_PC] = 0x8000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_FIQ);
	CHECK_EQ(cpu.r[7], 0x107);                 /* r0-r7 shared */
	for (unsigned i = 8; i < 14; i++) {
		CHECK_EQ(cpu.r[i], 0);                 /* FIQ bank at reset */
		cpu.r[i] = 0xf00 + i;
	}
	uint32_t f = arm_sys_set_cpsr(&s, &cpu, USR);   /* back to User */
	CHECK(f & ARM_SYS_MODE_CHANGED);
	for (unsigned i = 8; i < 15; i++)
		CHECK_EQ(cpu.r[i], 0x100 + i);
	arm_sys_set_cpsr(&s, &cpu, SVC);
	CHECK_EQ(cpu.r[12], 0x10c);                /* SVC shares r8-r12 */
	cpu.r[13] = 0x5000;
	arm_sys_set_cpsr(&s, &cpu, ARM_MODE_FIQ);
	CHECK_EQ(cpu.r[8], 0xf08);
	CHECK_EQ(cpu.r[12], 0xf0c);
	CHECK_EQ(cpu.r[13], 0xf0d);
	arm_sys_set_cpsr(&s, &cpu, ARM_MODE_SYS);
	CHECK_EQ(cpu.r[13], 0x10d);                /* System = User's SP */
	CHECK_EQ(cpu.r[8], 0x108);
	arm_sys_set_cpsr(&s, &cpu, SVC);
	CHECK_EQ(cpu.r[13], 0x5000);
}

/* MSR (B9.3.12, CPSRWriteByInstr B1.3.3). */
static void test_msr(void)
{
	setup(ARM_MODE_SYS);
	uint32_t f = run(0xe321f0d3, 0x8000);      /* msr CPSR_c, #0xd3 */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | I | F);
	CHECK(f & ARM_SYS_MODE_CHANGED);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	/* At PL0 only the flags are written, whatever the mask says. */
	setup(USR);
	cpu.r[0] = 0xf80000d3;
	run(0xe129f000, 0x8000);                   /* msr CPSR_fc, r0 */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), USR | 0xf8000000);

	/* CPSR_x at PL1 writes A (E stays 0: no big-endian data). */
	setup(SVC);
	cpu.r[0] = A | ARM_CPSR_E;
	run(0xe122f000, 0x8000);                   /* msr CPSR_x, r0 */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | A);
	/* Clearing a mask is reported. */
	cpu.r[0] = 0;
	CHECK(run(0xe122f000, 0x8004) & ARM_SYS_IRQ_MASK);

	/* T is not written by MSR (only by exception returns). */
	setup(SVC);
	cpu.r[0] = SVC | T;
	run(0xe129f000, 0x8000);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu) & T, 0);

	/* The condition is checked: msrne with Z set does nothing. */
	setup(ARM_MODE_SYS | ARM_CPSR_Z);
	CHECK_EQ(run(0x1321f0d3, 0x8000), 0);
	CHECK_EQ(mode(), ARM_MODE_SYS);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
}

/* MRS (B9.3.8): CPSR without IT/J/T (T: test_armsys_thumb.c, as CPSR.T
 * selects T32 decoding); SPSR UNPREDICTABLE (UNDEFINED here) in User and
 * System modes; MSR SPSR writes every chosen byte. */
static void test_mrs_spsr(void)
{
	setup(SVC | ARM_CPSR_Z);
	run(0xe10f0000, 0x8000);                   /* mrs r0, CPSR */
	CHECK_EQ(cpu.r[0], SVC | ARM_CPSR_Z);

	setup(SVC);
	cpu.r[1] = 0x600001f0 | T;
	run(0xe16ff001, 0x8000);                   /* msr SPSR_fsxc, r1 */
	CHECK_EQ(s.banks.spsr[ARM_BANK_SVC], 0x600001f0 | T);
	run(0xe14f0000, 0x8004);                   /* mrs r0, SPSR */
	CHECK_EQ(cpu.r[0], 0x600001f0 | T);

	setup(USR);
	run(0xe14f0000, 0x8000);
	CHECK(took_undef(0x8000, USR));
	setup(ARM_MODE_SYS);
	run(0xe14f0000, 0x8000);
	CHECK(took_undef(0x8000, ARM_MODE_SYS));
}

/* CPS (B9.3.1): NOP at PL0; interrupt masks and mode at PL1. */
static void test_cps(void)
{
	setup(USR);
	CHECK_EQ(run(0xf10c0080, 0x8000), 0);      /* cpsid i */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), USR);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	setup(SVC);
	run(0xf10c0080, 0x8000);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | I);
	CHECK(run(0xf10800c0, 0x8004) & ARM_SYS_IRQ_MASK);   /* cpsie if */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC);
	run(0xf10e01df, 0x8008);                   /* cpsid aif, #0x1f */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), ARM_MODE_SYS | A | I | F);
	run(0xf1020013, 0x800c);                   /* cps #0x13 */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | A | I | F);
}

/* SRS (B9.3.16) and RFE (B9.3.13) through the fake memory. */
static void test_srs_rfe(void)
{
	setup(ARM_MODE_IRQ | I);
	cpu.r[ARM_REG_LR] = 0x8888;
	s.banks.spsr[ARM_BANK_IRQ] = USR | ARM_CPSR_C;
	s.banks.r13[ARM_BANK_SVC] = 0x10100;
	run(0xf96d0513, 0x8000);                   /* srsdb sp!, #0x13 */
	CHECK_EQ(ram_word(0x100f8), 0x8888);
	CHECK_EQ(ram_word(0x100fc), USR | ARM_CPSR_C);
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], 0x100f8);
	CHECK_EQ(mode(), ARM_MODE_IRQ);

	arm_sys_set_cpsr(&s, &cpu, SVC | I);
	CHECK_EQ(cpu.r[ARM_REG_SP], 0x100f8);
	uint32_t f = run(0xf8bd0a00, 0x9000);      /* rfeia sp! */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8888);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), USR | ARM_CPSR_C);
	CHECK(f & ARM_SYS_MODE_CHANGED);
	CHECK(f & ARM_SYS_IRQ_MASK);
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], 0x10100);

	/* SRS to an unmapped stack: a Data Abort on the store, DFAR the
	 * address, DFSR a section translation fault (0x05) with WnR. */
	setup(SVC);
	cpu.r[ARM_REG_SP] = 0x3000;
	uint32_t g = run(0xf96d0513, 0x8000);
	CHECK(g & ARM_SYS_EXCEPTION);
	CHECK_EQ(mode(), ARM_MODE_ABT);
	CHECK_EQ(s.cp15.dfar, 0x2ff8);
	CHECK_EQ(s.cp15.dfsr, 0x805);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x8008);
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], 0x3000);   /* no writeback */

	/* In User mode SRS and RFE are UNDEFINED here. */
	setup(USR);
	run(0xf8bd0a00, 0x8000);
	CHECK(took_undef(0x8000, USR));
}

/* LDM/STM user registers (B9.3.6, B9.3.16) and exception return
 * (B9.3.5), from FIQ so that r8-r14 are all banked. */
static void test_ldm_stm_caret(void)
{
	setup(USR);
	for (unsigned i = 8; i < 15; i++)
		cpu.r[i] = 0x200 + i;
	arm_sys_set_cpsr(&s, &cpu, ARM_MODE_FIQ | I | F);
	cpu.r[ARM_REG_SP] = 0x11000;
	run(0xe94d1f00, 0x8000);                   /* stmdb sp, {r8-r12}^ */
	for (unsigned i = 0; i < 5; i++)
		CHECK_EQ(ram_word(0x11000 - 20 + 4 * i), 0x208 + i);
	run(0xe8cd6000, 0x8004);                   /* stmia sp, {sp, lr}^ */
	CHECK_EQ(ram_word(0x11000), 0x20d);
	CHECK_EQ(ram_word(0x11004), 0x20e);

	for (unsigned i = 0; i < 15; i++)
		set_ram_word(0x11000 + 4 * i, 0x300 + i);
	run(0xe8dd7fff, 0x8008);                   /* ldm sp, {r0-lr}^ */
	CHECK_EQ(cpu.r[0], 0x300);
	CHECK_EQ(cpu.r[8], 0);                     /* FIQ's own r8 kept */
	CHECK_EQ(cpu.r[ARM_REG_SP], 0x11000);
	arm_sys_set_cpsr(&s, &cpu, USR);
	CHECK_EQ(cpu.r[8], 0x308);
	CHECK_EQ(cpu.r[ARM_REG_SP], 0x30d);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x30e);

	/* ldm sp!, {r0, pc}^ from SVC: r0, then pc and CPSR from SPSR. */
	setup(SVC | I);
	s.banks.spsr[ARM_BANK_SVC] = USR | ARM_CPSR_Z;
	cpu.r[ARM_REG_SP] = 0x12000;
	set_ram_word(0x12000, 0xaaaa);
	set_ram_word(0x12004, 0x7003);             /* low bits cleared */
	uint32_t f = run(0xe8fd8001, 0x8000);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), USR | ARM_CPSR_Z);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x7000);
	CHECK_EQ(cpu.r[0], 0xaaaa);
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], 0x12008);
	CHECK(f & ARM_SYS_MODE_CHANGED);

	/* A fault on the last word leaves every register as it was. */
	setup(SVC);
	s.banks.spsr[ARM_BANK_SVC] = USR;
	cpu.r[ARM_REG_SP] = RAM_END - 4;
	cpu.r[0] = 0x1234;
	run(0xe8fd8001, 0x8000);
	CHECK_EQ(mode(), ARM_MODE_ABT);
	CHECK_EQ(s.cp15.dfar, RAM_END);
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], RAM_END - 4);
	CHECK_EQ(cpu.r[0], 0x1234);

	/* Misaligned base: alignment fault (A3.2.1), DFSR FS 0x01. */
	setup(SVC);
	s.banks.spsr[ARM_BANK_SVC] = USR;
	cpu.r[ARM_REG_SP] = 0x12002;
	run(0xe8fd8001, 0x8000);
	CHECK_EQ(s.cp15.dfsr, 0x001);
	CHECK_EQ(s.cp15.dfar, 0x12002);

	setup(ARM_MODE_SYS);
	run(0xe8dd7fff, 0x8000);
	CHECK(took_undef(0x8000, ARM_MODE_SYS));
}

/* SUBS PC, LR, #imm and MOVS PC, LR (B9.3.20). */
static void test_subs_pc(void)
{
	setup(USR | ARM_CPSR_N);
	cpu.r[ARM_REG_PC] = 0x8000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_IRQ);  /* LR = 0x8004 */
	uint32_t f = run(0xe25ef004, 0x18);        /* subs pc, lr, #4 */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8000);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), USR | ARM_CPSR_N);
	CHECK(f & ARM_SYS_MODE_CHANGED);

	setup(USR);
	cpu.r[ARM_REG_PC] = 0x8004;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_SVC);
	run(0xe1b0f00e, 0x8);                      /* movs pc, lr */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
	CHECK_EQ(mode(), USR);

	/* adds pc, lr, #0 returns too; from System it is UNDEFINED here. */
	setup(ARM_MODE_SYS);
	run(0xe29ef000, 0x8000);
	CHECK(took_undef(0x8000, ARM_MODE_SYS));
}

/* LDRT/STRBT/LDRSHT at PL1 use PL0 permissions (A8.8.92 ...). */
static void test_unprivileged_access(void)
{
	setup(SVC);
	set_ram_word(0x10100, 0xdeadbeef);
	cpu.r[1] = 0x10100;
	run(0xe4b10004, 0x8000);                   /* ldrt r0, [r1], #4 */
	CHECK_EQ(cpu.r[0], 0xdeadbeef);
	CHECK_EQ(cpu.r[1], 0x10104);

	cpu.r[0] = 0x1ff;
	run(0xe4e10001, 0x8004);                   /* strbt r0, [r1], #1 */
	CHECK_EQ(ram_word(0x10104), 0xff);
	CHECK_EQ(cpu.r[1], 0x10105);

	set_ram_word(0x10108, 0x8001);
	cpu.r[1] = 0x10108;
	run(0xe0f100f2, 0x8008);                   /* ldrsht r0, [r1], #2 */
	CHECK_EQ(cpu.r[0], 0xffff8001);

	/* Register offsets: post-indexed, subtracted with U = 0. */
	set_ram_word(0x10200, 0x11223344);
	cpu.r[1] = 0x10200;
	cpu.r[2] = 3;
	run(0xe6310102, 0x8010);                   /* ldrt r0, [r1], -r2, lsl #2 */
	CHECK_EQ(cpu.r[0], 0x11223344);
	CHECK_EQ(cpu.r[1], 0x10200 - 12);
	cpu.r[0] = 0xabcd5678;
	run(0xe0a100b2, 0x8014);                   /* strht r0, [r1], r2 */
	CHECK_EQ(ram_word(0x10200 - 12), 0x5678);
	CHECK_EQ(cpu.r[1], 0x10200 - 9);

	/* A PL1-only page: a permission fault although we are at PL1;
	 * DFSR = FS 0x0D with domain 3 (B4.1.52). */
	cpu.r[1] = PRIV_VA;
	run(0xe4b10004, 0x800c);
	CHECK_EQ(mode(), ARM_MODE_ABT);
	CHECK_EQ(s.cp15.dfsr, 0x03d);
	CHECK_EQ(s.cp15.dfar, PRIV_VA);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x800c + 8);
}

/* WFI/WFE/SEV (B1.8.13), HVC/SMC to the board, SVC, BKPT. */
static void test_hints_and_calls(void)
{
	setup(USR);
	CHECK_EQ(run(0xe320f003, 0x8000), ARM_SYS_WFI);    /* wfi */
	CHECK_EQ(run(0xe320f002, 0x8004), ARM_SYS_WFI);    /* wfe */
	CHECK_EQ(run(0xe320f004, 0x8008), 0);              /* sev */
	CHECK_EQ(run(0xe320f002, 0x800c), 0);              /* wfe: event set */
	CHECK_EQ(run(0xe320f002, 0x8010), ARM_SYS_WFI);

	setup(SVC);
	CHECK_EQ(run(0xe1400070, 0x8000), ARM_SYS_HVC);    /* hvc #0 */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
	CHECK_EQ(run(0xe1600070, 0x8004), ARM_SYS_SMC);    /* smc #0 */
	setup(USR);
	run(0xe1400070, 0x8000);
	CHECK(took_undef(0x8000, USR));

	setup(USR);
	run(0xef000042, 0x8000);                   /* svc #0x42 */
	CHECK_EQ(mode(), SVC);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x8004);
	CHECK_EQ(cpu.svc_imm, 0x42);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x08);

	/* BKPT: Prefetch Abort, IFSR debug event 0x02 (B1.9.8, C4.1). */
	setup(USR);
	run(0xe1200070, 0x8000);                   /* bkpt #0 */
	CHECK_EQ(mode(), ARM_MODE_ABT);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x8004);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x0c);
	CHECK_EQ(s.cp15.ifsr, 0x002);
}

/* The instructions of extensions this CPU lacks are UNDEFINED: ERET and
 * banked MRS (Virtualization Extensions), SETEND BE (no big-endian
 * data), VFP (absent). SETEND LE is allowed. */
static void test_absent_features(void)
{
	static const uint32_t undef[] = {
		0xe160006e,   /* eret */
		0xe1050200,   /* mrs r0, SP_usr */
		0xf1010200,   /* setend be */
		0xeef00a10,   /* vmrs r0, fpsid */
	};
	for (size_t i = 0; i < sizeof(undef) / sizeof(undef[0]); i++) {
		setup(SVC);
		run(undef[i], 0x8000);
		CHECK(took_undef(0x8000, SVC));
	}
	CHECK_EQ(log_lines, 0);
	setup(SVC);
	CHECK_EQ(run(0xf1010000, 0x8000), 0);      /* setend le */
	CHECK_EQ(mode(), SVC);
}

/* UNPREDICTABLE cases this model makes UNDEFINED, and exception returns
 * to Thumb state or to a mode this CPU lacks (B1.3.3 CPSRWriteByInstr:
 * UNPREDICTABLE; the mode is left as it was). */
static void test_unpredictable_choices(void)
{
	setup(SVC);
	cpu.r[0] = 0x16;                           /* Monitor mode */
	run(0xe161f000, 0x8000);                   /* msr SPSR_c, r0 */
	CHECK(took_undef(0x8000, SVC));
	setup(SVC);
	run(0xf1020016, 0x8000);                   /* cps #0x16 */
	CHECK(took_undef(0x8000, SVC));

	/* SUBS PC, LR to Thumb: PC aligned to a halfword (A2.3.2). */
	setup(SVC);
	s.banks.spsr[ARM_BANK_SVC] = USR | T;
	cpu.r[ARM_REG_LR] = 0x9003;
	run(0xe25ef000, 0x8000);                   /* subs pc, lr, #0 */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x9002);
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), USR | T);

	/* RFE to Monitor mode: the mode stays SVC, the rest is restored. */
	setup(SVC | I);
	cpu.r[0] = 0x10200;
	set_ram_word(0x10200, 0x7000);
	set_ram_word(0x10204, 0x16 | ARM_CPSR_N);
	run(0xf8900a00, 0x8000);                   /* rfeia r0 */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | ARM_CPSR_N);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x7000);
}

int main(void)
{
	test_reset_state();
	test_entry_from_user();
	test_entry_matrix();
	test_entry_from_svc();
	test_vector_base();
	test_entry_thumb();
	test_interrupts();
	test_banked_registers();
	test_msr();
	test_mrs_spsr();
	test_cps();
	test_srs_rfe();
	test_ldm_stm_caret();
	test_subs_pc();
	test_unprivileged_access();
	test_hints_and_calls();
	test_absent_features();
	test_unpredictable_choices();
	return check_report("unit-armsys");
}
