/* The monitor's own page tables: a direct map of all physical memory in
 * the higher half, the image at KERNEL_VMA with per-section permissions,
 * and an uncached window for device registers. PML4 slot 0, the guest's
 * 4 GiB, stays empty here: only shadow roots fill it. */
#ifndef MM_VMM_H
#define MM_VMM_H

#include <stddef.h>
#include <stdint.h>

/* x86-64 4-level paging entry bits (Intel SDM Vol. 3A, 4.5). */
#define PTE_P (1ull << 0)
#define PTE_W (1ull << 1)
#define PTE_U (1ull << 2)
#define PTE_PWT (1ull << 3)
#define PTE_PCD (1ull << 4)
#define PTE_A (1ull << 5)
#define PTE_D (1ull << 6)
#define PTE_PS (1ull << 7)
#define PTE_G (1ull << 8)
#define PTE_NX (1ull << 63)
#define PTE_ADDR_MASK 0x000FFFFFFFFFF000ull

#define MMIO_WINDOW_BASE 0xFFFFFF0000000000ull
#define MMIO_WINDOW_SIZE (1ull << 30)

/* Builds the tables covering physical [0, phys_end) and switches to them. */
int vmm_init(uint64_t phys_end);
/* Maps len bytes of device registers at pa uncached; NULL on failure. */
void *vmm_map_mmio(uint64_t pa, size_t len);
/* Maps size bytes of fresh frames read-write-execute right after the
 * monitor image, within rel32 reach of its code: the translator's code
 * cache (DESIGN.md memory map). NULL if memory runs out. */
void *vmm_alloc_code_region(size_t size);
uint64_t vmm_kernel_pml4_phys(void);
uint64_t vmm_direct_map_end(void);

#endif
