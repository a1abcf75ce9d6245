/* Shadow page tables: x86 page tables that map the guest's 32-bit
 * virtual space (PML4 slot 0) for one translation regime and privilege
 * level (a "root"), filled on demand from #PF by walking the guest's own
 * tables. Roots are cached with LRU, each with its own PCID, so a guest
 * context switch, a PL0/PL1 change or a DACR flip is a CR3 load, not a
 * flush. Entries are dropped only by the guest's TLB maintenance (DESIGN.md
 * "Shadow page tables"), and pages holding translated code are mapped
 * read-only everywhere so a write to them can drop the translations. */
#ifndef SHADOW_SHADOW_H
#define SHADOW_SHADOW_H

#include <stdbool.h>
#include <stdint.h>

#include "shadow/walk.h"

#define SHADOW_MAX_ROOTS 32

struct shadow_stats {
	uint64_t fills, fills_ro_code;
	uint64_t data_aborts, prefetch_aborts;
	uint64_t device_accesses;
	uint64_t code_pages_protected, code_writes;
	uint64_t cr3_loads, roots_created, roots_evicted;
	uint64_t tlbi_all, tlbi_asid, tlbi_va;
	uint64_t rmap_resets;
};

extern struct shadow_stats shadow_stats;

int shadow_init(void);

/* Makes the root for this regime and privilege current (loads CR3). */
void shadow_activate(const struct arm_mmu_regs *regs, bool privileged);

/* Maps the guest page containing va to host frame hpa (guest physical
 * gpa) in the current root. page_shift is the size of the guest mapping
 * it came from (for TLB maintenance by address). A writable mapping of a
 * code page is installed read-only. Returns -1 when out of memory. */
int shadow_map(uint32_t va, uint32_t gpa, uint64_t hpa, bool writable,
	       bool global, unsigned page_shift);

/* Guest TLB maintenance (ARM DDI 0406C B4.2.2 semantics). */
void shadow_tlbi_all(void);
void shadow_tlbi_asid(uint8_t asid);
/* TLBIMVA: va's entries for asid and global ones; any_asid: TLBIMVAA. */
void shadow_tlbi_va(uint32_t va, uint8_t asid, bool any_asid);

/* Changes whenever the current root's VA->PA view may have changed: the
 * translator tags its indirect-branch lookups with it. */
uint32_t shadow_context_id(void);

/* Marks guest physical page gpa as holding translated code: every
 * writable shadow mapping of it becomes read-only. */
void shadow_protect_code(uint32_t gpa);
bool shadow_is_code(uint32_t gpa);
/* All translations were dropped: no page holds code any more. */
void shadow_forget_code(void);
/* The translations of page gpa were dropped. Its read-only mappings stay
 * until a write faults on them again and finds it no longer code. */
void shadow_forget_code_page(uint32_t gpa);

/* One cached root, for the monitor's `info shadow`. */
struct shadow_root_info {
	uint16_t pcid;
	bool current, privileged;
	uint8_t asid;
	uint32_t sctlr_m_afe, ttbr0, ttbr1, ttbcr, dacr;
	uint64_t last_used;      /* activation stamp: larger is more recent */
};
/* Fills *out for the i-th valid root (0 up); false past the last. */
bool shadow_root_info(unsigned i, struct shadow_root_info *out);

#endif
