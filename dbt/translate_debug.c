/* Debugger support in translation: breakpoints are checked when a block
 * is built, not by patching guest memory, so they work on read-only code,
 * on code not yet mapped and on code shared between address spaces; and
 * single-step builds one-instruction blocks that always return to
 * dbt_run(). */
#include "translate_debug.h"

#include "cache.h"
#include "translate.h"

int dbt_set_breakpoints(struct dbt *d, const uint32_t *va, unsigned n)
{
	if (n > DBT_MAX_BREAKPOINTS)
		return -1;
	bool same = n == d->nbreak;
	for (unsigned i = 0; same && i < n; i++)
		same = d->breaks[i] == va[i];
	if (same)
		return 0;
	for (unsigned i = 0; i < n; i++)
		d->breaks[i] = va[i];
	d->nbreak = n;
	/* Translations embed the stops, or their absence. */
	dbt_flush(d);
	return 0;
}

void dbt_set_single_step(struct dbt *d, bool on)
{
	if (d->single_step == on)
		return;
	d->single_step = on;
	dbt_flush(d);
}

bool tr_debug_is_break(const struct dbt *d, uint32_t pc)
{
	if (d->single_step)
		return false;
	for (uint32_t i = 0; i < d->nbreak; i++)
		if (d->breaks[i] == pc)
			return true;
	return false;
}

unsigned tr_debug_max_insns(const struct dbt *d)
{
	return d->single_step ? 1 : DBT_BLOCK_MAX_INSNS;
}

bool tr_debug_end(struct tr *t, int host)
{
	if (!t->d->single_step)
		return false;
	if (host != X86_RDX)
		x86_mov_rr(&t->b, 4, X86_RDX, host);
	tr_regs_writeback(t);
	tr_flags_canonical(t);
	x86_store(&t->b, 4, tr_reg_mem(ARM_REG_PC), X86_RDX);
	x86_jmp(&t->b, dbt_exit_stub(t->d, DBT_EXIT_STEP));
	t->ended = true;
	return true;
}

void tr_debug_break_block(struct tr *t)
{
	tr_end_exit(t, DBT_EXIT_DEBUG, t->block_pc);
}

void dbt_get_stats(const struct dbt *d, struct dbt_stats *out)
{
	*out = (struct dbt_stats){
		.blocks = d->nblocks, .max_blocks = d->max_blocks,
		.access_records = d->nrecs, .max_records = d->max_recs,
		.code_used = (size_t)(d->code_ptr - d->code_start),
		.code_size = (size_t)(d->code_end - d->code_start),
		/* dbt_cache_reset() counts the first fill too. */
		.flushes = d->generation - 1,
		.page_drops = d->page_drops, .blocks_dropped = d->blocks_dropped,
		.breakpoints = d->nbreak, .single_step = d->single_step,
	};
}
