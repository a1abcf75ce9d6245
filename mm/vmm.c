/* Builds and installs the monitor's page tables (Intel SDM Vol. 3A,
 * 4.5). Tables are allocated below 4 GiB because they are written
 * through the early map before the switch. */
#include "mm/vmm.h"

#include <stdbool.h>
#include <string.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"
#include "mm/mm.h"

#define ENTRIES 512
#define GIB (1ull << 30)
#define MIB2 (2ull << 20)
#define PML4_INDEX(va) (((va) >> 39) & 511)
#define PDPT_INDEX(va) (((va) >> 30) & 511)
#define PD_INDEX(va) (((va) >> 21) & 511)
#define PT_INDEX(va) (((va) >> 12) & 511)
#define TABLE_FLAGS (PTE_P | PTE_W)
#define EARLY_LIMIT (4ull << 30)

extern const char __text_start[], __text_end[], __data_start[], __image_end[];

static uint64_t *pml4;
static uint64_t pml4_phys;
static uint64_t direct_end;
static uint64_t mmio_next = MMIO_WINDOW_BASE;

static uint64_t *new_table(uint64_t *pa_out)
{
	uint64_t pa;

	if (frame_alloc_below(1, EARLY_LIMIT, &pa))
		return NULL;
	uint64_t *t = phys_to_virt(pa);
	memset(t, 0, PAGE_SIZE);
	if (pa_out)
		*pa_out = pa;
	return t;
}

/* Returns the table that entry index of t points to, creating it. */
static uint64_t *next_level(uint64_t *t, unsigned index)
{
	if (t[index] & PTE_P) {
		if (t[index] & PTE_PS)
			return NULL;
		return phys_to_virt(t[index] & PTE_ADDR_MASK);
	}
	uint64_t pa;
	uint64_t *n = new_table(&pa);
	if (n)
		t[index] = pa | TABLE_FLAGS;
	return n;
}

static int map_4k(uint64_t va, uint64_t pa, uint64_t flags)
{
	uint64_t *t = pml4;

	if (!(t = next_level(t, PML4_INDEX(va))) ||
	    !(t = next_level(t, PDPT_INDEX(va))) ||
	    !(t = next_level(t, PD_INDEX(va))))
		return -1;
	t[PT_INDEX(va)] = pa | flags | PTE_P;
	return 0;
}

static int map_direct(uint64_t end)
{
	const uint64_t flags = PTE_P | PTE_W | PTE_G | PTE_NX | PTE_PS;

	for (uint64_t pa = 0; pa < end; pa += GIB) {
		uint64_t va = DIRECT_MAP_BASE + pa;
		uint64_t *pdpt = next_level(pml4, PML4_INDEX(va));
		if (!pdpt)
			return -1;
		if (cpu_features.page1g) {
			pdpt[PDPT_INDEX(va)] = pa | flags;
			continue;
		}
		uint64_t *pd = next_level(pdpt, PDPT_INDEX(va));
		if (!pd)
			return -1;
		for (unsigned i = 0; i < ENTRIES; i++)
			pd[i] = (pa + i * MIB2) | flags;
	}
	return 0;
}

/* Text is read-only and executable; everything else is non-executable,
 * and read-only data stays read-only (W^X for the monitor itself). */
static int map_image(void)
{
	uint64_t text0 = (uint64_t)(uintptr_t)__text_start;
	uint64_t text1 = (uint64_t)(uintptr_t)__text_end;
	uint64_t data0 = (uint64_t)(uintptr_t)__data_start;
	uint64_t end = (uint64_t)(uintptr_t)__image_end;

	for (uint64_t va = text0; va < end; va += PAGE_SIZE) {
		uint64_t flags = PTE_G;
		if (va >= text1)
			flags |= PTE_NX;
		if (va >= data0)
			flags |= PTE_W;
		if (map_4k(va, va - KERNEL_VMA, flags))
			return -1;
	}
	return 0;
}

int vmm_init(uint64_t phys_end)
{
	direct_end = (phys_end + GIB - 1) & ~(GIB - 1);
	if (!(pml4 = new_table(&pml4_phys)) || map_direct(direct_end) || map_image()) {
		log_err("out of memory building the monitor page tables\n");
		return -1;
	}
	/* PCID 0 for the monitor's own tables; the identity map is gone. */
	write_cr3(pml4_phys);
	return 0;
}

void *vmm_map_mmio(uint64_t pa, size_t len)
{
	uint64_t off = pa & (PAGE_SIZE - 1);
	uint64_t pages = (off + len + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t va = mmio_next;

	if (va + pages * PAGE_SIZE > MMIO_WINDOW_BASE + MMIO_WINDOW_SIZE)
		return NULL;
	for (uint64_t i = 0; i < pages; i++) {
		uint64_t f = (pa & ~(PAGE_SIZE - 1)) + i * PAGE_SIZE;
		if (map_4k(va + i * PAGE_SIZE, f, PTE_W | PTE_PCD | PTE_PWT | PTE_NX | PTE_G))
			return NULL;
	}
	mmio_next += pages * PAGE_SIZE;
	return (void *)(uintptr_t)(va + off);
}

/* The code region starts at the next 2 MiB boundary past the image. */
#define CODE_REGION_ALIGN (2ull << 20)

void *vmm_alloc_code_region(size_t size)
{
	static uint64_t next;
	uint64_t end = (uint64_t)(uintptr_t)__image_end;

	if (!next)
		next = (end + CODE_REGION_ALIGN - 1) & ~(CODE_REGION_ALIGN - 1);
	uint64_t va = next;
	for (uint64_t off = 0; off < size; off += PAGE_SIZE) {
		uint64_t pa;
		if (frame_alloc(1, &pa) || map_4k(va + off, pa, PTE_W | PTE_G))
			return NULL;
		memset(phys_to_virt(pa), 0, PAGE_SIZE);
	}
	next = va + ((size + CODE_REGION_ALIGN - 1) & ~(CODE_REGION_ALIGN - 1));
	return (void *)(uintptr_t)va;
}

uint64_t vmm_kernel_pml4_phys(void)
{
	return pml4_phys;
}

uint64_t vmm_direct_map_end(void)
{
	return direct_end;
}
