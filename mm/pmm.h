/* Physical frame allocator: a bitmap over every 4 KiB frame up to the end
 * of RAM, one bit per frame (set = in use). Generic code with no
 * knowledge of the boot protocol, so it is unit-tested on the host. */
#ifndef MM_PMM_H
#define MM_PMM_H

#include <stdint.h>

#define PAGE_SIZE 4096ull
#define PAGE_SHIFT 12

struct pmm_range {
	uint64_t base, end;   /* end exclusive */
};

struct pmm {
	uint64_t *bitmap;
	uint64_t nframes;
	uint64_t nfree;
	uint64_t next;        /* where the next search starts */
};

/* Every frame starts out in use; pmm_add_free() releases RAM. */
void pmm_init(struct pmm *p, uint64_t *bitmap, uint64_t nframes);
/* Frees the whole frames inside [base, end). */
void pmm_add_free(struct pmm *p, uint64_t base, uint64_t end);
/* Marks every frame touching [base, end) in use. */
void pmm_reserve(struct pmm *p, uint64_t base, uint64_t end);
/* Allocates npages contiguous frames aligned to align_pages (a power of
 * two). Returns 0 and the physical address, or -1 if none fit. */
int pmm_alloc(struct pmm *p, uint64_t npages, uint64_t align_pages, uint64_t *pa);
/* The same, but only from frames whose addresses lie in [lo, hi). */
int pmm_alloc_range(struct pmm *p, uint64_t npages, uint64_t align_pages,
		    uint64_t lo, uint64_t hi, uint64_t *pa);
void pmm_free(struct pmm *p, uint64_t pa, uint64_t npages);

/* Finds size bytes, page-aligned, inside some ram range, below limit, and
 * clear of every reserved range. Returns 0 and the address, or -1. */
int pmm_place(const struct pmm_range *ram, unsigned nram,
	      const struct pmm_range *reserved, unsigned nreserved,
	      uint64_t size, uint64_t limit, uint64_t *out);

#endif
