/* Private to the translator: what system mode (struct dbt_config
 * .system_mode, the monitor) changes in translation. Instructions that
 * need the monitor leave translated code unexecuted, accesses check the
 * alignment ARM requires but a CPL0 x86 access does not, and the inline
 * indirect-branch lookup also compares the embedder's lookup_ctx. */
#ifndef DBT_TRANSLATE_SYS_H
#define DBT_TRANSLATE_SYS_H

#include <stdbool.h>
#include <stdint.h>

#include "a32_decode.h"
#include "x86_emit.h"

struct dbt;
struct tr;

/* Does in leave for the monitor with DBT_EXIT_SYSTEM? Always false
 * outside system mode and for UNPREDICTABLE or UNDEFINED encodings. */
bool tr_sys_exits(const struct dbt *d, const struct a32_insn *in);
/* Emit that exit: pc = the instruction's address, sys_insn = in->raw. */
void tr_sys_exit(struct tr *t, const struct a32_insn *in);
/* Is in a system instruction done in translated code at PL1 (system
 * mode only): the TPIDRPRW read, cache and barrier CP15 operations,
 * CPSID, and MSR CPSR_c when it neither changes mode nor unmasks an
 * interrupt? At PL0, or when the MSR does either, it leaves for the
 * monitor as tr_sys_exit() would. */
bool tr_sys_inline(const struct dbt *d, const struct a32_insn *in);
/* Emit it. Clobbers RCX, RDX, RSI and EFLAGS (tr_clobber()). */
void tr_sys_emit_inline(struct tr *t, const struct a32_insn *in);

/* May a direct branch to target be chained? Outside system mode always;
 * in it only within the guest page of the block's first instruction. */
bool tr_sys_may_chain(const struct tr *t, uint32_t target);

/* Inside the inline lookup, after the pc compare hit, with the table
 * slot in RAX: in system mode, go to miss unless the slot's context is
 * cpu->lookup_ctx. Flag-free; clobbers RCX and RSI. */
void tr_sys_lookup_ctx(struct tr *t, const uint8_t *miss);

/* Before an instruction's first access, at m (a guest address operand),
 * of an item of size bytes: in system mode, leave with DBT_EXIT_ALIGN
 * unless m is size-aligned. always: ARM checks this access whatever
 * SCTLR.A says (A3.2.1 Table A3-1). Call it before the instruction
 * changes any guest state. Clobbers R8 and EFLAGS (tr_clobber()). */
void tr_sys_align(struct tr *t, struct x86_mem m, unsigned size, bool always,
		  bool is_write);

#endif
