/* Frame allocator, bitmap placement, boot-memory layout and heap: the
 * allocator never hands out a reserved frame, accounts every frame, and
 * the heap keeps alignment, detects bad frees and coalesces. */
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "mm/heap.h"
#include "mm/mm.h"
#include "mm/pmm.h"

#define MIB (1ull << 20)

static bool overlaps_any(const struct pmm_range *r, unsigned n, uint64_t a, uint64_t e)
{
	for (unsigned i = 0; i < n; i++)
		if (a < r[i].end && r[i].base < e)
			return true;
	return false;
}

static void test_pmm_basic(void)
{
	static uint64_t bitmap[64];
	struct pmm p;
	uint64_t pa;

	pmm_init(&p, bitmap, 4096);                 /* 16 MiB */
	CHECK_EQ(p.nfree, 0);
	pmm_add_free(&p, 0x100800, 0x400000);       /* partial first frame excluded */
	CHECK_EQ(p.nfree, (0x400000 - 0x101000) / 4096);
	pmm_reserve(&p, 0x200010, 0x201001);        /* touches two frames */
	CHECK_EQ(p.nfree, (0x400000 - 0x101000) / 4096 - 2);

	uint64_t n = 0, expect = p.nfree;
	while (pmm_alloc(&p, 1, 1, &pa) == 0) {
		CHECK(pa >= 0x101000 && pa < 0x400000);
		CHECK(!(pa >= 0x200000 && pa < 0x202000));
		n++;
	}
	CHECK_EQ(n, expect);
	CHECK_EQ(p.nfree, 0);

	pmm_free(&p, 0x300000, 256);
	CHECK_EQ(pmm_alloc(&p, 512, 1, &pa), -1);    /* only 256 free */
	CHECK_EQ(pmm_alloc(&p, 256, 512, &pa), -1);  /* none 2 MiB aligned */
	CHECK_EQ(pmm_alloc(&p, 256, 256, &pa), 0);
	CHECK_EQ(pa, 0x300000);
	pmm_free(&p, 0x3fd000, 3);
	CHECK_EQ(pmm_alloc(&p, 4, 1, &pa), -1);
	CHECK_EQ(pmm_alloc(&p, 3, 1, &pa), 0);
	CHECK_EQ(pa, 0x3fd000);
	pmm_free(&p, 0x300000, 256);
	CHECK_EQ(pmm_alloc(&p, 0, 1, &pa), -1);
	CHECK_EQ(pmm_alloc(&p, 1, 3, &pa), -1);       /* alignment not a power of 2 */
	CHECK_EQ(pmm_alloc_range(&p, 1, 1, 0, 0x300000, &pa), -1);
	CHECK_EQ(pmm_alloc_range(&p, 1, 1, 0x300000, 0x400000, &pa), 0);
	CHECK(pa >= 0x300000 && pa < 0x400000);
}

static void test_pmm_place(void)
{
	struct pmm_range ram[] = { { 0, 0x9f000 }, { 0x100000, 0x800000 } };
	struct pmm_range res[] = { { 0, 0x100000 }, { 0x100000, 0x180000 }, { 0x200000, 0x300000 } };
	uint64_t a;

	CHECK_EQ(pmm_place(ram, 2, res, 3, 0x10000, ~0ull, &a), 0);
	CHECK_EQ(a, 0x180000);
	CHECK_EQ(pmm_place(ram, 2, res, 3, 0x90000, ~0ull, &a), 0);
	CHECK_EQ(a, 0x300000);
	CHECK_EQ(pmm_place(ram, 2, res, 3, 0x600000, ~0ull, &a), -1);
	CHECK_EQ(pmm_place(ram, 2, res, 3, 0x10000, 0x180000, &a), -1);
}

/* Builds the allocator from a boot_info the way mm_init() does, then
 * takes every frame and checks none is reserved. */
static void test_layout(void)
{
	static struct boot_info bi;
	struct mm_layout l;

	memset(&bi, 0, sizeof(bi));
	bi.regions[0] = (struct boot_region){ 0, 0x9fc00, BOOT_MEM_RAM };
	bi.regions[1] = (struct boot_region){ 0x100000, 63 * MIB, BOOT_MEM_RAM };
	bi.regions[2] = (struct boot_region){ 0x2000000, 0x10000, BOOT_MEM_RESERVED };
	bi.regions[3] = (struct boot_region){ 0x4000000, 64 * MIB, BOOT_MEM_RAM };
	bi.nregions = 4;
	bi.info_phys = 0x9000;
	bi.info_size = 0x200;
	bi.modules[0] = (struct boot_module){ 0x300000, 0x300006, "k" };
	bi.modules[1] = (struct boot_module){ 0x4100000, 0x4180001, "i" };
	bi.nmodules = 2;
	mm_layout_from_boot(&bi, 0x100000, 0x140000, &l);
	CHECK_EQ(l.nram, 3);
	CHECK_EQ(l.ram_end, 128 * MIB);
	CHECK_EQ(l.ram_bytes, 0x9fc00 + 127 * MIB);

	static uint64_t bitmap[128 * MIB / 4096 / 64];
	struct pmm p;
	pmm_init(&p, bitmap, l.ram_end / 4096);
	for (unsigned i = 0; i < l.nram; i++)
		pmm_add_free(&p, l.ram[i].base, l.ram[i].end);
	for (unsigned i = 0; i < l.nreserved; i++)
		pmm_reserve(&p, l.reserved[i].base, l.reserved[i].end);

	const struct pmm_range never[] = {
		{ 0, MIB }, { 0x100000, 0x140000 }, { 0x9000, 0x9200 },
		{ 0x300000, 0x300006 }, { 0x4100000, 0x4180001 },
		{ 0x2000000, 0x2010000 },
	};
	uint64_t pa, n = 0, bad = 0;
	while (pmm_alloc(&p, 1, 1, &pa) == 0) {
		bad += overlaps_any(never, 6, pa, pa + 4096);
		n++;
	}
	CHECK_EQ(bad, 0);
	/* Every RAM frame minus the reserved ones was handed out once. */
	uint64_t expect = (63 * MIB - 0x40000 - 0x1000 - 0x10000) / 4096 +
			  (64 * MIB - 0x81000) / 4096;
	CHECK_EQ(n, expect);
}

/* ---- heap ---------------------------------------------------------------- */

/* Page-aligned chunks from a static arena, as frames would come. */
static uint8_t arena[8 * MIB] __attribute__((aligned(4096)));
static size_t arena_used;

static int host_grow(void *ctx, size_t bytes, void **out)
{
	int *budget = ctx;

	if (*budget <= 0 || bytes % 4096 || bytes > sizeof(arena) - arena_used)
		return -1;
	(*budget)--;
	*out = arena + arena_used;
	arena_used += bytes;
	return 0;
}

static void test_heap(void)
{
	struct heap h;
	int budget = 64;
	enum { N = 2000 };
	static uint8_t *blk[N];
	static size_t len[N];

	heap_init(&h, host_grow, &budget);
	srand(7);
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < N; i++) {
			if (blk[i] && rand() % 2) {
				for (size_t j = 0; j < len[i]; j++)
					if (blk[i][j] != (uint8_t)(i + len[i]))
						check_failed++;
				CHECK_EQ(heap_free(&h, blk[i]), 0);
				blk[i] = NULL;
			} else if (!blk[i]) {
				len[i] = 1 + (size_t)rand() % 700;
				blk[i] = heap_alloc(&h, len[i]);
				CHECK(blk[i] && (uintptr_t)blk[i] % HEAP_ALIGN == 0);
				if (blk[i])
					memset(blk[i], (uint8_t)(i + len[i]), len[i]);
			}
		}
	}
	for (int i = 0; i < N; i++) {
		if (blk[i])
			CHECK_EQ(heap_free(&h, blk[i]), 0);
		blk[i] = NULL;
	}
	CHECK_EQ(h.used, 0);

	void *a = heap_alloc(&h, 100);
	CHECK_EQ(heap_free(&h, a), 0);
	CHECK_EQ(heap_free(&h, a), -1);              /* double free */
	CHECK_EQ(heap_free(&h, (char *)a + 16), -1); /* not a block start */
	CHECK_EQ(heap_free(&h, (char *)a + 3), -1);  /* misaligned */
	CHECK(heap_alloc(&h, 0) == NULL);
	CHECK(heap_alloc(&h, SIZE_MAX) == NULL);

	/* Larger than any grown chunk: grows by exactly what it needs. */
	void *big = heap_alloc(&h, 300 * 1024);
	CHECK(big != NULL);
	CHECK_EQ(heap_free(&h, big), 0);

	/* Out of memory is an error value, not a crash. */
	budget = 0;
	CHECK(heap_alloc(&h, 10 * 1024 * 1024) == NULL);
}

int main(void)
{
	test_pmm_basic();
	test_pmm_place();
	test_layout();
	test_heap();
	return check_report("unit-mm");
}
