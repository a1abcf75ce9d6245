/* The CP15 and CP14 registers this CPU models, as a table (ARM DDI 0406C
 * B3.17 "Organization of the CP15 registers in a VMSA implementation",
 * B4.1 for each register). Anything not listed is UNDEFINED and logged.
 *
 * Identification values. The CPU is a Cortex-A15 as QEMU 7.2's
 * `-cpu cortex-a15` describes it (target/arm/cpu_tcg.c, which follows the
 * Cortex-A15 TRM, ARM DDI 0438), minus what this monitor does not provide:
 * LPAE, the Virtualization and Security Extensions, VFP/Advanced SIMD,
 * ThumbEE, big-endian data and the CP14 debug registers.
 *
 *   MIDR     0x414FC0F0  ARM, variant 4, arch 0xF (CPUID scheme), part
 *                        0xC0F (Cortex-A15), revision 0: r4p0, QEMU's value.
 *                        Linux (arch/arm/kernel/smp_tlb.c,
 *                        erratum_a15_798181_init) installs the 798181
 *                        broadcast/partial TLB workaround only below r4p0
 *                        (midr < 0x414fc0f0), and ARM_ERRATA_773022 (ACTLR
 *                        loop buffer, proc-v7.S __ca15_errata) only up to
 *                        r0p4, so no A15 erratum workaround is enabled.
 *                        Honest for us: the 798181 hazard (a DSB not
 *                        waiting for a broadcast TLBI) cannot happen here.
 *   REVIDR   0           no ECO bits (needed by nothing at r4p0). QEMU 7.2
 *                        reads MIDR there (its MIDR encoding covers opc2 6).
 *   CTR      0x8444C004  v7 format, 64-byte lines, PIPT I-cache (QEMU/TRM).
 *   TCMTR, TLBTR, AIDR 0 no TCMs, unified TLB, no auxiliary ID (QEMU).
 *   MPIDR    0xC0000000  multiprocessing format (bit 31) with U = 1: a
 *                        uniprocessor system, so Linux's SMP kernel patches
 *                        itself to its UP variants (head.S __fixup_smp).
 *                        QEMU reports 0x80000000 (U = 0) for CPU 0.
 *   ID_PFR0  0x00000131  ARM, Thumb-2, trivial Jazelle; ThumbEE absent
 *                        (QEMU 0x1131): with ThumbEE Linux would switch
 *                        TEEHBR on every context switch.
 *   ID_PFR1  0x00010001  programmers' model, generic timer; Security and
 *                        Virtualization fields 0 (QEMU 0x00011011).
 *   ID_DFR0  0x02000000  PMUv2 only; no CP14 debug or trace (QEMU reads
 *                        0x02010505 with EL3 off). DBGDIDR reads 0 to match, so Linux's
 *                        hw_breakpoint says "debug architecture 0x0
 *                        unsupported" and touches no other debug register.
 *   ID_AFR0  0           (QEMU).
 *   ID_MMFR0 0x10201104  VMSAv7 with PXN but no long descriptors (VMSA = 4;
 *                        QEMU 0x10201105 has LPAE).
 *   ID_MMFR1 0x20000000  (QEMU) branch predictor maintenance as the A15.
 *   ID_MMFR2 0x01240000  (QEMU) unified TLB with ASID/MVA/IS operations,
 *                        CP15 barriers, WFI stall.
 *   ID_MMFR3 0x00102211  (QEMU 0x02102211) with CMemSz 0: 32-bit physical
 *                        addresses without LPAE.
 *   ID_ISAR0 0x02101110  (QEMU) including SDIV/UDIV (Divide_instrs = 2),
 *                        which the translator implements.
 *   ID_ISAR1 0x13112110  (QEMU 0x13112111) with Endian = 0: no SETEND BE.
 *   ID_ISAR2 0x21232041  (QEMU).
 *   ID_ISAR3 0x01112131  (QEMU 0x11112131) with ThumbEE = 0.
 *   ID_ISAR4 0x10011142  (QEMU); SMC stays advertised: like HVC it is the
 *                        board's PSCI conduit.
 *   ID_ISAR5 0           no Crypto extension (QEMU).
 *   CLIDR    0x0A200023  L1 separate I/D, L2 unified (QEMU/TRM).
 *   CCSIDR               32K L1 D and I, 4M L2 (QEMU's values).
 *   CPACR    0           cp10/cp11 (and every other coprocessor) RAZ/WI:
 *                        VFP and Advanced SIMD absent (B4.1.40).
 *   ACTLR    0           RAZ/WI, as QEMU's (IMPLEMENTATION DEFINED; an A15
 *                        ignores Non-secure writes). Linux then warns that
 *                        firmware did not set ACTLR.IBE (Spectre v2), as it
 *                        does on QEMU.
 *   PMCR     0x410F3000  six event counters, IDCODE 0x0F (QEMU/TRM). */
#include <stddef.h>

#include "guest-arm/cp15.h"

#define CP15 15
#define CP14 14

#define MIDR_VALUE 0x414fc0f0u
#define CTR_VALUE 0x8444c004u
#define MPIDR_VALUE 0xc0000000u
#define ID_PFR0_VALUE 0x00000131u
#define ID_PFR1_VALUE 0x00010001u
#define ID_DFR0_VALUE 0x02000000u
#define ID_MMFR0_VALUE 0x10201104u
#define ID_MMFR1_VALUE 0x20000000u
#define ID_MMFR2_VALUE 0x01240000u
#define ID_MMFR3_VALUE 0x00102211u
#define ID_ISAR0_VALUE 0x02101110u
#define ID_ISAR1_VALUE 0x13112110u
#define ID_ISAR2_VALUE 0x21232041u
#define ID_ISAR3_VALUE 0x01112131u
#define ID_ISAR4_VALUE 0x10011142u
#define CLIDR_VALUE 0x0a200023u
#define PMCEID0_VALUE 0x1u   /* only event 0x00, SW_INCR, is counted */

/* Writable bits (B4.1.130 SCTLR: M A C CP15BEN SW Z I V RR TRE AFE TE;
 * EE is RAZ/WI without big-endian data, WXN/UWXN belong to the
 * Virtualization Extensions; the RAO bits stay as reset sets them). */
#define SCTLR_WRITABLE 0x70007c27u
#define CSSELR_WRITABLE 0xfu         /* Level, InD (B4.1.41) */
#define TTBCR_WRITABLE 0x37u         /* N, PD0, PD1; EAE RAZ/WI (B4.1.153) */
#define DFSR_WRITABLE 0x3cffu        /* FS, Domain, FS[4], WnR, ExT, CM */
#define IFSR_WRITABLE 0x140fu        /* FS, FS[4], ExT (B4.1.96) */
#define VBAR_WRITABLE 0xffffffe0u    /* bits 4:0 RES0 (B4.1.156) */
#define PMSELR_WRITABLE 0x1fu
#define PMUSERENR_WRITABLE 0x1u
#define CNTKCTL_WRITABLE 0x3ffu      /* B4.1.26 */
#define ALL_BITS 0xffffffffu

/* TLB maintenance arguments (B4.2.3): MVA[31:12] with ASID[7:0], ASID. */
#define TLB_VA_ASID 0xffffffffu
#define TLB_VA 0xfffff000u
#define TLB_ASID 0xffu

#define K(cp, o1, n, m, o2) CP_KEY(cp, o1, n, m, o2), CP_MASK_ALL
#define ID(o1, n, m, o2, v)                                                   \
	{ K(CP15, o1, n, m, o2), CP_PL1_R, GATE_NONE, CP_CONST, 0, v, 0, 0, 0 }
#define CONST_RW(o1, n, m, o2, v)                                             \
	{ K(CP15, o1, n, m, o2), CP_PL1_RW, GATE_NONE, CP_CONST, 0, v, 0, 0, 0 }
#define FIELD(o1, n, m, o2, acc, gate, fld, wmask, fl)                        \
	{ K(CP15, o1, n, m, o2), acc, gate, CP_FIELD,                          \
	  offsetof(struct arm_sys, fld), wmask, fl, 0, 0 }
#define FN(o1, n, m, o2, acc, gate, rd, wr)                                   \
	{ K(CP15, o1, n, m, o2), acc, gate, CP_FN, 0, 0, 0, rd, wr }
#define OP(o1, n, m, o2, acc, gate, fl, argmask)                              \
	{ K(CP15, o1, n, m, o2), acc, gate, CP_OP, 0, argmask, fl, 0, 0 }
#define NOP_OP(o1, n, m, o2) OP(o1, n, m, o2, CP_PL1_W, GATE_NONE, 0, 0)
#define TLB_OP(m, o2, fl, argmask) OP(0, 8, m, o2, CP_PL1_W, GATE_NONE, fl, argmask)

static uint32_t ccsidr_read(struct sys_ctx *c)
{
	/* B4.1.19: the cache CSSELR selects; unimplemented ones UNKNOWN. */
	static const uint32_t ccsidr[] = {
		0x701fe00au,   /* L1 data, 32K */
		0x201fe00au,   /* L1 instruction, 32K */
		0x711fe07au,   /* L2 unified, 4M */
	};
	uint32_t sel = c->s->cp15.csselr;
	return sel < sizeof(ccsidr) / sizeof(ccsidr[0]) ? ccsidr[sel] : 0;
}

static uint32_t tpidruro_read(struct sys_ctx *c)
{
	return c->cpu->tpidruro;
}

static void tpidruro_write(struct sys_ctx *c, uint32_t v)
{
	c->cpu->tpidruro = v;
}

/* TPIDRPRW lives in arm_cpu too: the translator reads it inline at PL1
 * (Linux's per-CPU offset, read at every per-CPU access). */
static uint32_t tpidrprw_read(struct sys_ctx *c)
{
	return c->cpu->tpidrprw;
}

static void tpidrprw_write(struct sys_ctx *c, uint32_t v)
{
	c->cpu->tpidrprw = v;
}

/* ATS1CPR/CPW/CUR/CUW (B4.2.4): a stage 1 walk with the given privilege
 * and access, result in PAR (B4.1.112, short-descriptor format). The
 * walker does not report memory attributes, so PAR's attribute fields
 * read 0. NS is UNKNOWN without the Security Extensions; it reads 1 as
 * on QEMU. QEMU 7.2 leaves SS clear for supersections (PA[31:12] in
 * PAR instead); this follows the manual. */
#define PAR_F 1u
#define PAR_NS (1u << 9)
#define PAR_FS_SHIFT 1
#define PAR_SS (1u << 1)
#define PAR_PA_MASK 0xfffff000u
#define PAR_SUPERSECTION_MASK 0xff000000u
#define SUPERSECTION_SHIFT 24
#define FSR_FS_LOW 0xfu
#define FSR_FS4_SHIFT 10
#define FSR_EXT_SHIFT 12
#define PAR_FS4 (1u << 4)
#define PAR_FS_EXT (1u << 5)

static void ats(struct sys_ctx *c, uint32_t va, bool priv, bool write)
{
	struct arm_mmu_regs regs = arm_sys_mmu_regs(c->s);
	struct arm_walk_result r;
	int fs = arm_walk(&regs, va, write ? ARM_ACCESS_WRITE : ARM_ACCESS_READ,
			  priv, c->mem->walk_read, c->mem->ctx, &r);

	if (fs) {
		/* PAR.FS[5:0] is DFSR.{ExT, FS[4], FS[3:0]}. */
		uint32_t fsr = arm_fsr(&r, true, write), f = fsr & FSR_FS_LOW;
		f |= (fsr >> FSR_FS4_SHIFT) & 1 ? PAR_FS4 : 0;
		f |= (fsr >> FSR_EXT_SHIFT) & 1 ? PAR_FS_EXT : 0;
		c->s->cp15.par = (f << PAR_FS_SHIFT) | PAR_F;
	} else if ((regs.sctlr & ARM_SCTLR_M) &&
		   r.page_shift == SUPERSECTION_SHIFT) {
		/* PAR[23:16] would be PA[39:32]: 0 without LPAE. */
		c->s->cp15.par = (r.pa & PAR_SUPERSECTION_MASK) | PAR_SS | PAR_NS;
	} else {
		c->s->cp15.par = (r.pa & PAR_PA_MASK) | PAR_NS;
	}
}

static void ats1cpr(struct sys_ctx *c, uint32_t v) { ats(c, v, true, false); }
static void ats1cpw(struct sys_ctx *c, uint32_t v) { ats(c, v, true, true); }
static void ats1cur(struct sys_ctx *c, uint32_t v) { ats(c, v, false, false); }
static void ats1cuw(struct sys_ctx *c, uint32_t v) { ats(c, v, false, true); }

const struct cp_reg cp_regs[] = {
	/* c1 and c2/c3 first: DACR, with CONFIG_CPU_SW_DOMAIN_PAN, is the
	 * register Linux writes most. */
	FIELD(0, 3, 0, 0, CP_PL1_RW, GATE_NONE, cp15.dacr, ALL_BITS,
	      ARM_SYS_MMU_CHANGED),
	FIELD(0, 13, 0, 1, CP_PL1_RW, GATE_NONE, cp15.contextidr, ALL_BITS,
	      ARM_SYS_MMU_CHANGED),
	FIELD(0, 2, 0, 0, CP_PL1_RW, GATE_NONE, cp15.ttbr0, ALL_BITS,
	      ARM_SYS_MMU_CHANGED),
	FIELD(0, 2, 0, 1, CP_PL1_RW, GATE_NONE, cp15.ttbr1, ALL_BITS,
	      ARM_SYS_MMU_CHANGED),
	FIELD(0, 2, 0, 2, CP_PL1_RW, GATE_NONE, cp15.ttbcr, TTBCR_WRITABLE,
	      ARM_SYS_MMU_CHANGED),
	FIELD(0, 1, 0, 0, CP_PL1_RW, GATE_NONE, cp15.sctlr, SCTLR_WRITABLE,
	      ARM_SYS_MMU_CHANGED),
	CONST_RW(0, 1, 0, 1, 0),                            /* ACTLR */
	CONST_RW(0, 1, 0, 2, 0),                            /* CPACR */

	/* c7: cache and branch predictor maintenance cost nothing (code
	 * pages are write-protected; DESIGN.md "Code cache"), barriers. */
	NOP_OP(0, 7, 1, 0),                                 /* ICIALLUIS */
	NOP_OP(0, 7, 1, 6),                                 /* BPIALLIS */
	NOP_OP(0, 7, 5, 0),                                 /* ICIALLU */
	NOP_OP(0, 7, 5, 1),                                 /* ICIMVAU */
	NOP_OP(0, 7, 5, 6),                                 /* BPIALL */
	NOP_OP(0, 7, 5, 7),                                 /* BPIMVA */
	NOP_OP(0, 7, 6, 1),                                 /* DCIMVAC */
	NOP_OP(0, 7, 6, 2),                                 /* DCISW */
	NOP_OP(0, 7, 10, 1),                                /* DCCMVAC */
	NOP_OP(0, 7, 10, 2),                                /* DCCSW */
	NOP_OP(0, 7, 11, 1),                                /* DCCMVAU */
	NOP_OP(0, 7, 14, 1),                                /* DCCIMVAC */
	NOP_OP(0, 7, 14, 2),                                /* DCCISW */
	OP(0, 7, 5, 4, CP_PL1_W | CP_PL0_W, GATE_CP15BEN, 0, 0),   /* CP15ISB */
	OP(0, 7, 10, 4, CP_PL1_W | CP_PL0_W, GATE_CP15BEN, 0, 0),  /* CP15DSB */
	OP(0, 7, 10, 5, CP_PL1_W | CP_PL0_W, GATE_CP15BEN, 0, 0),  /* CP15DMB */
	FIELD(0, 7, 4, 0, CP_PL1_RW, GATE_NONE, cp15.par, ALL_BITS, 0),
	FN(0, 7, 8, 0, CP_PL1_W, GATE_NONE, 0, ats1cpr),
	FN(0, 7, 8, 1, CP_PL1_W, GATE_NONE, 0, ats1cpw),
	FN(0, 7, 8, 2, CP_PL1_W, GATE_NONE, 0, ats1cur),
	FN(0, 7, 8, 3, CP_PL1_W, GATE_NONE, 0, ats1cuw),

	/* c8: TLB maintenance (B4.2.3); I/D-side forms act as unified. */
	TLB_OP(3, 0, ARM_SYS_TLB_ALL, 0),                   /* TLBIALLIS */
	TLB_OP(3, 1, ARM_SYS_TLB_VA, TLB_VA_ASID),          /* TLBIMVAIS */
	TLB_OP(3, 2, ARM_SYS_TLB_ASID, TLB_ASID),           /* TLBIASIDIS */
	TLB_OP(3, 3, ARM_SYS_TLB_VAA, TLB_VA),              /* TLBIMVAAIS */
	TLB_OP(5, 0, ARM_SYS_TLB_ALL, 0),                   /* ITLBIALL */
	TLB_OP(5, 1, ARM_SYS_TLB_VA, TLB_VA_ASID),          /* ITLBIMVA */
	TLB_OP(5, 2, ARM_SYS_TLB_ASID, TLB_ASID),           /* ITLBIASID */
	TLB_OP(6, 0, ARM_SYS_TLB_ALL, 0),                   /* DTLBIALL */
	TLB_OP(6, 1, ARM_SYS_TLB_VA, TLB_VA_ASID),          /* DTLBIMVA */
	TLB_OP(6, 2, ARM_SYS_TLB_ASID, TLB_ASID),           /* DTLBIASID */
	TLB_OP(7, 0, ARM_SYS_TLB_ALL, 0),                   /* TLBIALL */
	TLB_OP(7, 1, ARM_SYS_TLB_VA, TLB_VA_ASID),          /* TLBIMVA */
	TLB_OP(7, 2, ARM_SYS_TLB_ASID, TLB_ASID),           /* TLBIASID */
	TLB_OP(7, 3, ARM_SYS_TLB_VAA, TLB_VA),              /* TLBIMVAA */

	/* c13: process and thread IDs (B4.1.37, B4.1.148-B4.1.150). */
	FIELD(0, 13, 0, 2, CP_ALL_RW, GATE_NONE, cp15.tpidrurw, ALL_BITS, 0),
	FN(0, 13, 0, 3, CP_PL1_RW | CP_PL0_R, GATE_NONE, tpidruro_read,
	   tpidruro_write),
	FN(0, 13, 0, 4, CP_PL1_RW, GATE_NONE, tpidrprw_read, tpidrprw_write),
	CONST_RW(0, 13, 0, 0, 0),                           /* FCSEIDR, no FCSE */

	/* c5/c6: fault status and address (B4.1.52, B4.1.96, B4.1.5). */
	FIELD(0, 5, 0, 0, CP_PL1_RW, GATE_NONE, cp15.dfsr, DFSR_WRITABLE, 0),
	FIELD(0, 5, 0, 1, CP_PL1_RW, GATE_NONE, cp15.ifsr, IFSR_WRITABLE, 0),
	CONST_RW(0, 5, 1, 0, 0),                            /* ADFSR */
	CONST_RW(0, 5, 1, 1, 0),                            /* AIFSR */
	FIELD(0, 6, 0, 0, CP_PL1_RW, GATE_NONE, cp15.dfar, ALL_BITS, 0),
	FIELD(0, 6, 0, 2, CP_PL1_RW, GATE_NONE, cp15.ifar, ALL_BITS, 0),

	/* c10, c12: memory attributes, vectors. */
	FIELD(0, 10, 2, 0, CP_PL1_RW, GATE_NONE, cp15.prrr, ALL_BITS, 0),
	FIELD(0, 10, 2, 1, CP_PL1_RW, GATE_NONE, cp15.nmrr, ALL_BITS, 0),
	FIELD(0, 10, 3, 0, CP_PL1_RW, GATE_NONE, cp15.amair0, ALL_BITS, 0),
	FIELD(0, 10, 3, 1, CP_PL1_RW, GATE_NONE, cp15.amair1, ALL_BITS, 0),
	FIELD(0, 12, 0, 0, CP_PL1_RW, GATE_NONE, cp15.vbar, VBAR_WRITABLE, 0),

	/* c14: generic timer (B4.1.21-B4.1.34). */
	FIELD(0, 14, 0, 0, CP_PL1_RW | CP_PL0_R, GATE_CNTFRQ, cp15.cntfrq,
	      ALL_BITS, 0),
	FIELD(0, 14, 1, 0, CP_PL1_RW, GATE_NONE, cp15.cntkctl,
	      CNTKCTL_WRITABLE, 0),
	FN(0, 14, 2, 0, CP_ALL_RW, GATE_CNTP, cp_cntp_tval_read,
	   cp_cntp_tval_write),
	FN(0, 14, 2, 1, CP_ALL_RW, GATE_CNTP, cp_cntp_ctl_read,
	   cp_cntp_ctl_write),
	FN(0, 14, 3, 0, CP_ALL_RW, GATE_CNTV, cp_cntv_tval_read,
	   cp_cntv_tval_write),
	FN(0, 14, 3, 1, CP_ALL_RW, GATE_CNTV, cp_cntv_ctl_read,
	   cp_cntv_ctl_write),

	/* c9: performance monitors (C12.8, B4.1.117-B4.1.128). */
	FN(0, 9, 12, 0, CP_ALL_RW, GATE_PMU, cp_pmcr_read, cp_pmcr_write),
	FN(0, 9, 12, 1, CP_ALL_RW, GATE_PMU, cp_pmcnten_read,
	   cp_pmcntenset_write),
	FN(0, 9, 12, 2, CP_ALL_RW, GATE_PMU, cp_pmcnten_read,
	   cp_pmcntenclr_write),
	FN(0, 9, 12, 3, CP_ALL_RW, GATE_PMU, cp_pmovsr_read, cp_pmovsr_write),
	FN(0, 9, 12, 4, CP_PL1_W | CP_PL0_W, GATE_PMU, 0, cp_pmswinc_write),
	FIELD(0, 9, 12, 5, CP_ALL_RW, GATE_PMU, cp15.pmselr, PMSELR_WRITABLE, 0),
	{ K(CP15, 0, 9, 12, 6), CP_PL1_R | CP_PL0_R, GATE_PMU, CP_CONST, 0,
	  PMCEID0_VALUE, 0, 0, 0 },
	{ K(CP15, 0, 9, 12, 7), CP_PL1_R | CP_PL0_R, GATE_PMU, CP_CONST, 0, 0,
	  0, 0, 0 },
	FN(0, 9, 13, 0, CP_ALL_RW, GATE_PMU, cp_pmccntr_read, cp_pmccntr_write),
	FN(0, 9, 13, 1, CP_ALL_RW, GATE_PMU, cp_pmxevtyper_read,
	   cp_pmxevtyper_write),
	FN(0, 9, 13, 2, CP_ALL_RW, GATE_PMU, cp_pmxevcntr_read,
	   cp_pmxevcntr_write),
	FIELD(0, 9, 14, 0, CP_PL1_RW | CP_PL0_R, GATE_NONE, cp15.pmuserenr,
	      PMUSERENR_WRITABLE, 0),
	FN(0, 9, 14, 1, CP_PL1_RW, GATE_NONE, cp_pmintenset_read,
	   cp_pmintenset_write),
	FN(0, 9, 14, 2, CP_PL1_RW, GATE_NONE, cp_pmintenset_read,
	   cp_pmintenclr_write),

	/* c0: identification (B4.1.105 MIDR and the CPUID scheme, B7). */
	ID(0, 0, 0, 0, MIDR_VALUE),
	ID(0, 0, 0, 1, CTR_VALUE),
	ID(0, 0, 0, 2, 0),                                  /* TCMTR */
	ID(0, 0, 0, 3, 0),                                  /* TLBTR */
	ID(0, 0, 0, 4, MIDR_VALUE),                         /* MIDR alias */
	ID(0, 0, 0, 5, MPIDR_VALUE),
	ID(0, 0, 0, 6, 0),                                  /* REVIDR */
	ID(0, 0, 0, 7, MIDR_VALUE),                         /* MIDR alias */
	ID(0, 0, 1, 0, ID_PFR0_VALUE),
	ID(0, 0, 1, 1, ID_PFR1_VALUE),
	ID(0, 0, 1, 2, ID_DFR0_VALUE),
	ID(0, 0, 1, 3, 0),                                  /* ID_AFR0 */
	ID(0, 0, 1, 4, ID_MMFR0_VALUE),
	ID(0, 0, 1, 5, ID_MMFR1_VALUE),
	ID(0, 0, 1, 6, ID_MMFR2_VALUE),
	ID(0, 0, 1, 7, ID_MMFR3_VALUE),
	ID(0, 0, 2, 0, ID_ISAR0_VALUE),
	ID(0, 0, 2, 1, ID_ISAR1_VALUE),
	ID(0, 0, 2, 2, ID_ISAR2_VALUE),
	ID(0, 0, 2, 3, ID_ISAR3_VALUE),
	ID(0, 0, 2, 4, ID_ISAR4_VALUE),
	ID(0, 0, 2, 5, 0),                                  /* ID_ISAR5 */
	/* The rest of the CPUID space reads as zero (B7.1, Table B7-1). */
	{ CP_KEY(CP15, 0, 0, 2, 6), 0xffff6u, CP_PL1_R, GATE_NONE, CP_CONST,
	  0, 0, 0, 0, 0 },
	{ CP_KEY(CP15, 0, 0, 3, 0), CP_MASK_ANY_OPC2, CP_PL1_R, GATE_NONE,
	  CP_CONST, 0, 0, 0, 0, 0 },
	{ CP_KEY(CP15, 0, 0, 4, 0), 0xfffc0u, CP_PL1_R, GATE_NONE, CP_CONST,
	  0, 0, 0, 0, 0 },
	FN(1, 0, 0, 0, CP_PL1_R, GATE_NONE, ccsidr_read, 0),
	ID(1, 0, 0, 1, CLIDR_VALUE),
	ID(1, 0, 0, 7, 0),                                  /* AIDR */
	FIELD(2, 0, 0, 0, CP_PL1_RW, GATE_NONE, cp15.csselr, CSSELR_WRITABLE, 0),

	/* CP14: DBGDIDR reads 0, no debug architecture (see above; C11.11.15
	 * makes it readable at PL0); the trivial Jazelle registers JIDR,
	 * JOSCR and JMCR read as zero (A2.10.1, B1.14). */
	{ K(CP14, 0, 0, 0, 0), CP_PL1_R | CP_PL0_R, GATE_NONE, CP_CONST, 0, 0,
	  0, 0, 0 },
	{ K(CP14, 7, 0, 0, 0), CP_PL1_R | CP_PL0_R, GATE_NONE, CP_CONST, 0, 0,
	  0, 0, 0 },
	{ K(CP14, 7, 1, 0, 0), CP_PL1_RW, GATE_NONE, CP_CONST, 0, 0, 0, 0, 0 },
	{ K(CP14, 7, 2, 0, 0), CP_PL1_RW, GATE_NONE, CP_CONST, 0, 0, 0, 0, 0 },
};

const size_t cp_regs_count = sizeof(cp_regs) / sizeof(cp_regs[0]);
