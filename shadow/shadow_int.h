/* Shared between the shadow root code and the reverse map; not part of
 * the shadow interface. */
#ifndef SHADOW_SHADOW_INT_H
#define SHADOW_SHADOW_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "mm/vmm.h"

/* The guest's 4 GiB is PDPT entries 0-3 of PML4 slot 0. */
#define SHADOW_PDPT_ENTRIES 4

/* Software bits of a shadow PTE (bits 9-11 are ignored by the MMU, SDM
 * Vol. 3A Table 4-19): the guest entry was global (nG clear), and the
 * size class of the guest mapping it came from (4 KiB, 64 KiB, 1 MiB,
 * 16 MiB), which TLB maintenance by address needs. */
#define SHADOW_PTE_GLOBAL (1ull << 9)
#define SHADOW_SIZE_SHIFT 10
#define SHADOW_SIZE_BITS(page_shift) ((uint64_t)(((page_shift) - 12) / 4) << SHADOW_SIZE_SHIFT)
#define SHADOW_SIZE_OF(pte) (12u + 4u * (unsigned)(((pte) >> SHADOW_SIZE_SHIFT) & 3))

struct shadow_key {
	uint32_t sctlr;          /* M and AFE only */
	uint32_t ttbr0, ttbr1, ttbcr, dacr;
	uint8_t asid;
	bool privileged;
	uint8_t pad_[2];
};

struct shadow_root {
	bool valid;
	bool need_flush;         /* its PCID may hold stale x86 TLB entries */
	uint8_t max_shift;       /* largest guest mapping size filled */
	uint16_t pcid;
	struct shadow_key key;
	uint64_t *pml4, *pdpt;
	uint64_t pml4_pa;
	uint32_t context_id;
	uint64_t last_used;
};

uint64_t *shadow_page_alloc(uint64_t *pa_out);

int shadow_rmap_init(void);
int shadow_rmap_add(uint32_t gpa, uint64_t *pte);
void shadow_rmap_reset(void);
void shadow_flush_all_pcids(void);
void shadow_drop_all(void);

#endif
