/* System mode in translation (DESIGN.md "Translation", "Code cache and
 * self-modifying code"): which instructions the monitor executes, the
 * alignment checks a CPL0 x86 access does not make, chaining limited to a
 * block's own guest page, and the context tag of the inline lookup. */
#include "translate_sys.h"

#include "cache.h"
#include "translate.h"

#define GUEST_PAGE_MASK 0xfffu
#define ALIGN_ADDR X86_R8   /* scratch within one instruction */

#define CP15 15
#define ARM_MODE_LOW_BITS 0xfu   /* CPSR.M[3:0]: zero in User mode only */

/* CP15 operations completed inline at PL1 (opc1 0; ARM DDI 0406C B4.2.1
 * Table B4-17, B4.1.150): the TPIDRPRW read (Linux's per-CPU offset, read
 * at every per-CPU access), and the cache, branch-predictor and barrier
 * operations, which have nothing to do on one cacheless CPU whose code
 * pages are write-protected (the monitor's own table has them as no-ops
 * too). At PL0 each still leaves for the monitor, which applies PL0's
 * rules (UNDEFINED, or SCTLR.CP15BEN for the barriers). */
static const struct {
	uint8_t crn, crm, opc2;
	bool read;
} pl1_inline[] = {
	{ 13, 0, 4, true },                        /* TPIDRPRW read */
	{ 7, 1, 0, false }, { 7, 1, 6, false },    /* ICIALLUIS, BPIALLIS */
	{ 7, 5, 0, false }, { 7, 5, 1, false },    /* ICIALLU, ICIMVAU */
	{ 7, 5, 4, false },                        /* CP15ISB */
	{ 7, 5, 6, false }, { 7, 5, 7, false },    /* BPIALL, BPIMVA */
	{ 7, 6, 1, false }, { 7, 6, 2, false },    /* DCIMVAC, DCISW */
	{ 7, 10, 1, false }, { 7, 10, 2, false },  /* DCCMVAC, DCCSW */
	{ 7, 10, 4, false }, { 7, 10, 5, false },  /* CP15DSB, CP15DMB */
	{ 7, 11, 1, false },                       /* DCCMVAU */
	{ 7, 14, 1, false }, { 7, 14, 2, false },  /* DCCIMVAC, DCCISW */
};

/* CPS (B9.3.1): imod 0b11 disables, cps_aif holds A, I, F from bit 8
 * down; MSR's field mask bit 0 is the control field, CPSR[7:0]. */
#define CPS_IMOD_DISABLE 3
#define CPS_AIF_SHIFT 6
#define MSR_MASK_C 1u
#define CPSR_IF (ARM_CPSR_I | ARM_CPSR_F)

/* CPSID without a mode change: masking needs no interrupt check. */
static bool is_cpsid(const struct a32_insn *in)
{
	return in->op == A32_CPS && in->cps_imod == CPS_IMOD_DISABLE && !in->cps_m;
}

/* MSR CPSR_c, Rn: inline when it keeps the mode and masks or keeps the
 * interrupt masks (a run-time check); an unmasking write leaves for the
 * monitor, which then takes any pending interrupt. */
static bool is_msr_cpsr_c(const struct a32_insn *in)
{
	return in->op == A32_MSR_REG && !in->r_spsr && in->psr_mask == MSR_MASK_C &&
	       in->rn != ARM_REG_PC;
}

static bool inline_cp15(const struct a32_insn *in)
{
	bool read = in->op == A32_MRC;

	if ((!read && in->op != A32_MCR) || in->coproc != CP15 ||
	    in->opc1 != 0 || in->cond == A32_COND_NV || (read && in->rt == ARM_REG_PC))
		return false;
	for (size_t i = 0; i < sizeof(pl1_inline) / sizeof(pl1_inline[0]); i++)
		if (pl1_inline[i].crn == in->crn && pl1_inline[i].crm == in->crm &&
		    pl1_inline[i].opc2 == in->opc2 && pl1_inline[i].read == read)
			return true;
	return false;
}

bool tr_sys_inline(const struct dbt *d, const struct a32_insn *in)
{
	return d->system_mode && in->unpred == A32_UNPRED_NONE &&
	       (inline_cp15(in) || is_cpsid(in) || is_msr_cpsr_c(in));
}

/* Besides a32_insn_is_system(): coprocessor moves other than the inlined
 * TPIDRURO read and the operations above (the monitor models CP14/CP15),
 * the unprivileged-access forms (LDRT...: their permission check is the
 * monitor's), the hints that wait or signal between CPUs (B1.8.13) and
 * BKPT. MRS of the CPSR is translated (translate_misc.c): it reads the
 * mode bits the translator keeps in step with the monitor's. */
static bool needs_monitor(const struct dbt *d, const struct a32_insn *in)
{
	if (tr_sys_inline(d, in))
		return false;
	switch (in->op) {
	case A32_MRS:
		return in->r_spsr;
	case A32_MRC:
		return !dbt_is_tpidruro_read(in);
	case A32_MCR:
	case A32_LDRT: case A32_LDRBT: case A32_STRT: case A32_STRBT:
	case A32_LDRHT: case A32_LDRSHT: case A32_LDRSBT: case A32_STRHT:
	case A32_WFI: case A32_WFE: case A32_SEV: case A32_YIELD:
	case A32_BKPT:
		return true;
	default:
		return a32_insn_is_system(in);
	}
}

bool tr_sys_exits(const struct dbt *d, const struct a32_insn *in)
{
	if (!d->system_mode || in->unpred != A32_UNPRED_NONE ||
	    in->op == A32_UNDEF)
		return false;
	return needs_monitor(d, in);
}

void tr_sys_exit(struct tr *t, const struct a32_insn *in)
{
	x86_store_imm(&t->b, 4, TR_CPU_FIELD(sys_insn), (int32_t)in->raw);
	tr_end_exit(t, DBT_EXIT_SYSTEM, t->pc);
}

/* A block's own page has one mapping in every context that reaches the
 * block (its key is the page's physical address); another page may map
 * differently in the next context, so it goes through the lookup. */
bool tr_sys_may_chain(const struct tr *t, uint32_t target)
{
	return !t->d->system_mode ||
	       ((t->block_pc ^ target) & ~GUEST_PAGE_MASK) == 0;
}

/* jtab_ctx holds -ctx, so slot + ctx is zero on a match (JRCXZ). */
void tr_sys_lookup_ctx(struct tr *t, const uint8_t *miss)
{
	struct x86_buf *b = &t->b;
	if (!t->d->system_mode)
		return;
	x86_lea(b, 8, X86_RCX, x86_rip(t->d->jtab_ctx));
	x86_load(b, 4, X86_RCX, x86_mi(X86_RCX, X86_RAX, 4, 0));
	x86_load(b, 4, X86_RSI, TR_CPU_FIELD(lookup_ctx));
	x86_lea(b, 4, X86_RCX, x86_mi(X86_RCX, X86_RSI, 1, 0));
	uint8_t *hit = x86_jrcxz(b);
	x86_jmp(b, miss);
	x86_patch_rel8(hit, b->p);
}

/* An exit inline after a check, the instruction not begun: registers
 * the cache holds newer than memory are stored, the guest flags put back
 * in EFLAGS for the exit stub to save (the check's TEST destroyed them).
 * The translator's state describes the path that goes on, so it is
 * restored afterwards. */
static void emit_check_exit(struct tr *t, unsigned code)
{
	struct x86_buf *b = &t->b;
	uint16_t dirty = t->rc.dirty & (uint16_t)~t->rc_fresh;
	for (unsigned g = 0; g < 16; g++)
		if (dirty & (1u << g))
			x86_store(b, 4, tr_reg_mem(g), t->rc.host[g]);
	struct tr_flag_state going_on = tr_flags_get(t);
	tr_flags_host(t);
	tr_flags_set(t, going_on);
	tr_store_pc(t, t->pc);
	x86_jmp(b, dbt_exit_stub(t->d, code));
}

static void emit_align_exit(struct tr *t, bool is_write)
{
	x86_store(&t->b, 4, TR_CPU_FIELD(fault_addr), ALIGN_ADDR);
	x86_store_imm(&t->b, 4, TR_CPU_FIELD(fault_is_write), is_write);
	emit_check_exit(t, DBT_EXIT_ALIGN);
}

/* MSR CPSR_c with the new value in RSI and the CPSR's other bits in
 * RCX: jumps to *exits[0..1] (patched by the caller) when the mode would
 * change or an interrupt be unmasked, else writes I and F. */
static void emit_msr_cpsr_c(struct tr *t, uint8_t **exits)
{
	struct x86_buf *b = &t->b;
	x86_mov_rr(b, 4, X86_RDX, X86_RSI);
	x86_alu_rr(b, X86_XOR, 4, X86_RDX, X86_RCX);
	x86_test_ri(b, 4, X86_RDX, ARM_CPSR_MODE_MASK);
	exits[0] = x86_jcc(b, X86_CC_NE, b->p);
	/* Unmasking: a mask bit that differs and is set now (RCX). */
	x86_alu_rr(b, X86_AND, 4, X86_RDX, X86_RCX);
	x86_test_ri(b, 4, X86_RDX, CPSR_IF);
	exits[1] = x86_jcc(b, X86_CC_NE, b->p);
	x86_alu_ri(b, X86_AND, 4, X86_RCX, (int32_t)~CPSR_IF);
	x86_alu_ri(b, X86_AND, 4, X86_RSI, CPSR_IF);
	x86_alu_rr(b, X86_OR, 4, X86_RCX, X86_RSI);
	x86_store(b, 4, TR_FLAGS_FIELD(TR_FLAGS_REST), X86_RCX);
}

void tr_sys_emit_inline(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	uint8_t *exits[3] = { NULL, NULL, NULL };
	if (is_msr_cpsr_c(in))
		tr_get(t, X86_RSI, in->rn);
	tr_clobber(t);
	x86_load(b, 4, X86_RCX, TR_FLAGS_FIELD(TR_FLAGS_REST));
	x86_test_ri(b, 4, X86_RCX, ARM_MODE_LOW_BITS);
	exits[0] = x86_jcc(b, X86_CC_E, b->p);   /* PL0: the monitor's rules */
	if (in->op == A32_MRC) {
		x86_load(b, 4, X86_RCX, TR_CPU_FIELD(tpidrprw));
		tr_put(t, in->rt, X86_RCX);
	} else if (is_cpsid(in)) {
		x86_alu_ri(b, X86_OR, 4, X86_RCX, (int32_t)((uint32_t)in->cps_aif << CPS_AIF_SHIFT));
		x86_store(b, 4, TR_FLAGS_FIELD(TR_FLAGS_REST), X86_RCX);
	} else if (is_msr_cpsr_c(in)) {
		emit_msr_cpsr_c(t, &exits[1]);
	}
	uint8_t *done = x86_jmp(b, b->p);
	for (int i = 0; i < 3; i++)
		if (exits[i])
			x86_patch_rel32(exits[i], b->p);
	x86_store_imm(b, 4, TR_CPU_FIELD(sys_insn), (int32_t)in->raw);
	emit_check_exit(t, DBT_EXIT_SYSTEM);
	x86_patch_rel32(done, b->p);
}

void tr_sys_align(struct tr *t, struct x86_mem m, unsigned size, bool always,
		  bool is_write)
{
	struct dbt *d = t->d;
	if (!d->system_mode || size <= 1 || !(always || d->align_check))
		return;
	struct x86_buf *b = &t->b;
	tr_clobber(t);
	x86_lea(b, 4, ALIGN_ADDR, m);
	x86_test_ri(b, 4, ALIGN_ADDR, (int32_t)(size - 1));
	uint8_t *aligned = x86_jcc(b, X86_CC_E, b->p);
	emit_align_exit(t, is_write);
	x86_patch_rel32(aligned, b->p);
}

void dbt_set_alignment_check(struct dbt *d, bool on)
{
	if (d->align_check == on)
		return;
	d->align_check = on;
	/* Translations embed the checks, or their absence. */
	dbt_flush(d);
}
