/* Translating one guest block: decoding up to its end, a backward pass
 * for guest-flag liveness, then per instruction the condition check and
 * the instruction body (translate_*.c). Also the flag bookkeeping and the
 * block exits: chained direct jumps, the inline indirect-branch lookup
 * and exits to dbt_run(). */
#include <string.h>

#include "cache.h"
#include "t32_decode.h"
#include "translate.h"
#include "translate_debug.h"
#include "translate_sys.h"

#define GUEST_PAGE_MASK 0xfffu
#define ARM_INSN_SIZE 4
#define ARM_PC_OFFSET 8   /* PC reads as the insn address + 8 (A2.3) */
#define THUMB_PC_OFFSET 4 /* ... + 4 in Thumb state */
#define THUMB_LAST_HALFWORD (GUEST_PAGE_MASK - 1)
#define X86_JMP32_LEN 5   /* E9 rel32 */
#define BLOCK_ALIGN 16    /* blocks start on a fetch-friendly boundary */

const uint8_t tr_cond_reads[16] = {
	TR_Z, TR_Z, TR_C, TR_C, TR_N, TR_N, TR_V, TR_V,
	TR_C | TR_Z, TR_C | TR_Z, TR_N | TR_V, TR_N | TR_V,
	TR_N | TR_Z | TR_V, TR_N | TR_Z | TR_V, 0, 0,
};

void tr_call(struct tr *t, const void *fn)
{
	tr_clobber(t);
	tr_regs_drop(t);
	x86_call(&t->b, fn);
}

/* ---- block exits --------------------------------------------------- */

uint32_t tr_pc_value(const struct tr *t)
{
	if (!t->thumb)
		return t->pc + ARM_PC_OFFSET;
	uint32_t v = t->pc + THUMB_PC_OFFSET;
	return t->in && t->in->pc_align ? v & ~3u : v;
}

uint32_t tr_next_pc(const struct tr *t)
{
	return t->pc + (t->in ? t->in->size : ARM_INSN_SIZE);
}

uint32_t tr_tag(const struct tr *t, uint32_t addr)
{
	return addr | (t->thumb ? 1u : 0u);
}

/* ITSTATE is in memory only at exits (dbt.c dispatch()). */
static void store_itstate(struct tr *t, uint8_t it)
{
	if (it)
		x86_store_imm(&t->b, 1, TR_CPU_FIELD(itstate), it);
}

void tr_store_pc(struct tr *t, uint32_t addr)
{
	x86_store_imm(&t->b, 4, tr_reg_mem(ARM_REG_PC), (int32_t)tr_tag(t, addr));
	store_itstate(t, addr == t->pc ? t->it_cur : t->it_next);
}

void tr_end_direct(struct tr *t, uint32_t target)
{
	/* Inside an IT block the next block's key holds ITSTATE, which
	 * neither chaining nor the lookup table knows. */
	if (t->it_next) {
		tr_regs_writeback(t);
		tr_flags_canonical(t);
		x86_store_imm(&t->b, 4, tr_reg_mem(ARM_REG_PC), (int32_t)target);
		store_itstate(t, t->it_next);
		x86_jmp(&t->b, dbt_exit_stub(t->d, t->d->single_step
						   ? DBT_EXIT_STEP : DBT_EXIT_LOOKUP));
		t->ended = true;
		return;
	}
	/* A block at a page's last halfword may run into the next page and
	 * be dropped with it, so nothing jumps to it directly. */
	bool straddles = (target & 1u) &&
			 (target & GUEST_PAGE_MASK) == (THUMB_LAST_HALFWORD | 1u);
	if (straddles || !tr_sys_may_chain(t, target) || t->d->single_step) {
		x86_mov_ri(&t->b, 4, X86_RDX, target);
		tr_end_indirect(t, X86_RDX);
		return;
	}
	tr_regs_writeback(t);
	tr_flags_canonical(t);
	/* A jump to the stub right after it, repointed at the target block
	 * by dbt_run() once that exists (chaining). */
	uint8_t *site = x86_jmp(&t->b, t->b.p + X86_JMP32_LEN);
	x86_store_imm(&t->b, 4, tr_reg_mem(ARM_REG_PC), (int32_t)target);
	x86_lea(&t->b, 8, X86_RDX, x86_rip(site));
	x86_jmp(&t->b, dbt_exit_stub(t->d, DBT_EXIT_CHAIN));
	t->ended = true;
}

void tr_end_exit(struct tr *t, int code, uint32_t next_pc)
{
	tr_regs_writeback(t);
	tr_flags_canonical(t);
	tr_store_pc(t, next_pc);
	x86_jmp(&t->b, dbt_exit_stub(t->d, (unsigned)code));
	t->ended = true;
}

void tr_end_indirect(struct tr *t, int host)
{
	struct x86_buf *b = &t->b;
	if (tr_debug_end(t, host))
		return;
	if (host != X86_RDX)
		x86_mov_rr(b, 4, X86_RDX, host);
	tr_regs_writeback(t);
	tr_flags_canonical(t);
	x86_store(b, 4, tr_reg_mem(ARM_REG_PC), X86_RDX);
	/* Flag-free inline lookup: slot = pc & 0xffff; keys hold -pc, so
	 * key + pc is zero on a hit, which JRCXZ tests. */
	x86_movzx_rr(b, 2, X86_RAX, X86_RDX);
	x86_lea(b, 8, X86_RCX, x86_rip(t->d->jtab_keys));
	x86_load(b, 4, X86_RCX, x86_mi(X86_RCX, X86_RAX, 4, 0));
	x86_lea(b, 4, X86_RCX, x86_mi(X86_RCX, X86_RDX, 1, 0));
	uint8_t *hit = x86_jrcxz(b);
	uint8_t *miss = b->p;
	x86_jmp(b, dbt_exit_stub(t->d, DBT_EXIT_LOOKUP));
	x86_patch_rel8(hit, b->p);
	tr_sys_lookup_ctx(t, miss);
	x86_lea(b, 8, X86_RCX, x86_rip(t->d->jtab_hosts));
	x86_jmp_m(b, x86_mi(X86_RCX, X86_RAX, 8, 0));
	t->ended = true;
}

/* ---- the block ----------------------------------------------------- */

static bool op_in(unsigned op, unsigned lo, unsigned hi)
{
	return op >= lo && op <= hi;
}

static bool is_dp_compare(unsigned op)
{
	return op_in(op, A32_TST, A32_CMN);
}

/* Does this instruction end the block: a branch, any write to PC, an
 * exception or anything handled outside translated code? */
static bool is_undef(const struct a32_insn *in)
{
	return in->unpred != A32_UNPRED_NONE || in->op == A32_UNDEF ||
	       (a32_op_is_system(in->op) && !dbt_is_apsr_access(in));
}

/* A conditional B leaves the block only when taken: translation goes on
 * along the fall-through path, with the register cache still live. */
static bool is_side_exit(const struct a32_insn *in)
{
	return (in->op == A32_B && in->cond < A32_COND_AL) ||
	       in->op == A32_CBZ || in->op == A32_CBNZ;
}

static bool ends_block(const struct dbt *d, const struct a32_insn *in)
{
	unsigned op = in->op;
	if (tr_sys_inline(d, in))
		return false;
	if (is_undef(in) || tr_sys_exits(d, in))
		return true;
	if (is_side_exit(in))
		return false;
	if (op_in(op, A32_B, A32_TBH) || op == A32_SVC || op == A32_UDF ||
	    op == A32_BKPT || op == A32_MCR)
		return true;
	if (op == A32_MRC)
		return !dbt_is_tpidruro_read(in);
	if (op_in(op, A32_AND, A32_MOVT) && !is_dp_compare(op))
		return in->rd == ARM_REG_PC;
	if (op == A32_LDM)
		return in->reglist & (1u << ARM_REG_PC);
	if (op_in(op, A32_LDR, A32_LDRSHT) || op_in(op, A32_LDREX, A32_SWPB))
		return in->rt == ARM_REG_PC || in->rd == ARM_REG_PC;
	return in->rd == ARM_REG_PC || in->rdhi == ARM_REG_PC ||
	       in->rdlo == ARM_REG_PC;
}

/* Guest flags the instruction reads, and those it always overwrites. */
static void flag_effects(const struct dbt *d, const struct a32_insn *in,
			 uint8_t *reads, uint8_t *kills)
{
	unsigned op = in->op;
	if (tr_sys_exits(d, in) || tr_sys_inline(d, in)) {
		/* The monitor sees the CPSR before the instruction (the inline
		 * system instructions may leave for it too). */
		*reads = TR_NZCV;
		*kills = 0;
		return;
	}
	uint8_t r = tr_cond_reads[in->cond & 0xf], w = 0;
	if (is_side_exit(in))
		r = TR_NZCV;  /* the next block may read any */
	bool rrx = in->form == A32_FORM_REG_IMM &&
		   in->shift_type == A32_SHIFT_RRX;
	if (rrx)  /* shifter operands and load/store offsets alike */
		r |= TR_C;
	if (op == A32_ADC || op == A32_SBC || op == A32_RSC)
		r |= TR_C;
	if (a32_op_is_logical((enum a32_op)op) && in->s) {
		w = TR_N | TR_Z;
		bool carry = in->form == A32_FORM_IMM ? in->imm_carry
			   : in->form == A32_FORM_REG_IMM
				 ? !(in->shift_type == A32_SHIFT_LSL &&
				     in->shift_amount == 0)
				 : true;
		if (in->form == A32_FORM_REG_REG)
			r |= TR_C;  /* a zero shift keeps C */
		if (carry)
			w |= TR_C;
	} else if (op_in(op, A32_AND, A32_MVN) && in->s) {
		w = TR_NZCV;
	} else if (op_in(op, A32_MUL, A32_SMLAL) && in->s) {
		w = TR_N | TR_Z;
	} else if (dbt_is_apsr_access(in)) {
		r = (uint8_t)(r | (op == A32_MRS ? TR_NZCV : 0));
		w = (op != A32_MRS && (in->psr_mask & TR_PSR_MASK_NZCVQ)) ? TR_NZCV : 0;
	}
	if (in->cond != A32_COND_AL)
		w = 0;
	*reads = r;
	*kills = w;
}

static void translate_body(struct tr *t, const struct a32_insn *in)
{
	if (tr_sys_inline(t->d, in)) {
		tr_sys_emit_inline(t, in);
		return;
	}
	if (tr_sys_exits(t->d, in)) {
		tr_sys_exit(t, in);
		return;
	}
	if (is_undef(in)) {
		tr_end_exit(t, DBT_EXIT_UNDEF, t->pc);
		return;
	}
	if (in->op == A32_IT)
		return;   /* it set the ITSTATE the next insns were built in */
	if (dbt_tr_dp(t, in) || dbt_tr_mem(t, in) || dbt_tr_misc(t, in))
		return;
	if (dbt_tr_media(t, in))
		return;
	tr_end_exit(t, DBT_EXIT_UNDEF, t->pc);
}

static void translate_insn(struct tr *t, const struct a32_insn *in,
			   uint8_t live_after)
{
	/* Inside a conditional body the condition has been read and the
	 * body's own writes count, as on the way that runs it. */
	struct a32_insn body = *in;
	body.cond = A32_COND_AL;
	uint8_t reads, kills;
	flag_effects(t->d, &body, &reads, &kills);
	t->in = in;
	t->live_after = live_after;
	t->keep = reads | (live_after & ~kills);
	if (in->cond >= A32_COND_AL) {
		translate_body(t, in);
		return;
	}
	enum x86_cc pass = tr_cond_cc(t, in->cond);
	uint8_t *skip = x86_jcc(&t->b, X86_CC_INVERT(pass), t->b.p);
	struct tr_flag_state s0 = tr_flags_get(t);
	struct tr_rc_state rc0 = t->rc;
	translate_body(t, in);
	if (t->ended) {
		/* A conditional block end: the other way continues at pc+4,
		 * in this block unless it ends here. */
		x86_patch_rel32(skip, t->b.p);
		tr_flags_set(t, s0);
		t->rc = rc0;
		t->ended = false;
		if (!is_side_exit(in) || t->idx == t->n - 1)
			tr_end_direct(t, tr_tag(t, tr_next_pc(t)));
		return;
	}
	/* Both ways must leave the flags in the same place. */
	tr_flags_join(t, s0);
	tr_regs_reconcile(t, &rc0);
	x86_patch_rel32(skip, t->b.p);
}

/* Leave at block entry when the embedder asked (exit_request), with the
 * guest state exactly that of the block start. Flag-free: JRCXZ. */
static void emit_exit_check(struct tr *t)
{
	struct x86_buf *b = &t->b;
	x86_load(b, 4, X86_RCX, TR_CPU_FIELD(exit_request));
	uint8_t *body = x86_jrcxz(b);
	tr_store_pc(t, t->block_pc);
	x86_jmp(b, dbt_exit_stub(t->d, DBT_EXIT_REQUEST));
	x86_patch_rel8(body, b->p);
}

/* The decoded block, with each instruction's address and the ITSTATE
 * it runs in (its[n] is the one after the last). */
struct fetched {
	struct a32_insn insns[DBT_BLOCK_MAX_INSNS];
	uint32_t addr[DBT_BLOCK_MAX_INSNS];
	uint8_t its[DBT_BLOCK_MAX_INSNS + 1];
	int n;
};

/* Inside an IT block (ARM DDI 0406C A8.8.54) an instruction takes its
 * condition from ITSTATE (BKPT excepted), and the 16-bit ones that set flags outside
 * IT blocks do not; IT, CBZ/CBNZ and conditional B are UNPREDICTABLE
 * there. */
static void apply_itstate(struct a32_insn *in, uint8_t it)
{
	if (!it)
		return;
	if (in->s_unless_it)
		in->s = 0;
	if (in->op == A32_IT || in->op == A32_CBZ || in->op == A32_CBNZ ||
	    (in->op == A32_B && in->cond != A32_COND_AL))
		in->unpred = A32_UNPRED_FIELD;
	/* BKPT runs whatever the condition (A8.8.24). */
	in->cond = in->op == A32_BKPT ? A32_COND_AL : (uint8_t)(it >> 4);
	if (in->cond == A32_COND_NV)
		in->cond = A32_COND_AL;
}

/* ITAdvance() (A2.5.2), or the ITSTATE an IT instruction sets. */
static uint8_t itstate_after(const struct a32_insn *in, uint8_t it)
{
	if (!it)
		return in->op == A32_IT ? (uint8_t)in->imm : 0;
	if (!(it & 7u))
		return 0;
	return (uint8_t)((it & 0xe0u) | ((it << 1) & 0x1fu));
}

/* A 32-bit T32 instruction at a page's last halfword: its second half
 * comes from the next page, whose key the block then carries too. */
static int second_halfword(struct arm_cpu *cpu, uint32_t addr, uint16_t *hw,
			   struct dbt_block *blk)
{
	const void *host;
	if (dbt_host_code_page(cpu, addr, &blk->key2, &host) < 0)
		return -1;
	memcpy(hw, host, sizeof *hw);
	return 0;
}

/* Instructions are read through the embedder's host view of the page
 * (in the monitor, the guest VA may not be mapped for the translator);
 * a block never crosses the page, except for a single T32 instruction
 * that straddles it, nor runs into a breakpoint. */
static int fetch_block(const struct dbt *d, struct arm_cpu *cpu,
		       const uint8_t *page, uint32_t pc, uint8_t it,
		       struct dbt_block *blk, struct fetched *f)
{
	bool thumb = pc & 1u, straddled = false;
	int max = (int)tr_debug_max_insns(d), n = 0;
	uint32_t p = pc & ~1u;
	do {
		struct a32_insn *in = &f->insns[n];
		if (!thumb) {
			uint32_t raw;
			memcpy(&raw, page + (p & GUEST_PAGE_MASK), sizeof raw);
			a32_decode(raw, in);
		} else {
			uint16_t hw1, hw2 = 0;
			uint32_t off = p & GUEST_PAGE_MASK;
			memcpy(&hw1, page + off, sizeof hw1);
			if (t32_is_wide(hw1) && off == THUMB_LAST_HALFWORD) {
				if (n > 0)
					break;
				if (second_halfword(cpu, p + 2, &hw2, blk) < 0)
					return -1;
				straddled = true;
			} else if (t32_is_wide(hw1)) {
				memcpy(&hw2, page + off + 2, sizeof hw2);
			}
			t32_decode(hw1, hw2, in);
			apply_itstate(in, it);
		}
		f->addr[n] = p;
		f->its[n] = it;
		it = itstate_after(in, it);
		n++;
		p += in->size;
	} while (n < max && !straddled && !ends_block(d, &f->insns[n - 1]) &&
		 (p & GUEST_PAGE_MASK) != 0 && !tr_debug_is_break(d, p));
	f->its[n] = it;
	f->n = n;
	return n;
}

/* The guest registers an instruction names, for the register cache's
 * eviction choice. Unused fields are 0, so r0 may be over-reported. */
static uint16_t regs_named(const struct a32_insn *in)
{
	uint16_t m = (uint16_t)(1u << in->rd | 1u << in->rn | 1u << in->rm |
				1u << in->rs | 1u << in->ra | 1u << in->rt |
				1u << in->rt2 | 1u << in->rdlo | 1u << in->rdhi);
	if (in->op == A32_LDM || in->op == A32_STM)
		m |= in->reglist;
	return m;
}

int dbt_translate_block(struct dbt *d, struct arm_cpu *cpu, uint32_t pc,
			uint8_t itstate, const uint8_t *page,
			struct dbt_block *blk)
{
	struct fetched f;
	uint8_t live[DBT_BLOCK_MAX_INSNS + 1];
	uint16_t uses[DBT_BLOCK_MAX_INSNS];
	if (fetch_block(d, cpu, page, pc, itstate, blk, &f) < 0)
		return DBT_TRANSLATE_NO_CODE;
	int n = f.n;
	for (int i = 0; i < n; i++)
		uses[i] = regs_named(&f.insns[i]);
	live[n] = TR_NZCV;
	for (int i = n - 1; i >= 0; i--) {
		uint8_t reads, kills;
		flag_effects(d, &f.insns[i], &reads, &kills);
		live[i] = (uint8_t)((live[i + 1] & ~kills) | reads);
	}
	uint32_t first_rec = d->nrecs;
	struct tr t = {
		.d = d, .cpu = cpu, .block_pc = pc & ~1u, .pc = pc & ~1u,
		.thumb = pc & 1u, .it_cur = itstate, .it_next = itstate,
		.b = { .p = d->code_ptr, .end = d->code_end },
		.fl_host = true,
	};
	tr_regs_reset(&t);
	t.first_rec = d->nrecs;
	t.uses = uses;
	t.n = n;
	emit_exit_check(&t);
	if (tr_debug_is_break(d, t.block_pc))
		tr_debug_break_block(&t);
	for (int i = 0; i < n && !t.ended; i++) {
		t.pc = f.addr[i];
		t.it_cur = f.its[i];
		t.it_next = f.its[i + 1];
		t.idx = i;
		translate_insn(&t, &f.insns[i], live[i + 1]);
		t.rc_pinned = 0;
		t.rc_fresh = 0;
	}
	uint32_t end = f.addr[n - 1] + f.insns[n - 1].size;
	if (!t.ended)
		tr_end_direct(&t, tr_tag(&t, end));
	tr_emit_fault_stubs(&t);
	if (t.b.overflow) {
		d->nrecs = first_rec;
		return DBT_TRANSLATE_NO_SPACE;
	}
	blk->guest_len = end - t.block_pc;
	d->code_ptr = (uint8_t *)(((uintptr_t)t.b.p + BLOCK_ALIGN - 1) &
				  ~(uintptr_t)(BLOCK_ALIGN - 1));
	return 0;
}
