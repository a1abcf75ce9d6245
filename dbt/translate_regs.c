/* The block's guest-register cache: guest registers live in host
 * registers from first use to the end of the block and are written back
 * at every exit. An access that faults is resumed through a stub that
 * writes back what was dirty at that access (the signal or #PF return
 * restores the host registers first), so the embedder always finds the
 * guest registers in memory (DESIGN.md "Translation"). */
#include <string.h>

#include "cache.h"
#include "translate.h"


/* Callee-saved registers plus R9-R11, which instruction translators
 * leave alone; tr_call() empties the cache. */
static const int8_t rc_pool[] = {
	X86_RBX, X86_R12, X86_R13, X86_R14, X86_R15, X86_R9, X86_R10, X86_R11,
};
#define RC_POOL_SIZE (sizeof rc_pool / sizeof rc_pool[0])
#define RC_NONE (-1)

void tr_regs_reset(struct tr *t)
{
	memset(t->rc.host, RC_NONE, sizeof t->rc.host);
	memset(t->rc.guest, RC_NONE, sizeof t->rc.guest);
	t->rc.dirty = 0;
	t->rc_pinned = 0;
}

static void writeback(struct tr *t, unsigned g)
{
	if (t->rc.dirty & (1u << g))
		x86_store(&t->b, 4, tr_reg_mem(g), t->rc.host[g]);
	t->rc.dirty &= (uint16_t)~(1u << g);
}

static void drop(struct tr *t, unsigned g)
{
	int h = t->rc.host[g];
	if (h == RC_NONE)
		return;
	t->rc.guest[h] = RC_NONE;
	t->rc.host[g] = RC_NONE;
	t->rc.dirty &= (uint16_t)~(1u << g);
}

void tr_regs_writeback(struct tr *t)
{
	for (unsigned g = 0; g < 16; g++)
		writeback(t, g);
}

void tr_regs_drop(struct tr *t)
{
	tr_regs_writeback(t);
	tr_regs_reset(t);
}

void tr_forget(struct tr *t, unsigned arm)
{
	writeback(t, arm);
	drop(t, arm);
}

/* How many instructions ahead the block next names guest register g
 * (NO_USE: never). */
#define NO_USE 0x7fffffff
static int next_use(const struct tr *t, unsigned g)
{
	for (int j = t->idx + 1; j < t->n; j++)
		if (t->uses[j] & (1u << g))
			return j - t->idx;
	return NO_USE;
}

/* Eviction cost order: the register needed furthest ahead goes first
 * (Belady), a clean one before a dirty one, then the least recent. */
static bool better_victim(const struct tr *t, int h, int dist, int best,
			  int best_dist)
{
	if (dist != best_dist)
		return dist > best_dist;
	bool dirty = t->rc.dirty & (1u << t->rc.guest[h]);
	bool best_dirty = t->rc.dirty & (1u << t->rc.guest[best]);
	if (dirty != best_dirty)
		return !dirty;
	return t->rc_stamp[h] < t->rc_stamp[best];
}

/* A free or evictable unpinned pool register for arm. An instruction
 * pins at most four (tr_src/tr_dst), so one is always there. */
static int alloc(struct tr *t, unsigned arm)
{
	int best = RC_NONE, best_dist = -1;
	for (unsigned i = 0; i < RC_POOL_SIZE; i++) {
		int h = rc_pool[i];
		if (t->rc_pinned & (1u << h))
			continue;
		if (t->rc.guest[h] == RC_NONE) {
			best = h;
			break;
		}
		int dist = next_use(t, (unsigned)t->rc.guest[h]);
		if (best == RC_NONE || better_victim(t, h, dist, best, best_dist)) {
			best = h;
			best_dist = dist;
		}
	}
	if (best == RC_NONE) {
		/* A translator pinned more than the pool holds: a bug. Fail
		 * the block rather than emit wrong code. */
		t->b.overflow = true;
		return rc_pool[0];
	}
	if (t->rc.guest[best] != RC_NONE)
		tr_forget(t, (unsigned)t->rc.guest[best]);
	t->rc.guest[best] = (int8_t)arm;
	t->rc.host[arm] = (int8_t)best;
	return best;
}

static int touch(struct tr *t, unsigned arm, bool pin)
{
	int h = t->rc.host[arm];
	t->rc_stamp[h] = ++t->rc_clock;
	if (pin)
		t->rc_pinned |= (uint16_t)(1u << h);
	return h;
}

static int src(struct tr *t, unsigned arm, int scratch, bool pin)
{
	if (arm == ARM_REG_PC) {
		x86_mov_ri(&t->b, 4, scratch, tr_pc_value(t));
		return scratch;
	}
	if (t->rc.host[arm] == RC_NONE) {
		if (next_use(t, arm) == NO_USE) {
			/* Read once: not worth a cache register. */
			x86_load(&t->b, 4, scratch, tr_reg_mem(arm));
			return scratch;
		}
		x86_load(&t->b, 4, alloc(t, arm), tr_reg_mem(arm));
	}
	return touch(t, arm, pin);
}

int tr_src(struct tr *t, unsigned arm, int scratch)
{
	return src(t, arm, scratch, true);
}



void tr_get(struct tr *t, int host, unsigned arm)
{
	int h = src(t, arm, host, false);
	if (h != host)
		x86_mov_rr(&t->b, 4, host, h);
}

static int dst(struct tr *t, unsigned arm, bool pin)
{
	if (t->rc.host[arm] == RC_NONE) {
		alloc(t, arm);
		/* No value yet: a fault before the write must not store it. */
		t->rc_fresh |= (uint16_t)(1u << arm);
	}
	t->rc.dirty |= (uint16_t)(1u << arm);
	return touch(t, arm, pin);
}

int tr_dst(struct tr *t, unsigned arm)
{
	return dst(t, arm, true);
}

void tr_put(struct tr *t, unsigned arm, int host)
{
	int h = dst(t, arm, false);
	if (h != host)
		x86_mov_rr(&t->b, 4, h, host);
}

void tr_put_imm(struct tr *t, unsigned arm, uint32_t imm)
{
	x86_mov_ri(&t->b, 4, dst(t, arm, false), imm);
}

void tr_put_mem(struct tr *t, unsigned arm, int host)
{
	drop(t, arm);
	x86_store(&t->b, 4, tr_reg_mem(arm), host);
}

/* After code that ran or was skipped: bring this way's cache to the
 * state s0 of the other (write back and drop what s0 lacks, reload what
 * this way evicted), so both meet in one state. */
void tr_regs_reconcile(struct tr *t, const struct tr_rc_state *s0)
{
	for (unsigned g = 0; g < 16; g++)
		if (t->rc.host[g] != RC_NONE && t->rc.host[g] != s0->host[g])
			tr_forget(t, g);
	for (unsigned g = 0; g < 16; g++) {
		int h = s0->host[g];
		if (h == RC_NONE || t->rc.host[g] == h)
			continue;
		x86_load(&t->b, 4, h, tr_reg_mem(g));
		t->rc.host[g] = (int8_t)h;
		t->rc.guest[h] = (int8_t)g;
	}
	t->rc.dirty |= s0->dirty;
}

/* ---- fault resume stubs ---------------------------------------------- */

void tr_record_access(struct tr *t, const uint8_t *host_rip, unsigned size,
		      bool is_signed, bool is_write, unsigned reg)
{
	struct dbt *d = t->d;
	if (d->nrecs >= d->max_recs ||
	    d->nrecs - t->first_rec >= DBT_BLOCK_MAX_RECS) {
		t->b.overflow = true;
		return;
	}
	uint8_t fl = tr_flags_fault_state(t);
	d->snaps[d->nrecs - t->first_rec] = t->rc;
	d->snaps[d->nrecs - t->first_rec].dirty &= (uint16_t)~t->rc_fresh;
	d->recs[d->nrecs++] = (struct dbt_fault_rec){
		.rip_off = (uint32_t)(host_rip - d->code_base),
		.guest_pc = tr_tag(t, t->pc), .size = (uint8_t)size,
		.is_signed = is_signed, .is_write = is_write,
		.reg = (uint8_t)reg, .flags = fl, .itstate = t->it_cur,
	};
}

/* Out of line after the block: for each access with dirty registers, a
 * stub that stores them and continues to the common fault exit. */
void tr_emit_fault_stubs(struct tr *t)
{
	struct dbt *d = t->d;
	for (uint32_t i = t->first_rec; i < d->nrecs; i++) {
		const struct tr_rc_state *s = &d->snaps[i - t->first_rec];
		struct dbt_fault_rec *r = &d->recs[i];
		r->resume_off = 0;
		if (!s->dirty)
			continue;
		r->resume_off = (uint32_t)(t->b.p - d->code_base);
		for (unsigned g = 0; g < 16; g++)
			if (s->dirty & (1u << g))
				x86_store(&t->b, 4, tr_reg_mem(g), s->host[g]);
		x86_jmp(&t->b, d->fault_resume[r->flags]);
	}
}
