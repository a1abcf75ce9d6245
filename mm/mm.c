/* Host memory bring-up and the monitor-wide frame and heap allocators. */
#include "mm/mm.h"

#include <string.h>

#include "arch/x86_64/layout.h"
#include "arch/x86_64/trap.h"
#include "lib/log.h"
#include "mm/heap.h"
#include "mm/vmm.h"

/* Until vmm_init() switches tables only the early 0-4 GiB map exists. */
#define EARLY_MAP_END (4ull << 30)

extern const char __image_phys_start[], __image_phys_end[];

static struct pmm pmm;
static struct heap heap;
static struct mm_layout layout;

int frame_alloc(uint64_t npages, uint64_t *pa)
{
	return pmm_alloc(&pmm, npages, 1, pa);
}

int frame_alloc_aligned(uint64_t npages, uint64_t align_pages, uint64_t *pa)
{
	return pmm_alloc(&pmm, npages, align_pages, pa);
}

int frame_alloc_below(uint64_t npages, uint64_t limit, uint64_t *pa)
{
	return pmm_alloc_range(&pmm, npages, 1, 0, limit, pa);
}

void frame_free(uint64_t pa, uint64_t npages)
{
	pmm_free(&pmm, pa, npages);
}

static int heap_grow(void *ctx, size_t bytes, void **out)
{
	uint64_t pa;

	(void)ctx;
	if (frame_alloc(bytes / PAGE_SIZE, &pa))
		return -1;
	*out = phys_to_virt(pa);
	return 0;
}

void *kmalloc(size_t n)
{
	return heap_alloc(&heap, n);
}

void *kzalloc(size_t n)
{
	void *p = heap_alloc(&heap, n);

	if (p)
		memset(p, 0, n);
	return p;
}

void kfree(void *p)
{
	if (heap_free(&heap, p))
		panic("kfree of %p: not a live heap block", p);
}

void mm_get_stats(struct mm_stats *s)
{
	*s = (struct mm_stats){
		.ram_bytes = layout.ram_bytes,
		.free_bytes = pmm.nfree * PAGE_SIZE,
		.heap_total = heap.total,
		.heap_used = heap.used,
	};
}

int mm_init(const struct boot_info *bi)
{
	uint64_t img0 = (uint64_t)(uintptr_t)__image_phys_start;
	uint64_t img1 = (uint64_t)(uintptr_t)__image_phys_end;

	mm_layout_from_boot(bi, img0, img1, &layout);
	if (!layout.nram) {
		log_err("the boot memory map lists no usable RAM\n");
		return -1;
	}
	uint64_t nframes = layout.ram_end / PAGE_SIZE;
	uint64_t bitmap_bytes = (nframes + 63) / 64 * 8;
	uint64_t bm;
	if (pmm_place(layout.ram, layout.nram, layout.reserved, layout.nreserved,
		      bitmap_bytes, EARLY_MAP_END, &bm)) {
		log_err("no room below 4 GiB for the frame bitmap (%lu bytes)\n",
			(unsigned long)bitmap_bytes);
		return -1;
	}
	pmm_init(&pmm, phys_to_virt(bm), nframes);
	for (unsigned i = 0; i < layout.nram; i++)
		pmm_add_free(&pmm, layout.ram[i].base, layout.ram[i].end);
	for (unsigned i = 0; i < layout.nreserved; i++)
		pmm_reserve(&pmm, layout.reserved[i].base, layout.reserved[i].end);
	pmm_reserve(&pmm, bm, bm + bitmap_bytes);

	uint64_t map_end = layout.ram_end > EARLY_MAP_END ? layout.ram_end : EARLY_MAP_END;
	if (vmm_init(map_end))
		return -1;
	heap_init(&heap, heap_grow, NULL);
	return 0;
}

/* A self-check for test=exit: the highest RAM frame is reachable through
 * the direct map, and the heap returns to empty after a mixed workload. */
#define CHECK_BLOCKS 256

static int check_top_frame(uint64_t *where)
{
	uint64_t lo = layout.ram_end > (1ull << 30) ? layout.ram_end - (1ull << 30) : 0;
	uint64_t pa;

	if (pmm_alloc_range(&pmm, 1, 1, lo, layout.ram_end, &pa))
		return -1;
	volatile uint64_t *p = phys_to_virt(pa);
	for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
		p[i] = pa ^ i;
	int bad = 0;
	for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
		bad |= p[i] != (pa ^ i);
	frame_free(pa, 1);
	*where = pa;
	return bad ? -1 : 0;
}

static int check_heap(void)
{
	static uint8_t *blocks[CHECK_BLOCKS];
	size_t used_before = heap.used;

	for (unsigned i = 0; i < CHECK_BLOCKS; i++) {
		size_t n = 1 + (i * 37) % 3000;
		if (!(blocks[i] = kmalloc(n)))
			return -1;
		memset(blocks[i], (int)i, n);
	}
	for (unsigned i = 0; i < CHECK_BLOCKS; i += 2)
		kfree(blocks[i]);
	for (unsigned i = 1; i < CHECK_BLOCKS; i += 2) {
		size_t n = 1 + (i * 37) % 3000;
		for (size_t j = 0; j < n; j++)
			if (blocks[i][j] != (uint8_t)i)
				return -1;
		kfree(blocks[i]);
	}
	return heap.used == used_before ? 0 : -1;
}

int mm_self_check(void)
{
	uint64_t top;

	if (check_top_frame(&top) || check_heap()) {
		kprintf("memory check: FAILED\n");
		return -1;
	}
	kprintf("memory check: ok, frame %#lx written through the direct map, heap balanced\n",
		(unsigned long)top);
	return 0;
}
