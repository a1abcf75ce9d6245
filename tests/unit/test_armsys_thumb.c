/* Unit tests of exception entry and return and of the system
 * instructions in Thumb state (guest-arm/arm_sys.c, sysinsn.c,
 * sysmem.c): T32 encodings through the T32 decoder, the PC advancing by
 * the instruction's size, IT blocks (ITSTATE, A2.5.2 and A8.8.54) and
 * the LR offsets from Thumb code (B1.8.3, Table B1-7). Expected values
 * are worked out from ARM DDI 0406C's pseudocode (sections cited at each
 * test); encodings come from GNU as 2.40 (.syntax unified, .thumb, .arch
 * armv7-a with the sec and virt extensions) and are named beside each
 * constant. */
#include "tests/unit/armsys_fake.h"

#define USR ARM_MODE_USR
#define SVC ARM_MODE_SVC
#define SYS ARM_MODE_SYS
#define A ARM_CPSR_A
#define I ARM_CPSR_I
#define F ARM_CPSR_F
#define T ARM_CPSR_T
#define Z ARM_CPSR_Z
#define IT_MASK (ARM_CPSR_IT_LO | ARM_CPSR_IT_HI)
#define SCTLR_TE (1u << 30)

/* A 32-bit T32 encoding as arm_sys_exec() takes it: hw1 << 16 | hw2. */
#define W(hw1, hw2) ((uint32_t)(hw1) << 16 | (uint32_t)(hw2))

/* ITSTATE values (A8.8.54: IT sets ITSTATE to firstcond:mask, the low
 * byte of the IT instruction): "it eq" bf08, "ite eq" bf0c; after one
 * ITAdvance (A2.5.2) "ite eq" is 0x18, NE as the last instruction. */
#define IT_EQ 0x08u
#define ITE_EQ 0x0cu
#define ITE_EQ_SECOND 0x18u

/* ITSTATE's place in the CPSR (B1.3.3): IT[1:0] is bits 26:25, IT[7:2]
 * bits 15:10. */
static uint32_t it_bits(uint32_t it)
{
	return (it & 3u) << 25 | (it >> 2) << 10;
}

static uint32_t cpsr(void)
{
	return arm_sys_cpsr(&s, &cpu);
}

/* Table B1-7 for Thumb: UNDEF +2, SVC (pc = next) 0, Prefetch Abort +4,
 * Data Abort +8, IRQ/FIQ +4. The SPSR keeps T and ITSTATE; the handler
 * runs with ITSTATE clear and T = SCTLR.TE (B1.8.4-B1.8.7). */
static void test_entry_lr_from_thumb(void)
{
	static const struct { enum arm_exception e; uint32_t mode, lr; } t[] = {
		{ ARM_EXC_UNDEF, ARM_MODE_UND, 0x9002 },
		{ ARM_EXC_SVC, SVC, 0x9000 },
		{ ARM_EXC_PREFETCH_ABORT, ARM_MODE_ABT, 0x9004 },
		{ ARM_EXC_DATA_ABORT, ARM_MODE_ABT, 0x9008 },
		{ ARM_EXC_IRQ, ARM_MODE_IRQ, 0x9004 },
		{ ARM_EXC_FIQ, ARM_MODE_FIQ, 0x9004 },
	};
	for (unsigned te = 0; te < 2; te++) {
		for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			setup(USR | T | it_bits(ITE_EQ));
			if (te)
				s.cp15.sctlr |= SCTLR_TE;
			cpu.r[ARM_REG_PC] = 0x9000;
			arm_sys_take_exception(&s, &cpu, t[i].e);
			CHECK_EQ(mode(), t[i].mode);
			CHECK_EQ(cpu.r[ARM_REG_LR], t[i].lr);
			CHECK_EQ(*arm_sys_cur_spsr(&s), USR | T | it_bits(ITE_EQ));
			CHECK_EQ(cpsr() & (T | IT_MASK), te ? T : 0);
			/* What translated code and the translator see. */
			CHECK_EQ(arm_cpu_cpsr(&cpu) & (T | IT_MASK), te ? T : 0);
		}
	}
}

/* MSR and MRS T32 (B9.3.12, B9.3.8): the PC moves on by 4; MSR never
 * writes T (CPSRWriteByInstr, B1.3.3); MRS reads the CPSR without T. */
static void test_msr_mrs(void)
{
	setup(SVC | T);
	cpu.r[0] = SYS | I;
	uint32_t f = run(W(0xf380, 0x8100), 0x8000);   /* msr CPSR_c, r0 */
	CHECK(f & ARM_SYS_MODE_CHANGED);
	CHECK_EQ(cpsr(), SYS | I | T);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
	run(W(0xf3ef, 0x8000), 0x8004);                 /* mrs r0, CPSR */
	CHECK_EQ(cpu.r[0], SYS | I);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8008);

	setup(SVC | T);
	cpu.r[1] = USR | T | it_bits(ITE_EQ);
	run(W(0xf391, 0x8f00), 0x8000);                 /* msr SPSR_fsxc, r1 */
	CHECK_EQ(s.banks.spsr[ARM_BANK_SVC], USR | T | it_bits(ITE_EQ));
	run(W(0xf3ff, 0x8000), 0x8004);                 /* mrs r0, SPSR */
	CHECK_EQ(cpu.r[0], USR | T | it_bits(ITE_EQ));
}

/* CPS (B9.3.1): the 16-bit T1 form changes masks only; T2 also the
 * mode. */
static void test_cps(void)
{
	setup(SVC | T);
	run(0xb672, 0x8000);                            /* cpsid i */
	CHECK_EQ(cpsr(), SVC | I | T);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8002);
	CHECK(run(0xb663, 0x8002) & ARM_SYS_IRQ_MASK);  /* cpsie if */
	CHECK_EQ(cpsr(), SVC | T);
	run(W(0xf3af, 0x87ff), 0x8004);                 /* cpsid aif, #31 */
	CHECK_EQ(cpsr(), SYS | A | I | F | T);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8008);
}

/* SVC T1 (A8.8.228, B1.9.4): LR = the next instruction (the SVC + 2),
 * the immediate is imm8, the SPSR has T; with SCTLR.TE the handler runs
 * in Thumb state. */
static void test_svc(void)
{
	for (unsigned te = 0; te < 2; te++) {
		setup(USR | T | ARM_CPSR_C);
		if (te)
			s.cp15.sctlr |= SCTLR_TE;
		uint32_t f = run(0xdf42, 0x8000);       /* svc #0x42 */
		CHECK(f & ARM_SYS_EXCEPTION);
		CHECK_EQ(mode(), SVC);
		CHECK_EQ(cpu.r[ARM_REG_LR], 0x8002);
		CHECK_EQ(cpu.svc_imm, 0x42);
		CHECK_EQ(cpu.r[ARM_REG_PC], 0x08);
		CHECK_EQ(s.banks.spsr[ARM_BANK_SVC], USR | T | ARM_CPSR_C);
		CHECK_EQ(cpsr() & T, te ? T : 0);
	}
}

/* UDF T1 and T2 (A8.8.247): TakeUndefInstrException (B1.9.6) sets LR to
 * PC - 2 with PC reading the instruction + 4, so the UDF + 2 whatever
 * its size. */
static void test_udf(void)
{
	static const uint32_t udf[] = { 0xde01, W(0xf7f0, 0xa001) };   /* udf #1, udf.w #1 */
	for (size_t i = 0; i < 2; i++) {
		setup(SVC | T);
		uint32_t f = run(udf[i], 0x8000);
		CHECK(f & ARM_SYS_EXCEPTION);
		CHECK_EQ(mode(), ARM_MODE_UND);
		CHECK_EQ(cpu.r[ARM_REG_LR], 0x8002);
		CHECK_EQ(cpu.r[ARM_REG_PC], 0x04);
		CHECK_EQ(s.banks.spsr[ARM_BANK_UND], SVC | T);
	}
}

/* SUBS PC, LR, #imm8 T1 (B9.3.19; ERET is its #0 form): CPSR from SPSR,
 * T and ITSTATE included (CPSRWriteByInstr with is_excpt_return), then
 * BranchWritePC (A2.3.2) aligned for the new state. */
static void test_subs_pc_lr(void)
{
	setup(USR | T | ARM_CPSR_N | it_bits(ITE_EQ_SECOND));
	s.cp15.sctlr |= SCTLR_TE;
	cpu.r[ARM_REG_PC] = 0x9000;
	arm_sys_take_exception(&s, &cpu, ARM_EXC_IRQ);    /* LR = 0x9004 */
	CHECK_EQ(cpsr() & T, T);
	uint32_t f = run(W(0xf3de, 0x8f04), 0x18);        /* subs pc, lr, #4 */
	CHECK(f & ARM_SYS_MODE_CHANGED);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x9000);
	CHECK_EQ(cpsr(), USR | T | ARM_CPSR_N | it_bits(ITE_EQ_SECOND));
	CHECK_EQ(arm_cpu_cpsr(&cpu) & (T | IT_MASK), T | it_bits(ITE_EQ_SECOND));

	/* From a Thumb handler back to ARM code: PC<1:0> cleared. */
	setup(SVC | T);
	s.banks.spsr[ARM_BANK_SVC] = USR;
	cpu.r[ARM_REG_LR] = 0x7003;
	run(W(0xf3de, 0x8f00), 0x8000);                   /* subs pc, lr, #0 */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x7000);
	CHECK_EQ(cpsr(), USR);
}

/* SRS T1 and RFE T2 (B9.3.16, B9.3.13): the stored PSR brings T and
 * ITSTATE back; a Thumb return address has bit 0 ignored. */
static void test_srs_rfe(void)
{
	setup(ARM_MODE_IRQ | I | T);
	cpu.r[ARM_REG_LR] = 0x8888;
	s.banks.spsr[ARM_BANK_IRQ] = USR | T | it_bits(ITE_EQ_SECOND);
	s.banks.r13[ARM_BANK_SVC] = 0x10100;
	run(W(0xe82d, 0xc013), 0x8000);                   /* srsdb sp!, #19 */
	CHECK_EQ(ram_word(0x100f8), 0x8888);
	CHECK_EQ(ram_word(0x100fc), USR | T | it_bits(ITE_EQ_SECOND));
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], 0x100f8);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	arm_sys_set_cpsr(&s, &cpu, SVC | I | T);
	set_ram_word(0x100f8, 0x8889);
	uint32_t f = run(W(0xe9bd, 0xc000), 0x9000);      /* rfeia sp! */
	CHECK(f & ARM_SYS_MODE_CHANGED);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8888);
	CHECK_EQ(cpsr(), USR | T | it_bits(ITE_EQ_SECOND));
	CHECK_EQ(s.banks.r13[ARM_BANK_SVC], 0x10100);
}

/* LDRT, STRBT, LDRSHT T1 (A8.8.92, A8.8.205, A8.8.88): Rn + imm8, no
 * writeback, PL0 permissions. */
static void test_unprivileged_access(void)
{
	setup(SVC | T);
	set_ram_word(0x10104, 0xdeadbeef);
	cpu.r[1] = 0x10100;
	run(W(0xf851, 0x0e04), 0x8000);                   /* ldrt r0, [r1, #4] */
	CHECK_EQ(cpu.r[0], 0xdeadbeef);
	CHECK_EQ(cpu.r[1], 0x10100);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);

	cpu.r[0] = 0x1ff;
	run(W(0xf801, 0x0e01), 0x8004);                   /* strbt r0, [r1, #1] */
	CHECK_EQ(ram_word(0x10100), 0xff00);
	CHECK_EQ(cpu.r[1], 0x10100);

	set_ram_word(0x10200, 0x8001);
	cpu.r[1] = 0x101fe;
	run(W(0xf931, 0x0e02), 0x8008);                   /* ldrsht r0, [r1, #2] */
	CHECK_EQ(cpu.r[0], 0xffff8001);

	/* A PL1-only page: a permission fault, LR = the LDRT + 8 (Table
	 * B1-7), DFAR the offset address. */
	cpu.r[1] = PRIV_VA - 4;
	run(W(0xf851, 0x0e04), 0x800c);
	CHECK_EQ(mode(), ARM_MODE_ABT);
	CHECK_EQ(s.cp15.dfsr, 0x03d);
	CHECK_EQ(s.cp15.dfar, PRIV_VA);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x800c + 8);
	CHECK_EQ(s.banks.spsr[ARM_BANK_ABT], SVC | T);
}

/* MRC, HVC, SMC, WFI in their T32 encodings (A8.8.108, B9.3.4, B6.1.9,
 * A8.8.426). */
static void test_coproc_and_calls(void)
{
	setup(SVC | T);
	run(W(0xee11, 0x0f10), 0x8000);                   /* mrc p15, 0, r0, c1, c0, 0 */
	CHECK_EQ(cpu.r[0], s.cp15.sctlr);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
	CHECK_EQ(run(W(0xf7e0, 0x8001), 0x8004), ARM_SYS_HVC);   /* hvc #1 */
	CHECK_EQ(s.call_imm, 1);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8008);
	CHECK_EQ(run(W(0xf7f0, 0x8000), 0x8008), ARM_SYS_SMC);   /* smc #0 */
	CHECK_EQ(run(0xbf30, 0x800c), ARM_SYS_WFI);              /* wfi */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x800e);
	CHECK_EQ(run(W(0xf3af, 0x8003), 0x800e), ARM_SYS_WFI);   /* wfi.w */
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8012);
}

/* Inside an IT block (A8.3.1 CurrentCond, A2.5.2 ITAdvance): the
 * condition is ITSTATE's; a passed or failed instruction moves ITSTATE
 * on, and the last one ends the block. */
static void test_it_condition(void)
{
	setup(SVC | T | Z | it_bits(ITE_EQ));
	CHECK_EQ(run(0xbf30, 0x8000), ARM_SYS_WFI);       /* wfi, EQ: runs */
	CHECK_EQ(cpsr() & IT_MASK, it_bits(ITE_EQ_SECOND));
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8002);
	CHECK_EQ(run(W(0xf3af, 0x8003), 0x8002), 0);      /* wfi.w, NE: skipped */
	CHECK_EQ(cpsr() & IT_MASK, 0);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8006);
	CHECK_EQ(arm_cpu_cpsr(&cpu) & IT_MASK, 0);

	/* MSR writes the CPSR but not ITSTATE, which still advances. */
	setup(SVC | T | Z | it_bits(ITE_EQ));
	cpu.r[0] = SVC | I;
	run(W(0xf380, 0x8100), 0x8000);                   /* msr CPSR_c, r0 */
	CHECK_EQ(cpsr(), SVC | I | T | Z | it_bits(ITE_EQ_SECOND));
}

/* Exceptions from inside an IT block: UNDEF and aborts save the
 * instruction's own ITSTATE (B1.8.3); SVC saves it after ITAdvance
 * (TakeSVCException, B1.9.4). BKPT runs whatever ITSTATE's condition
 * (A8.8.24). */
static void test_it_exceptions(void)
{
	setup(SVC | T | Z | it_bits(ITE_EQ));
	run(0xde01, 0x8000);                              /* udf #1 */
	CHECK_EQ(mode(), ARM_MODE_UND);
	CHECK_EQ(s.banks.spsr[ARM_BANK_UND], SVC | T | Z | it_bits(ITE_EQ));
	CHECK_EQ(cpsr() & IT_MASK, 0);

	setup(USR | T | Z | it_bits(ITE_EQ));
	run(0xdf01, 0x8000);                              /* svc #1 */
	CHECK_EQ(mode(), SVC);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x8002);
	CHECK_EQ(s.banks.spsr[ARM_BANK_SVC], USR | T | Z | it_bits(ITE_EQ_SECOND));

	setup(USR | T | it_bits(ITE_EQ));                 /* EQ fails */
	run(0xdf01, 0x8000);
	CHECK_EQ(mode(), USR);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8002);
	CHECK_EQ(cpsr() & IT_MASK, it_bits(ITE_EQ_SECOND));

	setup(SVC | T | it_bits(ITE_EQ));                 /* EQ fails */
	run(0xbe03, 0x8000);                              /* bkpt #3 */
	CHECK_EQ(mode(), ARM_MODE_ABT);
	CHECK_EQ(s.cp15.ifsr, 0x002);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x8004);
	CHECK_EQ(s.banks.spsr[ARM_BANK_ABT], SVC | T | it_bits(ITE_EQ));
}

/* UNPREDICTABLE in an IT block, UNDEFINED here: CPS anywhere (B9.3.1),
 * SUBS PC, LR and RFE except as the last instruction (B9.3.19,
 * B9.3.13). */
static void test_it_unpredictable(void)
{
	setup(SVC | T | Z | it_bits(ITE_EQ));
	run(0xb672, 0x8000);                              /* cpsid i */
	CHECK_EQ(mode(), ARM_MODE_UND);
	CHECK_EQ(cpu.r[ARM_REG_LR], 0x8002);

	setup(SVC | T | Z | it_bits(ITE_EQ));
	s.banks.spsr[ARM_BANK_SVC] = USR;
	cpu.r[ARM_REG_LR] = 0x7000;
	run(W(0xf3de, 0x8f00), 0x8000);                   /* subs pc, lr, #0 */
	CHECK_EQ(mode(), ARM_MODE_UND);

	setup(SVC | T | Z | it_bits(IT_EQ));              /* the last one */
	s.banks.spsr[ARM_BANK_SVC] = USR | T;
	cpu.r[ARM_REG_LR] = 0x7000;
	run(W(0xf3de, 0x8f00), 0x8000);
	CHECK_EQ(mode(), USR);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x7000);
	CHECK_EQ(cpsr(), USR | T);
}

int main(void)
{
	test_entry_lr_from_thumb();
	test_msr_mrs();
	test_cps();
	test_svc();
	test_udf();
	test_subs_pc_lr();
	test_srs_rfe();
	test_unprivileged_access();
	test_coproc_and_calls();
	test_it_condition();
	test_it_exceptions();
	test_it_unpredictable();
	return check_report("unit-armsys-thumb");
}
