/* Shared between the files of the ARM system state (arm_sys.c, cp15.c,
 * cp15_regs.c, sysinsn.c, sysmem.c); not part of the public interface. */
#ifndef GUEST_ARM_ARM_SYS_INT_H
#define GUEST_ARM_ARM_SYS_INT_H

#include "dbt/a32_decode.h"
#include "guest-arm/arm_sys.h"

#define ARM_PC_READ_OFFSET 8     /* reading PC in A32 gives insn + 8 (A2.3) */
#define THUMB_PC_READ_OFFSET 4   /* ... and in T32 insn + 4 */

/* The result of executing one system instruction. */
struct sys_ctx {
	struct arm_sys *s;
	struct arm_cpu *cpu;
	const struct arm_sys_mem *mem;
	const struct a32_insn *in;
	uint32_t pc;         /* address of the instruction */
	uint32_t flags;      /* ARM_SYS_* so far */
	bool thumb;          /* executed in Thumb state */
	bool cpsr_restored;  /* an exception return wrote the whole CPSR */
};

/* CPSRWriteByInstr (B1.3.3 pseudocode): bytemask is MSR's field mask
 * (bit 0 = control ... bit 3 = flags). */
void sys_cpsr_write_by_instr(struct sys_ctx *c, uint32_t val, unsigned bytemask,
			     bool is_excpt_return);
/* The exception-return tail of RFE, LDM ^ and SUBS PC: CPSR from spsr,
 * then branch (BranchWritePC, A2.3.2). */
void sys_exception_return(struct sys_ctx *c, uint32_t new_pc, uint32_t spsr);
/* A register of the current mode as the instruction reads it: PC is the
 * instruction's address + 8 in A32, + 4 in T32 (Align(PC, 4) where the
 * encoding says so: struct a32_insn.pc_align). */
uint32_t sys_reg(const struct sys_ctx *c, unsigned n);

/* Shift_C's result (A8.4.3) with DecodeImmShift's amounts. */
uint32_t sys_shift(uint32_t x, unsigned type, unsigned n, bool carry);

/* Raise an exception on the instruction being executed. */
void sys_undef(struct sys_ctx *c);
void sys_data_abort(struct sys_ctx *c, uint32_t va, bool is_write,
		    const struct arm_walk_result *fault);

/* User-mode view of register n (0-14) from the current mode (B9.3.6). */
uint32_t *arm_sys_user_reg(struct arm_sys *s, struct arm_cpu *cpu, unsigned n);
/* The current mode's SPSR, or NULL in User and System modes. */
uint32_t *arm_sys_cur_spsr(struct arm_sys *s);

/* CP15/CP14 register accesses: MRC/MCR and MRRC/MCRR. Return 0, or -1
 * when the access is UNDEFINED (the caller raises the exception). */
int sys_coproc_rt(struct sys_ctx *c);
int sys_coproc_rrt(struct sys_ctx *c);
/* CP15 reset values. */
void cp15_reset(struct arm_sys *s, struct arm_cpu *cpu);

/* Logs the coprocessor instruction being executed as an unmodelled
 * access, once per encoding (condition and Rt ignored). */
void sys_log_unmodelled_insn(struct sys_ctx *c);

/* LDM/STM with ^, SRS, RFE and the LDRT family (sysmem.c). */
void sys_exec_mem(struct sys_ctx *c);

#endif
