/* The ARMv7-A system state of the guest CPU beyond what translated code
 * sees (dbt/arm_cpu.h): processor modes and banked registers, SPSRs,
 * exception entry and return, CP15, and the system instructions the
 * translator leaves to the monitor (DBT_EXIT_SYSTEM). No Monitor or Hyp
 * mode: a Cortex-A15-like CPU without Security, Virtualization or Large
 * Physical Address Extensions visible to the guest. Host-testable: guest
 * memory is reached only through struct arm_sys_mem, the timer through
 * struct arm_timer_ops. */
#ifndef GUEST_ARM_ARM_SYS_H
#define GUEST_ARM_ARM_SYS_H

#include <stdbool.h>
#include <stdint.h>

#include "dbt/arm_cpu.h"
#include "shadow/walk.h"

/* Processor modes (B1.3.1, Table B1-1). ARM_MODE_USR is in arm_cpu.h. */
#define ARM_MODE_FIQ 0x11u
#define ARM_MODE_IRQ 0x12u
#define ARM_MODE_SVC 0x13u
#define ARM_MODE_ABT 0x17u
#define ARM_MODE_UND 0x1Bu
#define ARM_MODE_SYS 0x1Fu

/* CPSR execution state bits (B1.3.3): J, and IT[1:0] / IT[7:2]. */
#define ARM_CPSR_J (1u << 24)
#define ARM_CPSR_IT_LO (3u << 25)
#define ARM_CPSR_IT_HI (0x3fu << 10)
#define ARM_CPSR_APSR (ARM_CPSR_NZCV | ARM_CPSR_Q | ARM_CPSR_GE_MASK)
#define ARM_IT_HI_TO_ITSTATE 8   /* CPSR[15:10] is ITSTATE[7:2] */
#define ARM_IT_LO_TO_ITSTATE 25  /* CPSR[26:25] is ITSTATE[1:0] */

/* ITSTATE (A2.5.2) as one byte: IT[7:5] the base condition, IT[4:0] the
 * rest of the block's mask; zero outside an IT block. */
static inline uint32_t arm_cpsr_itstate(uint32_t cpsr)
{
	return ((cpsr & ARM_CPSR_IT_HI) >> ARM_IT_HI_TO_ITSTATE) |
	       ((cpsr & ARM_CPSR_IT_LO) >> ARM_IT_LO_TO_ITSTATE);
}

/* ITAdvance() (A2.5.2): the CPSR as it is after one more instruction of
 * the IT block; the last one (IT[2:0] = 000) ends the block. */
static inline uint32_t arm_cpsr_it_advance(uint32_t cpsr)
{
	uint32_t it = arm_cpsr_itstate(cpsr);

	it = (it & 7u) ? (it & 0xe0u) | ((it << 1) & 0x1fu) : 0;
	return (cpsr & ~(ARM_CPSR_IT_HI | ARM_CPSR_IT_LO)) |
	       ((it << ARM_IT_HI_TO_ITSTATE) & ARM_CPSR_IT_HI) |
	       ((it << ARM_IT_LO_TO_ITSTATE) & ARM_CPSR_IT_LO);
}

enum arm_exception {
	ARM_EXC_RESET,
	ARM_EXC_UNDEF,
	ARM_EXC_SVC,
	ARM_EXC_PREFETCH_ABORT,
	ARM_EXC_DATA_ABORT,
	ARM_EXC_IRQ,
	ARM_EXC_FIQ,
};

/* Register banks (B1.3.2, Figure B1-2): User and System share one. */
enum arm_bank {
	ARM_BANK_USR,
	ARM_BANK_FIQ,
	ARM_BANK_IRQ,
	ARM_BANK_SVC,
	ARM_BANK_ABT,
	ARM_BANK_UND,
	ARM_BANK_COUNT,
};

/* Event counters of the PMU (PMCR.N), as on a Cortex-A15 (TRM 11.1). */
#define ARM_PMU_COUNTERS 6
#define ARM_PMU_SEL_COUNT 32     /* PMSELR.SEL values; 31 is the cycle counter */

struct arm_cp15 {
	uint32_t sctlr;
	uint32_t ttbr0, ttbr1, ttbcr, dacr;
	uint32_t dfsr, ifsr, dfar, ifar;
	uint32_t prrr, nmrr, amair0, amair1;
	uint32_t contextidr, tpidrurw;   /* TPIDRURO and TPIDRPRW are in arm_cpu */
	uint32_t vbar;
	uint32_t csselr;
	uint32_t par;
	/* PMU (C12): the state Linux's driver and perf write and read back.
	 * The cycle counter runs at the generic timer's rate (there is no
	 * guest cycle count); event counters count only SW_INCR. */
	uint32_t pmcr, pmcnten, pmovsr, pmselr, pmuserenr, pmintenset;
	uint32_t pmxevtyper[ARM_PMU_SEL_COUNT];
	uint32_t pmevcntr[ARM_PMU_COUNTERS];
	uint32_t pmccntr;        /* value at pmccntr_at (timer count) */
	uint64_t pmccntr_at;
	/* Generic timer (B8): the frequency register and the PL0 access
	 * controls live here; the counters and timers are the board's. */
	uint32_t cntfrq, cntkctl;
};

/* Banked registers of the modes not current (B1.3.2): R13/R14 per mode,
 * R8-R12 for FIQ, SPSR per exception mode. The current mode's values live
 * in arm_cpu.r[]; the current SPSR in spsr[arm_sys_bank(mode)]. */
struct arm_banks {
	uint32_t r13[ARM_BANK_COUNT], r14[ARM_BANK_COUNT];
	uint32_t spsr[ARM_BANK_COUNT];              /* [ARM_BANK_USR] unused */
	uint32_t fiq_r8_12[5], usr_r8_12[5];
};

/* Generic timer registers the board implements (B8.2, B4.1.21-B4.1.34). */
enum arm_timer_reg {
	ARM_TIMER_CNTPCT,     /* 64-bit physical count (MRRC) */
	ARM_TIMER_CNTVCT,     /* 64-bit virtual count (MRRC); CNTVOFF is 0 */
	ARM_TIMER_CNTP_CTL,
	ARM_TIMER_CNTP_CVAL,  /* 64-bit (MRRC/MCRR) */
	ARM_TIMER_CNTP_TVAL,
	ARM_TIMER_CNTV_CTL,
	ARM_TIMER_CNTV_CVAL,  /* 64-bit (MRRC/MCRR) */
	ARM_TIMER_CNTV_TVAL,
};

/* The board's timer. A write may change the timer interrupt; the board
 * updates the interrupt controller (and arm_sys.irq_line) itself. */
struct arm_timer_ops {
	uint64_t (*read)(void *ctx, enum arm_timer_reg reg);
	void (*write)(void *ctx, enum arm_timer_reg reg, uint64_t val);
	void *ctx;
	uint32_t freq_hz;     /* CNTFRQ at reset */
};

/* One line for the monitor's log (no newline), e.g. an unmodelled
 * coprocessor register with its encoding. */
typedef void (*arm_sys_log_fn)(void *ctx, const char *line);

/* What a system instruction or register write did, beyond updating the
 * state: the monitor acts on these (flags OR together). */
#define ARM_SYS_MMU_CHANGED  (1u << 0)  /* SCTLR/TTBR/TTBCR/DACR/CONTEXTIDR changed */
#define ARM_SYS_MODE_CHANGED (1u << 1)  /* privilege or mode switched */
#define ARM_SYS_TLB_ALL      (1u << 2)  /* TLBIALL(IS): drop every entry */
#define ARM_SYS_TLB_ASID     (1u << 3)  /* TLBIASID(IS): tlb_arg = ASID */
#define ARM_SYS_TLB_VA       (1u << 4)  /* TLBIMVA(IS): tlb_arg = VA|ASID */
#define ARM_SYS_TLB_VAA      (1u << 5)  /* TLBIMVAA(IS): tlb_arg = VA, any ASID */
#define ARM_SYS_WFI          (1u << 6)  /* WFI/WFE: sleep until an interrupt */
#define ARM_SYS_HVC          (1u << 7)  /* HVC: call_imm set; board handles */
#define ARM_SYS_SMC          (1u << 8)  /* SMC: board handles (PSCI) */
#define ARM_SYS_IRQ_MASK     (1u << 9)  /* CPSR.I/F/A may have been cleared */
#define ARM_SYS_EXCEPTION    (1u << 10) /* an exception was taken (UNDEF, abort) */

/* Unmodelled coprocessor encodings remembered so each is logged once. */
#define ARM_SYS_LOG_KEYS 32

struct arm_sys {
	/* Mode, T, E, A, I, F, IT, J. NZCVQ/GE live in arm_cpu; arm_sys
	 * also keeps the translator's copy of these bits in step
	 * (arm_cpu_set_cpsr), so a translated MRS reads the mode. */
	uint32_t cpsr;
	struct arm_banks banks;
	struct arm_cp15 cp15;
	bool irq_line, fiq_line;     /* from the interrupt controller */
	bool event;                  /* the WFE Event Register (B1.8.13) */
	uint32_t call_imm;           /* HVC imm16 / SMC imm4 */
	uint32_t tlb_arg;
	/* Set by the embedder; arm_sys_reset() keeps them. */
	const struct arm_timer_ops *timer;   /* NULL: timer registers UNDEF */
	arm_sys_log_fn log;
	void *log_ctx;
	uint32_t logged[ARM_SYS_LOG_KEYS];
	uint32_t nlogged;            /* ARM_SYS_LOG_KEYS + 1: log closed */
};

/* Guest memory by virtual address, through the guest's current
 * translation with the given privilege; used by SRS, RFE, LDM/STM (user
 * registers and exception return) and LDRT/STRT (size 1, 2 or 4; the
 * callee handles alignment per SCTLR.A for LDRT/STRT, arm_sys checks the
 * word alignment SRS/RFE/LDM/STM require). Each returns 0 or a fault
 * status (ARM_FS_*) with the walk result for the abort. walk_read reads
 * translation table descriptors by physical address, for the ATS1C*
 * address translation operations. */
struct arm_sys_mem {
	int (*read)(void *ctx, uint32_t va, unsigned size, bool privileged,
		    uint32_t *out, struct arm_walk_result *fault);
	int (*write)(void *ctx, uint32_t va, unsigned size, bool privileged,
		     uint32_t val, struct arm_walk_result *fault);
	arm_walk_read_fn walk_read;
	void *ctx;
};

/* Reset state (B1.9.2 TakeReset): SVC mode, I/F/A masked, MMU off, CP15
 * at its reset values, pc at the reset vector. Keeps timer and log. */
void arm_sys_reset(struct arm_sys *s, struct arm_cpu *cpu);

/* The full CPSR, combining arm_sys.cpsr and the translator's flags. */
uint32_t arm_sys_cpsr(const struct arm_sys *s, const struct arm_cpu *cpu);
bool arm_sys_privileged(const struct arm_sys *s);
struct arm_mmu_regs arm_sys_mmu_regs(const struct arm_sys *s);

/* The bank of a mode, or -1 for a mode this CPU does not have. */
int arm_sys_bank(uint32_t mode);

/* Sets the whole CPSR as a debugger or the monitor would (no privilege
 * rules), switching banked registers if the mode changes; an invalid
 * mode leaves the mode as it was. Returns ARM_SYS_* flags. */
uint32_t arm_sys_set_cpsr(struct arm_sys *s, struct arm_cpu *cpu, uint32_t cpsr);

/* Exception entry (B1.9): banks, SPSR, LR with the exception's offset
 * from pc (Table B1-7; cpu->r[15] must hold the address of the
 * instruction the exception is taken on; for SVC the one after it, as
 * DBT_EXIT_SVC leaves it; for IRQ/FIQ the next instruction to run),
 * masks, vector (VBAR or high vectors). For aborts the caller has set
 * DFSR/DFAR or IFSR/IFAR. */
void arm_sys_take_exception(struct arm_sys *s, struct arm_cpu *cpu,
			    enum arm_exception e);

/* Executes the instruction insn at cpu->r[15] that the translator left
 * to the monitor: anything a32_insn_is_system() accepts, every
 * coprocessor instruction (MRC/MCR/MRRC/MCRR/LDC/STC/CDP), WFI/WFE/SEV,
 * SVC, BKPT, UNDEFINED encodings, and the unprivileged loads and stores
 * (LDRT family) when executed at PL1. With CPSR.T set insn is a T32
 * encoding, as struct a32_insn's raw holds it (hw1 << 16 | hw2, or the
 * halfword). Checks the condition (inside an IT block, ITSTATE's) and
 * advances ITSTATE. On return cpu->r[15] is the next instruction, or the
 * vector of the exception it raised (UNDEF, abort, SVC). Returns
 * ARM_SYS_* flags. */
uint32_t arm_sys_exec(struct arm_sys *s, struct arm_cpu *cpu, uint32_t insn,
		      const struct arm_sys_mem *mem);

/* If an unmasked IRQ or FIQ is pending, takes it and returns true. */
bool arm_sys_check_interrupts(struct arm_sys *s, struct arm_cpu *cpu);

#endif
