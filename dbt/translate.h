/* Private to the translator (dbt/translate*.c): the per-block translation
 * context and the small API instruction translators use to read and write
 * guest registers and flags. Shared with translate_media.c (multiplies,
 * saturating and parallel arithmetic), which implements dbt_tr_media().
 *
 * Host register use inside translated code:
 *   RBP       struct arm_cpu * (pinned for the whole run)
 *   RSP       16-byte aligned, so tr_call() can call C directly
 *   RAX       flag transfers (LAHF/SAHF); free in a body after
 *             tr_clobber(), but every tr_* flag function overwrites it
 *   RCX, RDX, RSI, RDI, R8       scratch within one instruction
 *   RBX, R9-R15   the block's guest-register cache (translate_regs.c);
 *                 never touched by instruction translators
 * Translators reach guest registers only through tr_get/tr_put (copies)
 * or tr_src/tr_dst (the cached host register itself). */
#ifndef DBT_TRANSLATE_H
#define DBT_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "a32_decode.h"
#include "arm_cpu.h"
#include "x86_emit.h"

struct dbt;

#define TR_CPU X86_RBP

/* Guest flag bits for liveness masks. */
#define TR_N 8u
#define TR_Z 4u
#define TR_C 2u
#define TR_V 1u
#define TR_NZCV 0xfu

/* Where flags_priv[] keeps what is not in x86 EFLAGS between runs. */
#define TR_FLAGS_SAVED 0  /* u16: low byte OF (0/1), high byte LAHF image */
#define TR_FLAGS_Q 1      /* u32: 1 when the sticky Q flag is set */
#define TR_FLAGS_GE 2     /* u32: GE[3:0] in bits 3:0 */
#define TR_FLAGS_REST 3   /* u32: the other CPSR bits (mode, E, A, I, F) */

/* Flags partly in EFLAGS, the rest in the image, after an instruction
 * that sets some and keeps others (translate_flags.c). */
enum tr_split {
	TR_SPLIT_NONE,
	TR_SPLIT_NZ,    /* N, Z in EFLAGS; C, V in the image */
	TR_SPLIT_NZC,   /* N, Z, C in EFLAGS (CF = C); V in the image */
};

/* Which host register holds which guest register; dirty ones are newer
 * than cpu->r[]. */
struct tr_rc_state {
	int8_t host[16];          /* by guest register: host register or -1 */
	int8_t guest[16];         /* by host register: guest register or -1 */
	uint16_t dirty;           /* by guest register */
};

struct tr {
	struct dbt *d;
	struct x86_buf b;
	struct arm_cpu *cpu;      /* for dbt_host_code_page() */
	uint32_t block_pc;        /* address of the block's first insn */
	uint32_t pc;              /* address of the instruction translated */
	bool thumb;               /* the block is T32 code */
	uint8_t it_cur, it_next;  /* ITSTATE at this insn and after it */
	const struct a32_insn *in;

	/* Where the guest NZCV is right now in the emitted code: in EFLAGS
	 * (host; CF inverted if c_inv), in flags_priv[TR_FLAGS_SAVED]
	 * (mem), both, or neither when no later code reads them. */
	bool fl_host, fl_mem, c_inv;
	uint8_t split;            /* enum tr_split */
	uint8_t live_after;       /* flags read after this instruction */
	uint8_t keep;             /* flags that must survive a clobber */
	bool ended;               /* this instruction ended the block */

	/* Guest registers cached in host registers (translate_regs.c). */
	struct tr_rc_state rc;
	uint16_t rc_pinned;       /* host registers in use by this insn */
	uint16_t rc_fresh;        /* guest registers given a register by
				   * tr_dst in this insn, not yet written */
	uint32_t rc_stamp[16];    /* by host register, for LRU */
	uint32_t rc_clock;
	uint32_t first_rec;       /* this block's first access record */
	const uint16_t *uses;     /* guest registers each insn names */
	int idx, n;               /* this insn's index, the block's length */
};

static inline struct x86_mem tr_reg_mem(unsigned arm_reg)
{
	return x86_m(TR_CPU, (int32_t)(offsetof(struct arm_cpu, r) +
				       4 * arm_reg));
}

static inline struct x86_mem tr_cpu_mem(size_t off)
{
	return x86_m(TR_CPU, (int32_t)off);
}

#define TR_CPU_FIELD(f) tr_cpu_mem(offsetof(struct arm_cpu, f))
#define TR_FLAGS_FIELD(i) \
	tr_cpu_mem(offsetof(struct arm_cpu, flags_priv) + 4 * (i))

/* The value a read of PC gives (ARM DDI 0406C A2.3): the insn address
 * + 8 in ARM state, + 4 in Thumb state, word-aligned for ADR and literal
 * loads there. */
uint32_t tr_pc_value(const struct tr *t);
/* The address after this instruction, and an address in this block's
 * state as dbt_run() keeps r[15] (bit 0 set in Thumb state). */
uint32_t tr_next_pc(const struct tr *t);
uint32_t tr_tag(const struct tr *t, uint32_t addr);
/* Emit the store of addr (in this block's state) to r[15] for an exit,
 * with the ITSTATE tr_end_exit() describes. */
void tr_store_pc(struct tr *t, uint32_t addr);
/* Load guest register arm into host (PC reads as tr_pc_value()). */
void tr_get(struct tr *t, int host, unsigned arm);
/* Store host into guest register arm, which must not be PC. */
void tr_put(struct tr *t, unsigned arm, int host);
/* Store a constant into guest register arm (not PC), flag-free. */
void tr_put_imm(struct tr *t, unsigned arm, uint32_t imm);
/* Guest register arm is about to change in memory behind the cache. */
void tr_forget(struct tr *t, unsigned arm);
/* Store host into guest register arm in memory, bypassing the cache. */
void tr_put_mem(struct tr *t, unsigned arm, int host);
/* The host register holding guest register arm (loaded on first use;
 * PC is materialised in scratch). Valid until the instruction ends. */
int tr_src(struct tr *t, unsigned arm, int scratch);
/* The host register to compute guest register arm's new value in. */
int tr_dst(struct tr *t, unsigned arm);

/* Cache bookkeeping used by the block translator (translate_regs.c). */
void tr_regs_reset(struct tr *t);
void tr_regs_writeback(struct tr *t);
void tr_regs_drop(struct tr *t);
void tr_regs_reconcile(struct tr *t, const struct tr_rc_state *s0);
void tr_emit_fault_stubs(struct tr *t);

/* MSR field mask bits (A8.8.112): nzcvq and g are the APSR fields; the
 * others are ignored in User mode (B9.3.12). */
#define TR_PSR_MASK_NZCVQ 8u
#define TR_PSR_MASK_G 4u

/* Which flags each condition reads (ARM DDI 0406C A8.3), by cond. */
extern const uint8_t tr_cond_reads[16];

/* Guest flags (translate_flags.c). */
/* Call before emitting any x86 code that changes EFLAGS: saves the guest
 * flags if a later instruction still needs them. */
void tr_clobber(struct tr *t);
/* Guest NZCV in EFLAGS (SF ZF CF OF), CF inverted if c_inv. */
void tr_flags_host(struct tr *t);
/* As every block boundary expects them: in EFLAGS, CF = ARM C. */
void tr_flags_canonical(struct tr *t);
/* Set guest N and Z from the w-byte (4 or 8) value in host, keeping C
 * and V (multiplies with S=1). Clobbers RAX and EFLAGS. */
void tr_set_nz(struct tr *t, int host, x86_width w);
/* N and Z from res (already set in EFLAGS when nz_set), V kept, C kept
 * or replaced by carry (0/1; -1: keep) or by carry_reg (a byte register
 * holding 0/1; X86_NOREG: none). */
void tr_flags_nz(struct tr *t, int res, x86_width w, bool nz_set, int carry,
		 int carry_reg);
/* The x86 condition that holds when ARM condition cond passes. */
enum x86_cc tr_cond_cc(struct tr *t, unsigned cond);
/* A split state's EFLAGS part into the image (emitted code only). */
void tr_flags_merge(struct x86_buf *b, enum tr_split split);
/* N, Z and C just set in EFLAGS by the x86 instruction, V kept. */
void tr_flags_nzc_host(struct tr *t);

struct tr_flag_state {
	bool fl_host, fl_mem, c_inv;
	uint8_t split;
};
struct tr_flag_state tr_flags_get(const struct tr *t);
void tr_flags_set(struct tr *t, struct tr_flag_state s);
/* After a conditional body: flags where the skipping way has them. */
void tr_flags_join(struct tr *t, struct tr_flag_state s0);
/* enum dbt_fault_flags for an access emitted now. */
uint8_t tr_flags_fault_state(const struct tr *t);
/* Call a C function (System V ABI; arguments in RDI, RSI, RDX, RCX).
 * Clobbers the caller-saved registers and EFLAGS. */
void tr_call(struct tr *t, const void *fn);

/* Instruction translators. Each returns false if it does not handle
 * in->op; translate.c tries them in turn. */
bool dbt_tr_dp(struct tr *t, const struct a32_insn *in);
bool dbt_tr_mem(struct tr *t, const struct a32_insn *in);
bool dbt_tr_misc(struct tr *t, const struct a32_insn *in);
bool dbt_tr_media(struct tr *t, const struct a32_insn *in);

/* Block-ending helpers used by the instruction translators. */
/* A direct branch to target, its state in bit 0 (tr_tag()): chained
 * to the target block once that exists. Continues in ITSTATE it_next. */
void tr_end_direct(struct tr *t, uint32_t target);
/* A write of host (a 32-bit target) to PC: BXWritePC (A2.3.2), so bit 0
 * selects the state; BranchWritePC callers in Thumb state set it. */
void tr_end_indirect(struct tr *t, int host);
/* Leave dbt_run() with code, pc set to next_pc (an address in this
 * block's state): the instruction's own address leaves it unexecuted
 * in its ITSTATE, any other continues in ITSTATE it_next. */
void tr_end_exit(struct tr *t, int code, uint32_t next_pc);

/* MRC p15 TPIDRURO, the one coprocessor read translated inline. */
bool dbt_is_tpidruro_read(const struct a32_insn *in);
/* MRS/MSR of the APSR, translated inline (User mode view, B9.3.12). */
bool dbt_is_apsr_access(const struct a32_insn *in);

/* Record that the x86 instruction starting at host_rip performs a guest
 * access (DESIGN.md "Translation": precise faults). */
void tr_record_access(struct tr *t, const uint8_t *host_rip, unsigned size,
		      bool is_signed, bool is_write, unsigned reg);

#endif
