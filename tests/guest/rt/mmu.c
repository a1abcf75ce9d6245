/* Translation table builders and MMU control for the guest tests. */
#include "mmu.h"
#include "rt.h"

/* Table B3-1: a section descriptor's base is bits 31:20, a supersection's
 * 31:24, a page table's 31:10, a large page's 31:16, a small page's 31:12. */
#define SECTION_BASE_MASK 0xFFF00000u
#define SUPERSECTION_BASE_MASK 0xFF000000u
#define TABLE_BASE_MASK 0xFFFFFC00u
#define LARGE_BASE_MASK 0xFFFF0000u
#define SMALL_BASE_MASK 0xFFFFF000u
#define L1_INDEX_SHIFT 20
#define L2_INDEX_SHIFT 12
#define L2_INDEX_MASK 0xFFu
/* Supersection and large page descriptors repeat in 16 consecutive
 * entries (B3.5.1). */
#define REPEAT 16u

void mmu_map_section(uint32_t *l1, uint32_t va, uint32_t pa, uint32_t attrs)
{
	l1[va >> L1_INDEX_SHIFT] = (pa & SECTION_BASE_MASK) | attrs | L1_SECTION;
}

void mmu_map_supersection(uint32_t *l1, uint32_t va, uint32_t pa,
			  uint32_t attrs)
{
	uint32_t first = (va & SUPERSECTION_BASE_MASK) >> L1_INDEX_SHIFT;
	for (uint32_t i = 0; i < REPEAT; i++)
		l1[first + i] = (pa & SUPERSECTION_BASE_MASK) | attrs |
				L1_SUPER | L1_SECTION;
}

void mmu_map_table(uint32_t *l1, uint32_t va, uint32_t *l2, uint32_t attrs)
{
	l1[va >> L1_INDEX_SHIFT] =
		((uint32_t)l2 & TABLE_BASE_MASK) | attrs | L1_TABLE;
}

void mmu_map_small(uint32_t *l2, uint32_t va, uint32_t pa, uint32_t attrs)
{
	l2[(va >> L2_INDEX_SHIFT) & L2_INDEX_MASK] =
		(pa & SMALL_BASE_MASK) | attrs | L2_SMALL;
}

void mmu_map_large(uint32_t *l2, uint32_t va, uint32_t pa, uint32_t attrs)
{
	uint32_t first = (va >> L2_INDEX_SHIFT) & L2_INDEX_MASK & ~(REPEAT - 1);
	for (uint32_t i = 0; i < REPEAT; i++)
		l2[first + i] = (pa & LARGE_BASE_MASK) | attrs | L2_LARGE;
}

void mmu_base_map(uint32_t *l1)
{
	for (uint32_t i = 0; i < L1_ENTRIES; i++)
		l1[i] = L1_FAULT;
	for (uint32_t a = 0; a < DEVICE_SIZE; a += SECTION_SIZE)
		mmu_map_section(l1, DEVICE_BASE + a, DEVICE_BASE + a,
				SECT_DEVICE | L1_XN | L1_AP(AP_PL1_RW));
	for (uint32_t a = 0; a < RAM_SIZE; a += SECTION_SIZE)
		mmu_map_section(l1, RAM_BASE + a, RAM_BASE + a,
				SECT_NORMAL | L1_AP(AP_FULL));
}

void mmu_sync(void)
{
	dsb();
	isb();
}

void tlb_flush_all(void)
{
	dsb();
	write_tlbiall(0);
	dsb();
	isb();
}

void tlb_flush_va(uint32_t mva_asid)
{
	dsb();
	write_tlbimva(mva_asid);
	dsb();
	isb();
}

void set_sctlr_bits(uint32_t set, uint32_t clear)
{
	write_sctlr((read_sctlr() & ~clear) | set);
	isb();
}

void mmu_enable(uint32_t *l1, uint32_t dacr)
{
	dsb();
	write_ttbcr(0);
	write_ttbr0((uint32_t)l1);
	write_dacr(dacr);
	isb();
	tlb_flush_all();
	set_sctlr_bits(SCTLR_M, 0);
}

void mmu_disable(void)
{
	set_sctlr_bits(0, SCTLR_M);
	tlb_flush_all();
}
