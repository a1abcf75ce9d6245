/* The code cache: carving the embedder's buffer, the block table keyed by
 * (code-page key + offset), the indirect-branch table and whole-cache
 * flushes (DESIGN.md "Code cache and self-modifying code"). */
#include <string.h>

#include "cache.h"
#include "translate.h"

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~(uintptr_t)((a) - 1))
#define GUEST_PAGE_MASK 0xfffu

/* Bookkeeping sized from the buffer: a block descriptor per 1 KiB (a
 * block averages a few hundred bytes of code, so descriptors run out
 * only after code space would; a Linux fork+exec loop needs more than
 * 8,000 blocks, and running out flushes the whole cache), and an access
 * record per 16 bytes, which is generous. */
#define BLOCK_SHARE 1024
#define REC_SHARE 16
#define MIN_CACHE_SIZE (4u << 20)

static uintptr_t carve(uintptr_t *p, size_t size)
{
	uintptr_t at = ALIGN_UP(*p, 64);
	*p = at + size;
	return at;
}

int dbt_cache_init(struct dbt **out, void *buf, size_t size)
{
	if (!buf || size < MIN_CACHE_SIZE)
		return -1;
	uintptr_t p = (uintptr_t)buf;
	struct dbt *d = (struct dbt *)carve(&p, sizeof *d);
	memset(d, 0, sizeof *d);
	d->hash = (struct dbt_block **)carve(&p, DBT_HASH_SIZE * sizeof *d->hash);
	d->jtab_keys = (uint32_t *)carve(&p, DBT_JTAB_SIZE * sizeof *d->jtab_keys);
	d->jtab_ctx = (uint32_t *)carve(&p, DBT_JTAB_SIZE * sizeof *d->jtab_ctx);
	d->jtab_hosts = (uint8_t **)carve(&p, DBT_JTAB_SIZE * sizeof *d->jtab_hosts);
	d->max_blocks = (uint32_t)(size / BLOCK_SHARE);
	d->blocks = (struct dbt_block *)carve(&p, d->max_blocks * sizeof *d->blocks);
	d->max_recs = (uint32_t)(size / REC_SHARE / sizeof *d->recs);
	d->recs = (struct dbt_fault_rec *)carve(&p, d->max_recs * sizeof *d->recs);
	d->snaps = (struct tr_rc_state *)carve(&p, DBT_BLOCK_MAX_RECS * sizeof *d->snaps);
	d->code_base = (uint8_t *)ALIGN_UP(p, 64);
	d->code_end = (uint8_t *)buf + size;
	if (d->code_base + (1u << 20) > d->code_end)
		return -1;
	d->code_ptr = d->code_start = d->code_base;
	*out = d;
	return 0;
}

/* Every slot of the indirect-branch table misses. */
static void jtab_clear(struct dbt *d)
{
	for (uint32_t i = 0; i < DBT_JTAB_SIZE; i++) {
		d->jtab_keys[i] = DBT_JTAB_EMPTY;
		d->jtab_hosts[i] = dbt_exit_stub(d, DBT_EXIT_LOOKUP);
	}
}

/* Drop every block. The stubs before code_start survive. */
void dbt_cache_reset(struct dbt *d)
{
	memset(d->hash, 0, DBT_HASH_SIZE * sizeof *d->hash);
	jtab_clear(d);
	d->nblocks = 0;
	d->nrecs = 0;
	d->code_ptr = d->code_start;
	d->generation++;
	/* A jump waiting to be chained lies in the dropped code. */
	d->chain_site = NULL;
}

static uint32_t hash_of(uint64_t key)
{
	return (uint32_t)((key >> 2) ^ (key >> 17)) & (DBT_HASH_SIZE - 1);
}

struct dbt_block *dbt_cache_find(struct dbt *d, uint64_t key, uint32_t pc)
{
	for (struct dbt_block *b = d->hash[hash_of(key)]; b; b = b->next)
		if (b->key == key && b->pc == pc)
			return b;
	return NULL;
}

/* Space for one more block: a descriptor, records and code headroom. */
#define BLOCK_CODE_HEADROOM 8192
static bool cache_has_room(const struct dbt *d)
{
	return d->nblocks < d->max_blocks &&
	       d->nrecs + DBT_BLOCK_MAX_RECS < d->max_recs &&
	       d->code_ptr + BLOCK_CODE_HEADROOM < d->code_end;
}

struct dbt_block *dbt_cache_get(struct dbt *d, struct arm_cpu *cpu,
				uint32_t pc, uint8_t itstate)
{
	uint64_t page_key;
	const void *page;
	if (dbt_host_code_page(cpu, pc & ~1u, &page_key, &page) < 0)
		return NULL;
	uint64_t key = page_key | (pc & GUEST_PAGE_MASK) |
		       (uint64_t)itstate << DBT_KEY_ITSTATE_SHIFT;
	struct dbt_block *b = dbt_cache_find(d, key, pc);
	if (b)
		return b;
	if (!cache_has_room(d))
		dbt_cache_reset(d);
	b = &d->blocks[d->nblocks];
	*b = (struct dbt_block){ .key = key, .key2 = DBT_NO_KEY, .pc = pc,
				  .code = d->code_ptr };
	int rc = dbt_translate_block(d, cpu, pc, itstate, page, b);
	if (rc == DBT_TRANSLATE_NO_CODE)
		return NULL;
	if (rc < 0) {
		/* The block outgrew the headroom: start afresh, try once more. */
		dbt_cache_reset(d);
		b = &d->blocks[0];
		*b = (struct dbt_block){ .key = key, .key2 = DBT_NO_KEY, .pc = pc,
				  .code = d->code_ptr };
		if (dbt_translate_block(d, cpu, pc, itstate, page, b) < 0)
			return NULL;
	}
	d->nblocks++;
	uint32_t h = hash_of(key);
	b->next = d->hash[h];
	d->hash[h] = b;
	return b;
}

void dbt_jtab_insert(struct dbt *d, uint32_t pc, uint32_t ctx, uint8_t *code)
{
	uint32_t i = pc & (DBT_JTAB_SIZE - 1);
	if (pc == -DBT_JTAB_EMPTY)
		return;
	d->jtab_keys[i] = -pc;
	d->jtab_ctx[i] = -ctx;
	d->jtab_hosts[i] = code;
}

/* A flush asked for while translated code runs (a write fault on a code
 * page, say) must not let it chain on into stale blocks, nor pull the
 * code it is executing from under it: the flush waits until dbt_run()
 * gets control, and the exit request makes that the next block start. */
static void flush_soon(struct dbt *d)
{
	if (!d->in_run) {
		dbt_cache_reset(d);
		return;
	}
	d->flush_pending = true;
	if (d->cpu)
		d->cpu->exit_request = 1;
}

void dbt_cache_settle(struct dbt *d)
{
	if (d->flush_pending)
		dbt_cache_reset(d);
	d->flush_pending = false;
}

void dbt_flush(struct dbt *d)
{
	flush_soon(d);
}

void dbt_invalidate(struct dbt *d, uint32_t addr, uint32_t len)
{
	/* Blocks are chained to each other by patched jumps, so dropping a
	 * few would mean unpatching; a whole flush is simpler and writes to
	 * translated code are rare. */
	for (uint32_t i = 0; i < d->nblocks; i++) {
		const struct dbt_block *b = &d->blocks[i];
		uint32_t start = b->pc & ~1u;
		if (start < addr + len && addr < start + b->guest_len) {
			flush_soon(d);
			return;
		}
	}
}

/* A dropped block's key: no page's (keys are guest physical addresses). */
#define DBT_KEY_DROPPED (1ull << 63)

static bool block_in_page(const struct dbt_block *b, uint64_t key)
{
	uint64_t page = b->key & ~(uint64_t)GUEST_PAGE_MASK &
			((1ull << DBT_KEY_ITSTATE_SHIFT) - 1);
	if (b->key == DBT_KEY_DROPPED)
		return false;
	return page == key || b->key2 == key;
}

/* Takes b out of its hash chain and marks it dropped. */
static void unlink_block(struct dbt *d, struct dbt_block *b)
{
	struct dbt_block **p = &d->hash[hash_of(b->key)];
	while (*p != b)
		p = &(*p)->next;
	*p = b->next;
	b->key = DBT_KEY_DROPPED;
	b->key2 = DBT_NO_KEY;
}

void dbt_invalidate_key(struct dbt *d, uint64_t key)
{
	if (!d->system_mode || d->in_run) {
		/* As dbt_invalidate(): any block from the page flushes
		 * everything. */
		for (uint32_t i = 0; i < d->nblocks; i++) {
			if (block_in_page(&d->blocks[i], key)) {
				flush_soon(d);
				return;
			}
		}
		return;
	}
	/* In system mode a direct branch is chained only to a block of its
	 * own guest page (translate_sys.c), hence of the same code page: no
	 * block of another page jumps into this page's blocks. Unlinked from
	 * the hash and with the indirect-branch table emptied (its entries
	 * may point at them), they are unreachable; their code and records
	 * stay until the next reset. */
	uint32_t dropped = 0;
	for (uint32_t i = 0; i < d->nblocks; i++) {
		if (block_in_page(&d->blocks[i], key)) {
			unlink_block(d, &d->blocks[i]);
			dropped++;
		}
	}
	if (!dropped)
		return;
	d->page_drops++;
	d->blocks_dropped += dropped;
	jtab_clear(d);
}
