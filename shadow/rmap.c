/* Which guest pages hold translated code, and a reverse map from a guest
 * page to the shadow entries that map it writable, so making a page a
 * code page can revoke write access in every root. Entries are not
 * removed when a root is cleared: a stale entry still points into the
 * shadow table pool, and is checked against the frame it should map
 * before it is used. */
#include <string.h>

#include "lib/log.h"
#include "mm/mm.h"
#include "shadow/gpa.h"
#include "shadow/shadow.h"
#include "shadow/shadow_int.h"

#define GUEST_PAGES (1u << 20)       /* 4 GiB / 4 KiB */
#define RMAP_ENTRIES (1u << 16)
#define RMAP_NONE 0

struct rmap_ent {
	uint64_t *pte;
	uint32_t next;
};

static struct rmap_ent *pool;        /* entry 0 is the list terminator */
static uint32_t free_head;
static uint32_t *heads;              /* per guest page: first entry */
static uint32_t *used;               /* guest pages whose list is non-empty */
static uint32_t nused;
static uint8_t *code_bitmap;

static void pool_reset(void)
{
	for (uint32_t i = 0; i < nused; i++)
		heads[used[i]] = RMAP_NONE;
	nused = 0;
	for (uint32_t i = 1; i < RMAP_ENTRIES; i++)
		pool[i].next = i + 1 < RMAP_ENTRIES ? i + 1 : RMAP_NONE;
	free_head = 1;
}

int shadow_rmap_init(void)
{
	pool = kzalloc(RMAP_ENTRIES * sizeof(*pool));
	heads = kzalloc(GUEST_PAGES * sizeof(*heads));
	used = kzalloc(RMAP_ENTRIES * sizeof(*used));
	code_bitmap = kzalloc(GUEST_PAGES / 8);
	if (!pool || !heads || !used || !code_bitmap) {
		log_err("shadow: no memory for the reverse map\n");
		return -1;
	}
	pool_reset();
	return 0;
}

void shadow_rmap_reset(void)
{
	shadow_stats.rmap_resets++;
	pool_reset();
}

int shadow_rmap_add(uint32_t gpa, uint64_t *pte)
{
	uint32_t page = gpa >> GPA_PAGE_SHIFT;

	for (uint32_t e = heads[page]; e != RMAP_NONE; e = pool[e].next)
		if (pool[e].pte == pte)
			return 0;
	if (free_head == RMAP_NONE) {
		/* Out of entries: drop every shadow entry, then nothing is
		 * mapped writable and the map can start empty. */
		shadow_drop_all();
		shadow_rmap_reset();
		return 0;
	}
	if (heads[page] == RMAP_NONE && nused == RMAP_ENTRIES) {
		shadow_drop_all();
		shadow_rmap_reset();
		return 0;
	}
	uint32_t e = free_head;
	free_head = pool[e].next;
	if (heads[page] == RMAP_NONE)
		used[nused++] = page;
	pool[e] = (struct rmap_ent){ pte, heads[page] };
	heads[page] = e;
	return 0;
}

bool shadow_is_code(uint32_t gpa)
{
	uint32_t page = gpa >> GPA_PAGE_SHIFT;
	return code_bitmap[page / 8] & (1u << (page % 8));
}

void shadow_protect_code(uint32_t gpa)
{
	uint32_t page = gpa >> GPA_PAGE_SHIFT;
	uint64_t hpa;
	bool revoked = false;

	if (shadow_is_code(gpa))
		return;
	code_bitmap[page / 8] |= (uint8_t)(1u << (page % 8));
	shadow_stats.code_pages_protected++;
	if (gpa_to_hpa(gpa & ~0xfffu, &hpa))
		return;
	for (uint32_t e = heads[page]; e != RMAP_NONE;) {
		uint64_t *pte = pool[e].pte;
		if ((*pte & PTE_ADDR_MASK) == hpa && (*pte & PTE_W)) {
			*pte &= ~PTE_W;
			revoked = true;
		}
		uint32_t next = pool[e].next;
		pool[e].next = free_head;
		free_head = e;
		e = next;
	}
	heads[page] = RMAP_NONE;
	if (revoked)
		shadow_flush_all_pcids();
}

void shadow_forget_code(void)
{
	memset(code_bitmap, 0, GUEST_PAGES / 8);
}

void shadow_forget_code_page(uint32_t gpa)
{
	uint32_t page = gpa >> GPA_PAGE_SHIFT;
	code_bitmap[page / 8] &= (uint8_t)~(1u << (page % 8));
}
