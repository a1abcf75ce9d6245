/* Unit tests of the CP15/CP14 register model (guest-arm/cp15*.c): ID
 * values, read/write masks, PL0/PL1 access rules, TLB and cache
 * operations, address translation, PMU and timer registers, and the log
 * of unmodelled encodings. Expected values come from ARM DDI 0406C
 * (sections at each test) and, for the ID registers, QEMU 7.2's
 * cortex-a15 (target/arm/cpu_tcg.c) adjusted as guest-arm/cp15_regs.c
 * explains. Instruction words from GNU as (.arch armv7ve). */
#include "tests/unit/armsys_fake.h"

#define USR ARM_MODE_USR
#define SVC ARM_MODE_SVC

/* MRC/MCR words for Rt = r0. */
#define MRC_MIDR 0xee100f10u       /* mrc p15, 0, r0, c0, c0, 0 */
#define MRC_MPIDR 0xee100fb0u      /* mrc p15, 0, r0, c0, c0, 5 */
#define MRC_MMFR0 0xee100f91u      /* mrc p15, 0, r0, c0, c1, 4 */
#define MRC_ISAR0 0xee100f12u      /* mrc p15, 0, r0, c0, c2, 0 */
#define MRC_C0_C3_0 0xee100f13u    /* mrc p15, 0, r0, c0, c3, 0 */
#define MRC_CCSIDR 0xee300f10u     /* mrc p15, 1, r0, c0, c0, 0 */
#define MCR_CSSELR 0xee400f10u     /* mcr p15, 2, r0, c0, c0, 0 */
#define MCR_SCTLR 0xee010f10u      /* mcr p15, 0, r0, c1, c0, 0 */
#define MRC_SCTLR 0xee110f10u
#define MCR_CPACR 0xee010f50u      /* mcr p15, 0, r0, c1, c0, 2 */
#define MRC_CPACR 0xee110f50u
#define MCR_TTBCR 0xee020f50u      /* mcr p15, 0, r0, c2, c0, 2 */
#define MCR_DACR 0xee030f10u       /* mcr p15, 0, r0, c3, c0, 0 */
#define MCR_TPIDRURW 0xee0d0f50u   /* mcr p15, 0, r0, c13, c0, 2 */
#define MCR_TPIDRURO 0xee0d0f70u   /* mcr p15, 0, r0, c13, c0, 3 */
#define MRC_TPIDRURO 0xee1d0f70u
#define MCR_TLBIMVA 0xee080f37u    /* mcr p15, 0, r0, c8, c7, 1 */
#define MCR_TLBIALLIS 0xee080f13u  /* mcr p15, 0, r0, c8, c3, 0 */
#define MCR_TLBIASID 0xee080f57u   /* mcr p15, 0, r0, c8, c7, 2 */
#define MCR_TLBIMVAA 0xee080f77u   /* mcr p15, 0, r0, c8, c7, 3 */
#define MCR_ICIALLU 0xee070f15u    /* mcr p15, 0, r0, c7, c5, 0 */
#define MCR_CP15ISB 0xee070f95u    /* mcr p15, 0, r0, c7, c5, 4 */
#define MCR_ATS1CPR 0xee070f18u    /* mcr p15, 0, r0, c7, c8, 0 */
#define MCR_ATS1CUR 0xee070f58u    /* mcr p15, 0, r0, c7, c8, 2 */
#define MRC_PAR 0xee170f14u        /* mrc p15, 0, r0, c7, c4, 0 */
#define MRC_L2CTLR 0xee390f50u     /* mrc p15, 1, r0, c9, c0, 2 */
#define MRRC_CNTVCT 0xec510f1eu    /* mrrc p15, 1, r0, r1, c14 */
#define MRRC_TTBR0 0xec510f02u     /* mrrc p15, 0, r0, r1, c2 */
#define MCRR_CNTP_CVAL 0xec410f2eu /* mcrr p15, 2, r0, r1, c14 */
#define MCR_CNTP_CTL 0xee0e0f32u   /* mcr p15, 0, r0, c14, c2, 1 */
#define MRC_CNTFRQ 0xee1e0f10u     /* mrc p15, 0, r0, c14, c0, 0 */
#define MRC_DBGDIDR 0xee100e10u    /* mrc p14, 0, r0, c0, c0, 0 */
#define LDC_P14 0xed905e00u        /* ldc p14, c5, [r0] */
#define MRC_PMCR 0xee190f1cu       /* mrc p15, 0, r0, c9, c12, 0 */
#define MCR_PMUSERENR 0xee090f1eu  /* mcr p15, 0, r0, c9, c14, 0 */
#define MCR_PMCNTENSET 0xee090f3cu /* mcr p15, 0, r0, c9, c12, 1 */
#define MCR_PMSWINC 0xee090f9cu    /* mcr p15, 0, r0, c9, c12, 4 */
#define MCR_PMSELR 0xee090fbcu     /* mcr p15, 0, r0, c9, c12, 5 */
#define MCR_PMXEVTYPER 0xee090f3du /* mcr p15, 0, r0, c9, c13, 1 */
#define MRC_PMXEVCNTR 0xee190f5du  /* mrc p15, 0, r0, c9, c13, 2 */
#define MRC_PMCCNTR 0xee190f1du    /* mrc p15, 0, r0, c9, c13, 0 */

static uint32_t mrc(uint32_t insn)
{
	cpu.r[0] = 0xcccccccc;
	run(insn, 0x8000);
	return cpu.r[0];
}

static uint32_t mcr(uint32_t insn, uint32_t v)
{
	cpu.r[0] = v;
	return run(insn, 0x8000);
}

/* The identification values (cp15_regs.c explains each). */
static void test_id_registers(void)
{
	setup(SVC);
	CHECK_EQ(mrc(MRC_MIDR), 0x414fc0f0);
	CHECK_EQ(mrc(MRC_MPIDR), 0xc0000000);
	CHECK_EQ(mrc(MRC_MMFR0) & 0xf, 4);          /* VMSAv7, PXN, no LPAE */
	CHECK_EQ((mrc(MRC_ISAR0) >> 24) & 0xf, 2);  /* SDIV/UDIV in ARM */
	CHECK_EQ(mrc(MRC_C0_C3_0), 0);              /* reserved CPUID: RAZ */
	mcr(MCR_CSSELR, 0);
	CHECK_EQ(mrc(MRC_CCSIDR), 0x701fe00a);
	mcr(MCR_CSSELR, 1);
	CHECK_EQ(mrc(MRC_CCSIDR), 0x201fe00a);
	mcr(MCR_CSSELR, 2);
	CHECK_EQ(mrc(MRC_CCSIDR), 0x711fe07a);
	CHECK_EQ(mrc(MRC_DBGDIDR), 0);
	CHECK_EQ(mode(), SVC);

	/* ID registers are read-only (B4.1.105): MCR is UNDEFINED. */
	run(0xee000f10, 0x8000);                    /* mcr p15, 0, r0, c0, c0, 0 */
	CHECK(took_undef(0x8000, SVC));
}

/* SCTLR (B4.1.130): RES1 bits stay, writable bits follow, EE and the
 * Virtualization bits WXN/UWXN stay 0. Changing it reports the MMU. */
static void test_sctlr_masks(void)
{
	setup(SVC);
	CHECK(mcr(MCR_SCTLR, 0xffffffff) & ARM_SYS_MMU_CHANGED);
	CHECK_EQ(mrc(MRC_SCTLR), 0x00c50078 | 0x70007c27);
	CHECK_EQ(mcr(MCR_SCTLR, 0x00c50078 | 0x70007c27), 0);  /* no change */
	mcr(MCR_SCTLR, 0);
	CHECK_EQ(mrc(MRC_SCTLR), 0x00c50058);   /* CP15BEN (bit 5) cleared */
	/* What Linux's __v7_setup writes (v7_crval for 2-level tables:
	 * clear 0x2120c302, set 0x10c03c7d, with CONFIG_SWP_EMULATE moving
	 * SW from set to clear) reads back as its boot log shows on QEMU's
	 * cortex-a15: "cr=10c5387d". */
	mcr(MCR_SCTLR, (0x00c50078 & ~(0x2120c302u | 0x400u)) |
			       (0x10c03c7du & ~0x400u));
	CHECK_EQ(mrc(MRC_SCTLR), 0x10c5387d);
	/* ACTLR is RAZ/WI (QEMU's cortex-a15 too). */
	mcr(0xee010f30, 0x41);                      /* mcr p15, 0, r0, c1, c0, 1 */
	CHECK_EQ(mrc(0xee110f30), 0);
	/* TTBCR: N, PD0, PD1 only; EAE RAZ/WI without LPAE (B4.1.153). */
	mcr(MCR_TTBCR, 0xffffffff);
	CHECK_EQ(s.cp15.ttbcr, 0x37);
	/* CPACR: cp10/cp11 RAZ/WI, VFP absent (B4.1.40). */
	mcr(MCR_CPACR, 0x00f00000);
	CHECK_EQ(mrc(MRC_CPACR), 0);
	/* DACR: a write that changes it is an MMU change; the same value
	 * again is not (Linux rewrites DACR on every kernel entry). */
	CHECK(mcr(MCR_DACR, 0x55555555) & ARM_SYS_MMU_CHANGED);
	CHECK_EQ(mcr(MCR_DACR, 0x55555555), 0);
	CHECK_EQ(s.cp15.dacr, 0x55555555);
}

/* PL0 rules (B3.17.1 and each register): most CP15 is PL1-only;
 * TPIDRURW is PL0 read/write, TPIDRURO PL0 read-only. */
static void test_pl0_access(void)
{
	setup(USR);
	run(MRC_MIDR, 0x8000);
	CHECK(took_undef(0x8000, USR));
	setup(USR);
	run(MCR_DACR, 0x8000);
	CHECK(took_undef(0x8000, USR));
	setup(USR);
	run(MCR_TLBIALLIS, 0x8000);
	CHECK(took_undef(0x8000, USR));

	setup(USR);
	mcr(MCR_TPIDRURW, 0x1234);
	CHECK_EQ(s.cp15.tpidrurw, 0x1234);
	CHECK_EQ(mode(), USR);
	cpu.tpidruro = 0x5678;
	CHECK_EQ(mrc(MRC_TPIDRURO), 0x5678);
	run(MCR_TPIDRURO, 0x8000);
	CHECK(took_undef(0x8000, USR));

	setup(SVC);
	mcr(MCR_TPIDRURO, 0x9abc);
	CHECK_EQ(cpu.tpidruro, 0x9abc);

	/* CP15 barriers: PL0 may use them while SCTLR.CP15BEN is set. */
	setup(USR);
	CHECK_EQ(mcr(MCR_CP15ISB, 0), 0);
	CHECK_EQ(mode(), USR);
	s.cp15.sctlr &= ~(1u << 5);
	run(MCR_CP15ISB, 0x8000);
	CHECK(took_undef(0x8000, USR));
}

/* TLB maintenance (B4.2.3): flags and arguments for the shadow MMU;
 * cache maintenance costs nothing. */
static void test_tlb_ops(void)
{
	setup(SVC);
	CHECK_EQ(mcr(MCR_TLBIMVA, 0x12345042), ARM_SYS_TLB_VA);
	CHECK_EQ(s.tlb_arg, 0x12345042);
	CHECK_EQ(mcr(MCR_TLBIMVAA, 0x12345fff), ARM_SYS_TLB_VAA);
	CHECK_EQ(s.tlb_arg, 0x12345000);
	CHECK_EQ(mcr(MCR_TLBIASID, 0xabcd0042), ARM_SYS_TLB_ASID);
	CHECK_EQ(s.tlb_arg, 0x42);
	CHECK_EQ(mcr(MCR_TLBIALLIS, 0), ARM_SYS_TLB_ALL);
	CHECK_EQ(mcr(MCR_ICIALLU, 0), 0);
	CHECK_EQ(cpu.r[ARM_REG_PC], 0x8004);
}

/* ATS1CPR/ATS1CUR (B4.2.4) with PAR in the short-descriptor format
 * (B4.1.112): PA[31:12] on success, with NS (bit 9, UNKNOWN here, 1 as
 * on QEMU); F = 1 and FS in bits 6:1 on a fault. */
static void test_address_translation(void)
{
	setup(SVC);
	mcr(MCR_ATS1CPR, 0x12345678);               /* MMU off: flat */
	CHECK_EQ(mrc(MRC_PAR), 0x12345000 | 0x200);

	/* One section 0x800 -> PA 0x40000000, AP = 0b01 (PL1 only,
	 * B3.7.1 Table B3-8), domain 0 client. */
	table[0x800] = 0x40000000 | (1u << 10) | 2;
	s.cp15.ttbr0 = TABLE_PA;
	s.cp15.dacr = 1;
	s.cp15.sctlr |= ARM_SCTLR_M;
	mcr(MCR_ATS1CPR, 0x80012345);
	CHECK_EQ(mrc(MRC_PAR), 0x40012000 | 0x200);
	/* From PL0's view: a section permission fault, FS 0x0D. */
	mcr(MCR_ATS1CUR, 0x80012345);
	CHECK_EQ(mrc(MRC_PAR), (0x0du << 1) | 1);
	/* Unmapped: a section translation fault, FS 0x05. */
	mcr(MCR_ATS1CPR, 0x90000000);
	CHECK_EQ(mrc(MRC_PAR), (0x05u << 1) | 1);
	/* A supersection (bit 18, 16 identical entries, B3.5.1): PAR holds
	 * PA[31:24] and SS (bit 1). */
	for (unsigned i = 0; i < 16; i++)
		table[0xa00 + i] = 0x5f000000 | (1u << 18) | (1u << 10) | 2;
	mcr(MCR_ATS1CPR, 0xa0abcdef);
	CHECK_EQ(mrc(MRC_PAR), 0x5f000000 | 0x200 | 2);
}

/* MRC with Rt = 15 writes APSR.NZCV from bits 31:28 (A8.8.108). */
static void test_mrc_apsr(void)
{
	setup(SVC | ARM_CPSR_C);
	run(0xee10ff10, 0x8000);             /* mrc p15, 0, APSR_nzcv, c0, c0, 0 */
	CHECK_EQ(arm_sys_cpsr(&s, &cpu), SVC | ARM_CPSR_Z);   /* MIDR[31:28] = 4 */
}

/* Generic timer (B8.2, B4.1.26): counts from the board; PL0 access per
 * CNTKCTL; CVAL writes reach the board. */
static void test_timer(void)
{
	setup(SVC);
	CHECK_EQ(mrc(MRC_CNTFRQ), FAKE_FREQ);
	run(MRRC_CNTVCT, 0x8000);
	CHECK_EQ(cpu.r[0], (uint32_t)FAKE_CNTVCT);
	CHECK_EQ(cpu.r[1], (uint32_t)(FAKE_CNTVCT >> 32));
	cpu.r[0] = 0x89abcdef;
	cpu.r[1] = 0x01234567;
	run(MCRR_CNTP_CVAL, 0x8004);
	CHECK_EQ(timer_regs[ARM_TIMER_CNTP_CVAL], 0x0123456789abcdefull);
	mcr(MCR_CNTP_CTL, 1);
	CHECK_EQ(last_timer_write, ARM_TIMER_CNTP_CTL);

	setup(USR);                                  /* CNTKCTL = 0 */
	run(MRRC_CNTVCT, 0x8000);
	CHECK(took_undef(0x8000, USR));
	setup(SVC);
	s.cp15.cntkctl = 2;                          /* PL0VCTEN */
	arm_sys_set_cpsr(&s, &cpu, USR);
	run(MRRC_CNTVCT, 0x8000);
	CHECK_EQ(cpu.r[0], (uint32_t)FAKE_CNTVCT);
	CHECK_EQ(mrc(MRC_CNTFRQ), FAKE_FREQ);
	run(MCR_CNTP_CTL, 0x8000);                   /* PL0PTEN clear */
	CHECK(took_undef(0x8000, USR));

	/* No board timer: the timer registers are UNDEFINED. */
	setup(SVC);
	s.timer = NULL;
	run(MRRC_CNTVCT, 0x8000);
	CHECK(took_undef(0x8000, SVC));
}

/* PMU (C12.8): PMCR.N = 6; PL0 access only with PMUSERENR.EN; software
 * increment counts on a counter programmed with event 0x00. */
static void test_pmu(void)
{
	setup(SVC);
	CHECK_EQ(mrc(MRC_PMCR), 0x410f3000);
	mcr(MCR_PMSELR, 2);
	mcr(MCR_PMXEVTYPER, 0x00);                   /* SW_INCR */
	mcr(MCR_PMCNTENSET, 1u << 2);
	mcr(0xee090f1c, 1);                          /* PMCR.E = 1 */
	mcr(MCR_PMSWINC, 1u << 2);
	mcr(MCR_PMSWINC, 1u << 2);
	CHECK_EQ(mrc(MRC_PMXEVCNTR), 2);
	/* The cycle counter does not move while disabled; enabled, it runs
	 * at the timer's rate, divided by 64 with PMCR.D (B4.1.117). */
	fake_cntpct += 1000;
	CHECK_EQ(mrc(MRC_PMCCNTR), 0);
	mcr(MCR_PMCNTENSET, 1u << 31);
	fake_cntpct += 1000;
	CHECK_EQ(mrc(MRC_PMCCNTR), 1000);
	mcr(0xee090f1c, 1 | 8);                      /* PMCR.E, PMCR.D */
	fake_cntpct += 6400;
	CHECK_EQ(mrc(MRC_PMCCNTR), 1100);
	mcr(0xee090f1c, 1 | 4);                      /* PMCR.C resets it */
	CHECK_EQ(mrc(MRC_PMCCNTR), 0);

	/* PMSELR = 31 selects the cycle counter's filter for PMXEVTYPER;
	 * selecting an absent counter reads 0 (UNPREDICTABLE, C12.8.7). */
	mcr(MCR_PMSELR, 31);
	mcr(MCR_PMXEVTYPER, 0x40000000);
	CHECK_EQ(s.cp15.pmxevtyper[31], 0x40000000);
	mcr(MCR_PMSELR, 7);
	CHECK_EQ(mrc(MRC_PMXEVCNTR), 0);

	arm_sys_set_cpsr(&s, &cpu, USR);
	run(MRC_PMCR, 0x8000);
	CHECK(took_undef(0x8000, USR));
	setup(SVC);
	mcr(MCR_PMUSERENR, 1);
	arm_sys_set_cpsr(&s, &cpu, USR);
	CHECK_EQ(mrc(MRC_PMCR), 0x410f3000);
	CHECK_EQ(mode(), USR);
}

/* Unmodelled encodings: UNDEFINED and logged once each; 64-bit TTBR0
 * exists only with LPAE. */
static void test_unmodelled(void)
{
	setup(SVC);
	run(MRC_L2CTLR, 0x8000);
	CHECK(took_undef(0x8000, SVC));
	CHECK_EQ(log_lines, 1);
	CHECK(strcmp(last_log, "unmodelled coprocessor access: mrc p15, 1, "
			       "c9, c0, 2 (insn 0xee390f50 at pc 0x8000): "
			       "UNDEFINED") == 0);
	setup(SVC);
	log_lines = 0;
	run(MRC_L2CTLR, 0x8000);
	run(MRC_L2CTLR, 0x9000);
	CHECK_EQ(log_lines, 1);
	run(MRRC_TTBR0, 0xa000);
	CHECK_EQ(log_lines, 2);
	/* After ARM_SYS_LOG_KEYS encodings, one closing line, then quiet:
	 * MRC p15, 0, r0, c15, c<m>, <o2> are all unmodelled. */
	setup(SVC);
	for (uint32_t i = 0; i < ARM_SYS_LOG_KEYS + 8; i++)
		run(0xee1f0f10 | ((i & 7) << 5) | (i >> 3), 0x8000);
	CHECK_EQ(log_lines, ARM_SYS_LOG_KEYS + 1);
	CHECK(strstr(last_log, "no more") != NULL);
	setup(SVC);
	run(0xfe100f10, 0x8000);                 /* mrc2 p15, 0, r0, c0, c0, 0 */
	CHECK(took_undef(0x8000, SVC));
	setup(SVC);
	run(LDC_P14, 0x8000);
	CHECK(took_undef(0x8000, SVC));
	CHECK_EQ(log_lines, 1);
}

int main(void)
{
	test_id_registers();
	test_sctlr_masks();
	test_pl0_access();
	test_tlb_ops();
	test_address_translation();
	test_mrc_apsr();
	test_timer();
	test_pmu();
	test_unmodelled();
	return check_report("unit-armsys-cp15");
}
