/* Shadow roots: creation, LRU eviction, activation with PCIDs, filling
 * one entry, and TLB maintenance. Table pages come from a pool that only
 * ever holds shadow tables, so a stale reverse-map pointer (rmap.c) can
 * only ever land on a shadow entry. */
#include <stddef.h>
#include <string.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"
#include "mm/mm.h"
#include "mm/vmm.h"
#include "shadow/shadow.h"
#include "shadow/shadow_int.h"

struct shadow_stats shadow_stats;

static struct shadow_root roots[SHADOW_MAX_ROOTS];
static struct shadow_root *current;
static uint64_t use_clock;
static uint32_t next_context_id = 1;
static uint64_t pool_head;   /* physical address of the first free page */

/* ---- table page pool ------------------------------------------------------ */

uint64_t *shadow_page_alloc(uint64_t *pa_out)
{
	uint64_t pa = pool_head;

	if (pa) {
		pool_head = *(uint64_t *)phys_to_virt(pa);
	} else if (frame_alloc(1, &pa)) {
		return NULL;
	}
	uint64_t *p = phys_to_virt(pa);
	memset(p, 0, PAGE_SIZE);
	*pa_out = pa;
	return p;
}

static void page_free(uint64_t pa)
{
	*(uint64_t *)phys_to_virt(pa) = pool_head;
	pool_head = pa;
}

/* ---- roots ---------------------------------------------------------------- */

static void key_of(const struct arm_mmu_regs *regs, bool privileged,
		   struct shadow_key *k)
{
	memset(k, 0, sizeof(*k));
	k->privileged = privileged;
	k->sctlr = regs->sctlr & (ARM_SCTLR_M | ARM_SCTLR_AFE);
	if (!(regs->sctlr & ARM_SCTLR_M))
		return;   /* MMU off: a flat view, nothing else matters */
	k->ttbr0 = regs->ttbr0;
	k->ttbr1 = regs->ttbr1;
	k->ttbcr = regs->ttbcr;
	k->dacr = regs->dacr;
	k->asid = (uint8_t)regs->contextidr;
}

/* Frees every table below the root's PDPT and empties it. */
static void root_clear(struct shadow_root *r)
{
	for (unsigned i = 0; i < SHADOW_PDPT_ENTRIES; i++) {
		if (!(r->pdpt[i] & PTE_P))
			continue;
		uint64_t *pd = phys_to_virt(r->pdpt[i] & PTE_ADDR_MASK);
		for (unsigned j = 0; j < 512; j++)
			if (pd[j] & PTE_P)
				page_free(pd[j] & PTE_ADDR_MASK);
		page_free(r->pdpt[i] & PTE_ADDR_MASK);
		r->pdpt[i] = 0;
	}
	r->max_shift = 0;
	r->need_flush = true;
	r->context_id = next_context_id++;
}

static int root_create(struct shadow_root *r, const struct shadow_key *k)
{
	uint64_t pml4_pa, pdpt_pa;

	if (!r->pml4) {
		if (!(r->pml4 = shadow_page_alloc(&pml4_pa)))
			return -1;
		if (!(r->pdpt = shadow_page_alloc(&pdpt_pa)))
			return -1;
		r->pml4_pa = pml4_pa;
		/* The monitor's half is shared; slot 0 is the guest's 4 GiB. */
		const uint64_t *mon = phys_to_virt(vmm_kernel_pml4_phys());
		memcpy(r->pml4 + 256, mon + 256, 256 * sizeof(uint64_t));
		r->pml4[0] = pdpt_pa | PTE_P | PTE_W | PTE_U;
	} else {
		root_clear(r);
	}
	r->key = *k;
	r->valid = true;
	r->need_flush = true;
	r->context_id = next_context_id++;
	shadow_stats.roots_created++;
	return 0;
}

static struct shadow_root *root_find_or_make(const struct shadow_key *k)
{
	struct shadow_root *victim = &roots[0];

	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++) {
		struct shadow_root *r = &roots[i];
		if (r->valid && !memcmp(&r->key, k, sizeof(*k)))
			return r;
		if (!r->valid || (victim->valid && r->last_used < victim->last_used))
			victim = r;
	}
	if (victim->valid)
		shadow_stats.roots_evicted++;
	if (root_create(victim, k))
		return NULL;
	return victim;
}

static void load_cr3(struct shadow_root *r)
{
	uint64_t cr3 = r->pml4_pa;

	if (cpu_features.pcid) {
		cr3 |= r->pcid;
		/* Bit 63: keep this PCID's TLB entries (SDM Vol. 3A 4.10.4.1). */
		if (!r->need_flush)
			cr3 |= 1ull << 63;
	}
	r->need_flush = false;
	write_cr3(cr3);
	shadow_stats.cr3_loads++;
}

void shadow_activate(const struct arm_mmu_regs *regs, bool privileged)
{
	struct shadow_key k;

	key_of(regs, privileged, &k);
	if (current && !memcmp(&current->key, &k, sizeof(k)) && !current->need_flush)
		return;
	struct shadow_root *r = root_find_or_make(&k);
	if (!r)
		panic("shadow: out of memory for a root");
	r->last_used = ++use_clock;
	current = r;
	load_cr3(r);
}

uint32_t shadow_context_id(void)
{
	return current ? current->context_id : 0;
}

int shadow_init(void)
{
	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++)
		roots[i].pcid = (uint16_t)(i + 1);
	return shadow_rmap_init();
}

/* ---- filling -------------------------------------------------------------- */

static uint64_t *table_next(uint64_t *t, unsigned i)
{
	if (t[i] & PTE_P)
		return phys_to_virt(t[i] & PTE_ADDR_MASK);
	uint64_t pa;
	uint64_t *n = shadow_page_alloc(&pa);
	if (n)
		t[i] = pa | PTE_P | PTE_W | PTE_U;
	return n;
}

static uint64_t *pte_of(struct shadow_root *r, uint32_t va, bool create)
{
	unsigned i1 = va >> 30, i2 = (va >> 21) & 511, i3 = (va >> 12) & 511;

	if (!create && !(r->pdpt[i1] & PTE_P))
		return NULL;
	uint64_t *pd = table_next(r->pdpt, i1);
	if (!pd || (!create && !(pd[i2] & PTE_P)))
		return NULL;
	uint64_t *pt = table_next(pd, i2);
	return pt ? &pt[i3] : NULL;
}

int shadow_map(uint32_t va, uint32_t gpa, uint64_t hpa, bool writable,
	       bool global, unsigned page_shift)
{
	struct shadow_root *r = current;
	uint64_t *pte = pte_of(r, va, true);

	if (!pte)
		return -1;
	if (writable && shadow_is_code(gpa)) {
		writable = false;
		shadow_stats.fills_ro_code++;
	}
	/* Guest pages: U=1 so SMEP forbids executing them, NX as well. */
	uint64_t e = (hpa & PTE_ADDR_MASK) | PTE_P | PTE_U | PTE_NX |
		     SHADOW_SIZE_BITS(page_shift);
	if (writable)
		e |= PTE_W;
	if (global)
		e |= SHADOW_PTE_GLOBAL;
	if (*pte & PTE_P)
		__asm__ volatile("invlpg (%0)" : : "r"((uintptr_t)va) : "memory");
	*pte = e;
	if (writable && shadow_rmap_add(gpa, pte))
		return -1;
	if (page_shift > r->max_shift)
		r->max_shift = (uint8_t)page_shift;
	shadow_stats.fills++;
	return 0;
}

/* ---- TLB maintenance ------------------------------------------------------ */

static void invalidate_root(struct shadow_root *r)
{
	root_clear(r);
	if (r == current)
		load_cr3(r);
}

void shadow_tlbi_all(void)
{
	shadow_stats.tlbi_all++;
	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++)
		if (roots[i].valid)
			invalidate_root(&roots[i]);
	shadow_rmap_reset();
}

void shadow_tlbi_asid(uint8_t asid)
{
	/* Global entries of these roots go too: a TLB may drop any entry at
	 * any time, only keeping a stale one is forbidden. */
	shadow_stats.tlbi_asid++;
	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++)
		if (roots[i].valid && roots[i].key.asid == asid &&
		    (roots[i].key.sctlr & ARM_SCTLR_M))
			invalidate_root(&roots[i]);
}

/* Drops, within the region that the root's largest mapping size could
 * share with va, every entry whose guest mapping contains va. */
static void root_tlbi_va(struct shadow_root *r, uint32_t va, int asid)
{
	unsigned shift = r->max_shift ? r->max_shift : 12;
	uint64_t start = va & ~((1ull << shift) - 1);
	uint64_t end = start + (1ull << shift);
	bool root_match = asid < 0 || r->key.asid == asid;
	bool changed = false;

	for (uint64_t a = start; a < end; a += PAGE_SIZE) {
		uint64_t *pte = pte_of(r, (uint32_t)a, false);
		if (!pte) {
			a = (a | ((2u << 20) - 1)) + 1 - PAGE_SIZE;  /* skip a 2 MiB hole */
			continue;
		}
		if (!(*pte & PTE_P))
			continue;
		unsigned s = SHADOW_SIZE_OF(*pte);
		if (((a ^ va) >> s) != 0)
			continue;
		if (!root_match && !(*pte & SHADOW_PTE_GLOBAL))
			continue;
		*pte = 0;
		changed = true;
		if (r == current)
			__asm__ volatile("invlpg (%0)" : : "r"((uintptr_t)a) : "memory");
	}
	if (changed) {
		r->context_id = next_context_id++;
		if (r != current)
			r->need_flush = true;
	}
}

void shadow_tlbi_va(uint32_t va, uint8_t asid, bool any_asid)
{
	shadow_stats.tlbi_va++;
	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++)
		if (roots[i].valid)
			root_tlbi_va(&roots[i], va, any_asid ? -1 : asid);
}

/* After the reverse map cleared W bits in unknown roots: every root
 * reloads its PCID from scratch. */
void shadow_flush_all_pcids(void)
{
	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++)
		roots[i].need_flush = true;
	if (current)
		load_cr3(current);
}

/* The reverse map's pool ran out: drop every root's entries. */
void shadow_drop_all(void)
{
	for (unsigned i = 0; i < SHADOW_MAX_ROOTS; i++)
		if (roots[i].valid)
			invalidate_root(&roots[i]);
}

bool shadow_root_info(unsigned i, struct shadow_root_info *out)
{
	for (unsigned k = 0; k < SHADOW_MAX_ROOTS; k++) {
		const struct shadow_root *r = &roots[k];
		if (!r->valid || i--)
			continue;
		*out = (struct shadow_root_info){
			.pcid = r->pcid, .current = r == current,
			.privileged = r->key.privileged, .asid = r->key.asid,
			.sctlr_m_afe = r->key.sctlr, .ttbr0 = r->key.ttbr0,
			.ttbr1 = r->key.ttbr1, .ttbcr = r->key.ttbcr,
			.dacr = r->key.dacr, .last_used = r->last_used,
		};
		return true;
	}
	return false;
}
