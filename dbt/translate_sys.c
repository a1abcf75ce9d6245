/* System mode in translation (DESIGN.md "Translation", "Code cache and
 * self-modifying code"): which instructions the monitor executes, the
 * alignment checks a CPL0 x86 access does not make, chaining limited to a
 * block's own guest page, and the context tag of the inline lookup. */
#include "translate_sys.h"

#include "cache.h"
#include "translate.h"

#define GUEST_PAGE_MASK 0xfffu
#define ALIGN_ADDR X86_R8   /* scratch within one instruction */

/* Besides a32_insn_is_system(): coprocessor moves other than the inlined
 * TPIDRURO read (the monitor models CP14/CP15), the unprivileged-access
 * forms (LDRT...: their permission check is the monitor's), the
 * hints that wait or signal between CPUs (B1.8.13) and BKPT. */
static bool needs_monitor(const struct a32_insn *in)
{
	switch (in->op) {
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
	return needs_monitor(in);
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

/* The alignment exit, inline after the check: registers the cache holds
 * newer than memory are stored, the guest flags put back in EFLAGS for
 * the exit stub to save (the TEST destroyed them), nothing of the
 * instruction done yet. The translator's state describes the path that
 * goes on, so it is restored afterwards. */
static void emit_align_exit(struct tr *t, bool is_write)
{
	struct x86_buf *b = &t->b;
	x86_store(b, 4, TR_CPU_FIELD(fault_addr), ALIGN_ADDR);
	x86_store_imm(b, 4, TR_CPU_FIELD(fault_is_write), is_write);
	uint16_t dirty = t->rc.dirty & (uint16_t)~t->rc_fresh;
	for (unsigned g = 0; g < 16; g++)
		if (dirty & (1u << g))
			x86_store(b, 4, tr_reg_mem(g), t->rc.host[g]);
	struct tr_flag_state going_on = tr_flags_get(t);
	tr_flags_host(t);
	tr_flags_set(t, going_on);
	x86_store_imm(b, 4, tr_reg_mem(ARM_REG_PC), (int32_t)t->pc);
	x86_jmp(b, dbt_exit_stub(t->d, DBT_EXIT_ALIGN));
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
