/* The ARMv7-A system state of the guest CPU beyond what translated code
 * sees (dbt/arm_cpu.h): processor modes and banked registers, SPSRs,
 * exception entry and return, CP15, and the system instructions the
 * translator leaves to the monitor (DBT_EXIT_SYSTEM). No Monitor or Hyp
 * mode: a Cortex-A15-like CPU without Security or Virtualization
 * Extensions visible to the guest. Host-testable: guest memory is reached
 * only through struct arm_sys_mem. */
#ifndef GUEST_ARM_ARM_SYS_H
#define GUEST_ARM_ARM_SYS_H

#include <stdbool.h>
#include <stdint.h>

#include "dbt/arm_cpu.h"
#include "shadow/walk.h"

/* Processor modes (B1.3.1, Table B1-1). */
#define ARM_MODE_FIQ 0x11u
#define ARM_MODE_IRQ 0x12u
#define ARM_MODE_SVC 0x13u
#define ARM_MODE_ABT 0x17u
#define ARM_MODE_UND 0x1Bu
#define ARM_MODE_SYS 0x1Fu

enum arm_exception {
	ARM_EXC_RESET,
	ARM_EXC_UNDEF,
	ARM_EXC_SVC,
	ARM_EXC_PREFETCH_ABORT,
	ARM_EXC_DATA_ABORT,
	ARM_EXC_IRQ,
	ARM_EXC_FIQ,
};

struct arm_cp15 {
	uint32_t sctlr, actlr, cpacr;
	uint32_t ttbr0, ttbr1, ttbcr, dacr;
	uint32_t dfsr, ifsr, dfar, ifar, adfsr, aifsr;
	uint32_t prrr, nmrr, amair0, amair1;
	uint32_t contextidr, tpidrurw, tpidrprw;   /* TPIDRURO is in arm_cpu */
	uint32_t vbar;
	uint32_t csselr;
	uint32_t par;
	/* PMU (C12): enough state for Linux's probe and perf to read back. */
	uint32_t pmcr, pmcnten, pmovsr, pmselr, pmuserenr, pmintenset;
	uint32_t pmxevtyper[32];
	uint64_t pmccntr_base;
	uint32_t cntkctl;
};

/* Banked registers of the modes not current (B1.3.2): R13/R14 per mode,
 * R8-R12 for FIQ, SPSR per exception mode. The current mode's values live
 * in arm_cpu.r[]. */
struct arm_banks {
	uint32_t r13[7], r14[7];    /* indexed by arm_bank_index() */
	uint32_t spsr[7];
	uint32_t fiq_r8_12[5], usr_r8_12[5];
};

/* What a system instruction or register write did, beyond updating the
 * state: the monitor acts on these (flags OR together). */
#define ARM_SYS_MMU_CHANGED  (1u << 0)  /* SCTLR/TTBR/TTBCR/DACR/CONTEXTIDR written */
#define ARM_SYS_MODE_CHANGED (1u << 1)  /* privilege or mode switched */
#define ARM_SYS_TLB_ALL      (1u << 2)  /* TLBIALL(IS): drop every entry */
#define ARM_SYS_TLB_ASID     (1u << 3)  /* TLBIASID(IS): tlb_arg = ASID */
#define ARM_SYS_TLB_VA       (1u << 4)  /* TLBIMVA(IS): tlb_arg = VA|ASID */
#define ARM_SYS_TLB_VAA      (1u << 5)  /* TLBIMVAA(IS): tlb_arg = VA, any ASID */
#define ARM_SYS_WFI          (1u << 6)  /* WFI/WFE: sleep until an interrupt */
#define ARM_SYS_HVC          (1u << 7)  /* HVC: call_imm set; board handles */
#define ARM_SYS_SMC          (1u << 8)  /* SMC: board handles (PSCI) */
#define ARM_SYS_IRQ_MASK     (1u << 9)  /* CPSR.I/F/A may have been cleared */

struct arm_sys {
	uint32_t cpsr;               /* mode, T, E, A, I, F; NZCVQ/GE in arm_cpu */
	struct arm_banks banks;
	struct arm_cp15 cp15;
	bool irq_line, fiq_line;     /* from the interrupt controller */
	uint32_t call_imm;           /* HVC imm16 / SMC imm4 */
	uint32_t tlb_arg;
};

/* Guest memory by virtual address, through the guest's current
 * translation with the given privilege; used by SRS, RFE, LDM/STM (user
 * registers and exception return) and LDRT/STRT. Each returns 0 or a
 * fault status (ARM_FS_*) with the walk result for the abort. */
struct arm_sys_mem {
	int (*read32)(void *ctx, uint32_t va, bool privileged, uint32_t *out,
		      struct arm_walk_result *fault);
	int (*write32)(void *ctx, uint32_t va, bool privileged, uint32_t val,
		       struct arm_walk_result *fault);
	void *ctx;
};

/* Reset state (B1.8.2): SVC mode, I/F/A masked, MMU off. */
void arm_sys_reset(struct arm_sys *s, struct arm_cpu *cpu);

/* The full CPSR, combining arm_sys.cpsr and the translator's flags. */
uint32_t arm_sys_cpsr(const struct arm_sys *s, const struct arm_cpu *cpu);
bool arm_sys_privileged(const struct arm_sys *s);
struct arm_mmu_regs arm_sys_mmu_regs(const struct arm_sys *s);

/* Exception entry (B1.8.3-B1.8.10): banks, SPSR, LR with the
 * exception's offset from pc (cpu->r[15] must hold the address of the
 * instruction the exception is taken on; for SVC, the one after it, as
 * DBT_EXIT_SVC leaves it), masks, vector (VBAR or high vectors). For
 * aborts the caller has set DFSR/DFAR or IFSR/IFAR. */
void arm_sys_take_exception(struct arm_sys *s, struct arm_cpu *cpu,
			    enum arm_exception e);

/* Executes the system instruction at cpu->r[15] (encoding insn): on
 * return cpu->r[15] is the next instruction, or the exception's vector if
 * it raised one (UNDEF, abort). Returns ARM_SYS_* flags. */
uint32_t arm_sys_exec(struct arm_sys *s, struct arm_cpu *cpu, uint32_t insn,
		      const struct arm_sys_mem *mem);

/* If an unmasked IRQ or FIQ is pending, takes it and returns true. */
bool arm_sys_check_interrupts(struct arm_sys *s, struct arm_cpu *cpu);

#endif
