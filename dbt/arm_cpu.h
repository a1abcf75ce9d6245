/* The guest ARM CPU's user-visible state, as translated code and its
 * callers see it. The translator owns the flag representation: callers
 * read and write CPSR only through arm_cpu_cpsr()/arm_cpu_set_cpsr(). */
#ifndef DBT_ARM_CPU_H
#define DBT_ARM_CPU_H

#include <stdint.h>

/* CPSR fields (ARM DDI 0406C B1.3.3). */
#define ARM_CPSR_N (1u << 31)
#define ARM_CPSR_Z (1u << 30)
#define ARM_CPSR_C (1u << 29)
#define ARM_CPSR_V (1u << 28)
#define ARM_CPSR_Q (1u << 27)
#define ARM_CPSR_NZCV (ARM_CPSR_N | ARM_CPSR_Z | ARM_CPSR_C | ARM_CPSR_V)
#define ARM_CPSR_GE_SHIFT 16
#define ARM_CPSR_GE_MASK (0xfu << ARM_CPSR_GE_SHIFT)
#define ARM_CPSR_E (1u << 9)
#define ARM_CPSR_A (1u << 8)
#define ARM_CPSR_I (1u << 7)
#define ARM_CPSR_F (1u << 6)
#define ARM_CPSR_T (1u << 5)
/* ITSTATE (A2.5.2): IT[1:0] in CPSR[26:25], IT[7:2] in CPSR[15:10]. */
#define ARM_CPSR_IT_LO_SHIFT 25
#define ARM_CPSR_IT_LO_MASK (3u << ARM_CPSR_IT_LO_SHIFT)
#define ARM_CPSR_IT_HI_SHIFT 10
#define ARM_CPSR_IT_HI_MASK (0x3fu << ARM_CPSR_IT_HI_SHIFT)
#define ARM_CPSR_MODE_MASK 0x1fu
#define ARM_MODE_USR 0x10u

#define ARM_REG_SP 13
#define ARM_REG_LR 14
#define ARM_REG_PC 15

/* Why dbt_run() returned to its caller. */
enum dbt_exit {
	DBT_EXIT_SVC,        /* SVC executed; pc = address after it; svc_imm set
			      * (imm24, or imm8 in Thumb state) */
	DBT_EXIT_UNDEF,      /* UNDEFINED encoding; pc = its address */
	DBT_EXIT_BKPT,       /* BKPT; pc = its address */
	DBT_EXIT_REQUEST,    /* the exit flag was set (signal, IRQ, break-in) */
	/* System mode only (struct dbt_config.system_mode): */
	DBT_EXIT_SYSTEM,     /* an insn for the monitor; pc = its address,
			      * sys_insn = its encoding, not executed */
	DBT_EXIT_ALIGN,      /* misaligned access (ARM DDI 0406C A3.2.1);
			      * fault_* set, pc = the insn, not executed */
	DBT_EXIT_DEBUG,      /* reached a breakpoint (dbt_set_breakpoints());
			      * pc = its address, not executed */
	DBT_EXIT_STEP,       /* single-step: one instruction done; pc = the next */
	/* Last: dbt.c sizes its exit stubs by it. */
	DBT_EXIT_FAULT,      /* a guest access faulted; fault_* set, pc = faulting insn */
};

/* Between dbt_run() calls r[15] is the address of the next instruction
 * and CPSR.T (through the accessors) says whether it is Thumb code, with
 * CPSR's ITSTATE, if any, for that instruction. */
struct arm_cpu {
	uint32_t r[16];          /* r[15] is the address of the next insn to run */
	/* Flag and status storage: private to dbt/, use the accessors. */
	uint32_t flags_priv[4];
	uint32_t tpidruro;       /* CP15 TPIDRURO, user read-only thread ID */
	uint32_t tpidrprw;       /* CP15 TPIDRPRW, PL1-only thread ID (system mode) */
	uint32_t svc_imm;        /* imm24 of the last SVC */
	uint32_t sys_insn;       /* encoding of the DBT_EXIT_SYSTEM insn */
	/* System mode: the embedder's tag of the current VA->PA view and
	 * privilege, part of the indirect-branch lookup's key; change it
	 * between dbt_run() calls whenever either may have changed. */
	uint32_t lookup_ctx;
	uint32_t fault_addr;     /* guest address of the last faulting access */
	uint32_t fault_is_write;
	volatile uint32_t exit_request;  /* nonzero: leave at the next block start */
	uint32_t exclusive_addr; /* LDREX monitor: address, or ~0 when open */
	uint64_t exclusive_val;
	uint8_t exclusive_valid;
	uint8_t itstate;         /* CPSR ITSTATE: private to dbt/, as flags */
	uint8_t pad_[6];
	void *host_priv;         /* for the embedder (arm-run, the monitor) */
};

uint32_t arm_cpu_cpsr(const struct arm_cpu *cpu);
void arm_cpu_set_cpsr(struct arm_cpu *cpu, uint32_t cpsr);

#endif
