/* Address translation with the short-descriptor format (ARM DDI 0406C
 * B3.5): MMU off and on, sections, supersections, large and small pages,
 * aliases, translation faults at both levels, the TTBR0/TTBR1 split by
 * TTBCR.N, and the high vectors (SCTLR.V) through a mapped page. Each
 * mapping is checked both ways: a value written through the physical
 * (identity) view is read through the mapping, and the reverse. */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "mmu_map";

/* Physical RAM the mappings point at, above the image. */
#define PA_SECTION 0x41000000u
#define PA_SUPER 0x42000000u      /* 16 MiB aligned */
#define PA_PAGES 0x43000000u
#define PA_SPLIT0 0x44000000u
#define PA_SPLIT1 0x44100000u
#define PA_VECTORS 0x44200000u

#define VA_SECTION (TEST_VA + 0x00000000u)
#define VA_ALIAS (TEST_VA + 0x00100000u)
#define VA_SUPER (TEST_VA + 0x01000000u)
#define VA_PAGES (TEST_VA + 0x03000000u)
#define VA_UNMAPPED (TEST_VA + 0x04000000u)
/* A second view of the image's section, as a kernel's PAGE_OFFSET view. */
#define VA_HIGH_IMAGE 0xC0000000u
/* High vectors (B1.8.1): SCTLR.V = 1 puts the vector table at 0xFFFF0000. */
#define HIGH_VECTORS 0xFFFF0000u
#define VECTOR_SLOTS 8u
#define SVC_SLOT 2u

static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l1_hi[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l2[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));
static uint32_t l2_vec[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));
static uint32_t stamp = 0x13570000u;

extern const uint32_t hv_vectors_template[];
uint32_t here_svc(void);
extern volatile uint32_t hv_count;
extern const char hv_svc[], stub_und[], stub_pabt[], stub_dabt[],
	stub_irq[], stub_fiq[];

static volatile uint32_t *phys(uint32_t pa)
{
	return (volatile uint32_t *)pa;
}

/* va must translate to pa: checked through a read and a write. */
static void expect_map(const char *what, uint32_t va, uint32_t pa)
{
	uint32_t v1 = ++stamp, v2 = ++stamp;
	*phys(pa) = v1;
	exc_clear();
	check_eq(probe_read32(va, PROBE_DEFAULT) - stamp, v1 - stamp,
		 "%s: read va 0x%x sees pa (value - stamp)", what, va);
	probe_write32(va, v2);
	check_eq(*phys(pa) - stamp, v2 - stamp,
		 "%s: write va 0x%x lands at pa (value - stamp)", what, va);
	check_no_exc(what);
}

static void expect_fault(const char *what, uint32_t va, uint32_t fs)
{
	exc_clear();
	check_eq(probe_read32(va, PROBE_DEFAULT), PROBE_DEFAULT, "%s: read aborted", what);
	check_exc(what, EXC_DABT, fs, FSR_FS_MASK | FSR_WNR);
	check_eq(rt_exc.far, va, "%s: DFAR", what);
}

static void test_off_on(void)
{
	rt_section("MMU off and on");
	check_eq(read_sctlr() & SCTLR_M, 0, "SCTLR.M at entry");
	*phys(PA_SECTION) = 0xA5A5F00Du;
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT));
	check_eq(read_sctlr() & SCTLR_M, SCTLR_M, "SCTLR.M after enabling");
	check_true(read_ttbr0() == (uint32_t)l1, "TTBR0 reads back");
	check_eq(*phys(PA_SECTION), 0xA5A5F00Du, "identity-mapped RAM keeps its data");
}

static void test_sections(void)
{
	rt_section("sections and supersections");
	mmu_map_section(l1, VA_SECTION, PA_SECTION, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_map_section(l1, VA_ALIAS, PA_SECTION, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_map_supersection(l1, VA_SUPER, PA_SUPER, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_sync();
	static const uint32_t offs[] = { 0x0u, 0x12344u, 0xFFFFCu };
	for (unsigned i = 0; i < 3; i++) {
		expect_map("section", VA_SECTION + offs[i], PA_SECTION + offs[i]);
		expect_map("alias section", VA_ALIAS + offs[i], PA_SECTION + offs[i]);
	}
	static const uint32_t soffs[] = { 0x0u, 0x00ABCDE0u, 0x00F00000u, 0x00FFFFFCu };
	for (unsigned i = 0; i < 4; i++)
		expect_map("supersection", VA_SUPER + soffs[i], PA_SUPER + soffs[i]);
	expect_fault("first-level fault", VA_UNMAPPED + 0x40, FS_TRANSLATION_SECTION);
}

static void test_pages(void)
{
	rt_section("large and small pages");
	mmu_map_table(l1, VA_PAGES, l2, L1_DOMAIN(0));
	/* A large page at +64 KiB, two small pages at +128 KiB in reverse
	 * physical order, the rest of the table invalid. */
	mmu_map_large(l2, VA_PAGES + 0x10000u, PA_PAGES + 0x50000u,
		      LARGE_NORMAL | L2_AP(AP_FULL));
	mmu_map_small(l2, VA_PAGES + 0x20000u, PA_PAGES + 0x1000u,
		      SMALL_NORMAL | L2_AP(AP_FULL));
	mmu_map_small(l2, VA_PAGES + 0x21000u, PA_PAGES + 0x0000u,
		      SMALL_NORMAL | L2_AP(AP_FULL));
	mmu_sync();
	static const uint32_t loffs[] = { 0x0u, 0x1234u, 0x8000u, 0xFFFCu };
	for (unsigned i = 0; i < 4; i++)
		expect_map("large page", VA_PAGES + 0x10000u + loffs[i],
			   PA_PAGES + 0x50000u + loffs[i]);
	expect_map("small page 0", VA_PAGES + 0x20000u, PA_PAGES + 0x1000u);
	expect_map("small page 0", VA_PAGES + 0x20FFCu, PA_PAGES + 0x1FFCu);
	expect_map("small page 1", VA_PAGES + 0x21000u, PA_PAGES + 0x0000u);
	expect_map("small page 1", VA_PAGES + 0x21ABCu, PA_PAGES + 0x0ABCu);
	expect_fault("second-level fault", VA_PAGES + 0x22000u, FS_TRANSLATION_PAGE);
	expect_fault("second-level fault below", VA_PAGES + 0x0FFFCu, FS_TRANSLATION_PAGE);
}

/* TTBCR.N = 1: TTBR0 translates VA[31] = 0, TTBR1 the rest (B3.5.4). */
static void test_split(void)
{
	rt_section("TTBR0/TTBR1 split");
	mmu_base_map(l1_hi);
	mmu_map_section(l1, VA_SECTION, PA_SPLIT0, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_map_section(l1_hi, VA_SECTION, PA_SPLIT1, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_sync();
	write_ttbr1((uint32_t)l1_hi);
	write_ttbcr(1);
	tlb_flush_all();
	check_eq(read_ttbcr(), 1, "TTBCR reads back");
	expect_map("TTBCR.N=1: high VA through TTBR1", VA_SECTION + 0x40u, PA_SPLIT1 + 0x40u);
	expect_map("TTBCR.N=1: low VA through TTBR0", PA_SECTION, PA_SECTION);
	write_ttbcr(0);
	tlb_flush_all();
	expect_map("TTBCR.N=0: high VA through TTBR0", VA_SECTION + 0x40u, PA_SPLIT0 + 0x40u);
	mmu_map_section(l1, VA_SECTION, PA_SECTION, SECT_NORMAL | L1_AP(AP_FULL));
	tlb_flush_all();
}

static void test_high_vectors(void)
{
	rt_section("high vectors");
	volatile uint32_t *page = phys(PA_VECTORS);
	const char *handlers[VECTOR_SLOTS] = {
		0, stub_und, hv_svc, stub_pabt, stub_dabt, 0, stub_irq, stub_fiq,
	};
	for (unsigned i = 0; i < VECTOR_SLOTS; i++) {
		page[i] = hv_vectors_template[i];
		page[VECTOR_SLOTS + i] = (uint32_t)handlers[i];
	}
	mmu_map_table(l1, HIGH_VECTORS, l2_vec, L1_DOMAIN(0));
	mmu_map_small(l2_vec, HIGH_VECTORS, PA_VECTORS,
		      SMALL_NORMAL | L2_AP(AP_PL1_RW));
	mmu_sync();
	tlb_flush_all();
	hv_count = 0;
	exc_clear();
	set_sctlr_bits(SCTLR_V, 0);
	__asm__ volatile("svc #1" ::: "lr", "memory");
	check_eq(hv_count, 1, "SCTLR.V=1: SVC through 0xffff0008");
	check_eq(rt_exc_count, 0, "SCTLR.V=1: VBAR table not used");
	probe_read32(VA_UNMAPPED, 0);
	check_exc("SCTLR.V=1: data abort through 0xffff0010", EXC_DABT,
		  FS_TRANSLATION_SECTION, FSR_FS_MASK);
	set_sctlr_bits(0, SCTLR_V);
	__asm__ volatile("svc #1" ::: "lr", "memory");
	check_eq(hv_count, 1, "SCTLR.V=0: SVC through VBAR again");
}

/* Code running at another virtual address than the one it was linked
 * for: the exception's LR is the alias address (B1.8.3). */
static void test_alias_exec(void)
{
	rt_section("running from an alias of the image");
	mmu_map_section(l1, VA_HIGH_IMAGE, RAM_BASE, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_sync();
	tlb_flush_all();
	uint32_t delta = VA_HIGH_IMAGE - RAM_BASE;
	uint32_t (*high)(void) = (uint32_t (*)(void))((uint32_t)here_svc + delta);
	exc_clear();
	uint32_t at = high();
	check_eq(at - (uint32_t)here_svc, delta + 8, "PC-relative address at the alias (minus linked)");
	check_exc("svc at the alias", EXC_SVC, 0, 0);
	check_eq(rt_exc.lr - at, 4, "svc at the alias: LR - SVC address");
	check_eq(rt_exc.lr - (uint32_t)here_svc, delta + 12, "svc at the alias: LR (minus linked)");
}

static void test_off_again(void)
{
	rt_section("MMU off again");
	probe_write32(VA_SECTION + 0x80u, 0x600DF00Du);
	mmu_disable();
	check_eq(read_sctlr() & SCTLR_M, 0, "SCTLR.M after disabling");
	check_eq(*phys(PA_SECTION + 0x80u), 0x600DF00Du,
		 "value written through the mapping, read flat");
}

void test_main(void)
{
	test_off_on();
	test_sections();
	test_pages();
	test_split();
	test_high_vectors();
	test_alias_exec();
	test_off_again();
}
