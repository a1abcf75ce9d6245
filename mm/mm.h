/* Host memory for the rest of the monitor: frames, the heap, and the
 * bring-up that builds them from the boot information. */
#ifndef MM_MM_H
#define MM_MM_H

#include <stddef.h>
#include <stdint.h>

#include "boot/bootinfo.h"
#include "mm/pmm.h"

#define MM_MAX_RANGES (BOOT_MAX_REGIONS + BOOT_MAX_MODULES + 4)

/* What must never be handed out, and the RAM there is: derived from the
 * boot information, kept apart from bring-up so it is unit-tested. */
struct mm_layout {
	struct pmm_range ram[BOOT_MAX_REGIONS];
	unsigned nram;
	struct pmm_range reserved[MM_MAX_RANGES];
	unsigned nreserved;
	uint64_t ram_end;       /* end of the highest RAM range */
	uint64_t ram_bytes;
};

/* Memory below 1 MiB holds firmware structures (BIOS data, EBDA, option
 * ROMs, real-mode IVT): never allocated. */
#define MM_LOW_RESERVED (1ull << 20)

void mm_layout_from_boot(const struct boot_info *bi, uint64_t image_start,
			 uint64_t image_end, struct mm_layout *out);

int mm_init(const struct boot_info *bi);
int frame_alloc(uint64_t npages, uint64_t *pa);
int frame_alloc_below(uint64_t npages, uint64_t limit, uint64_t *pa);
/* npages contiguous frames aligned to align_pages (a power of two). */
int frame_alloc_aligned(uint64_t npages, uint64_t align_pages, uint64_t *pa);
void frame_free(uint64_t pa, uint64_t npages);
void *kmalloc(size_t n);
void *kzalloc(size_t n);
void kfree(void *p);

/* Exercises the allocators end to end; prints one line; 0 if sound. */
int mm_self_check(void);

struct mm_stats {
	uint64_t ram_bytes, free_bytes, heap_total, heap_used;
};
void mm_get_stats(struct mm_stats *s);

#endif
