/* ASIDs, global and non-global mappings, and TLB maintenance (ARM DDI
 * 0406C B3.9, B3.10, B4.2.2). Only what the architecture guarantees is
 * checked: a non-global entry is used only under its ASID; after the
 * matching invalidation a changed descriptor is seen; a descriptor that
 * faulted is never cached, so making it valid needs no maintenance. That
 * a stale entry may stay visible until invalidated is allowed, not
 * required (an implementation may drop entries at any time; QEMU flushes
 * on every ASID change), so it is never checked either way. */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "asid_tlb";

#define PA_A 0x41000000u
#define PA_B 0x41100000u
#define PA_C 0x41200000u
#define PA_D 0x41300000u
#define VA_SECT TEST_VA
#define VA_PAGE (TEST_VA + 0x01000000u)
#define VA_GLOBAL (TEST_VA + 0x02000000u)
#define VA_LATE (TEST_VA + 0x03000000u)
#define ASID_A 1u
#define ASID_B 2u
/* TLBIMVA and TLBIMVAIS take MVA[31:12] and the ASID (B4.2.2). */
#define MVA_MASK 0xFFFFF000u
#define SWITCHES 8

static uint32_t l1_g[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l1_a[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l1_b[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l2_a[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));
static uint32_t l2_b[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));
static uint32_t l2_late[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));

static const uint32_t SECT_RW = SECT_NORMAL | L1_AP(AP_FULL);
static const uint32_t PAGE_RW = SMALL_NORMAL | L2_AP(AP_FULL);

/* The marker word at the start of each physical test section. */
static uint32_t marker(uint32_t pa)
{
	return pa | 0xA5u;
}

static uint32_t rd(uint32_t va)
{
	return probe_read32(va, PROBE_DEFAULT);
}

/* Changes ASID and table the way B3.10.4 allows without a TLB flush:
 * through a table with global mappings only, so no walk can tag an old
 * table's non-global entry with the new ASID. */
static void switch_to(uint32_t *l1, uint32_t asid)
{
	write_ttbr0((uint32_t)l1_g);
	isb();
	write_contextidr(asid);
	isb();
	write_ttbr0((uint32_t)l1);
	isb();
}

static void setup(void)
{
	static const uint32_t pas[] = { PA_A, PA_B, PA_C, PA_D };
	for (unsigned i = 0; i < 4; i++) {
		*(volatile uint32_t *)pas[i] = marker(pas[i]);
		*(volatile uint32_t *)(pas[i] + SMALL_PAGE_SIZE) =
			marker(pas[i] + SMALL_PAGE_SIZE);
	}
	mmu_base_map(l1_g);
	mmu_base_map(l1_a);
	mmu_base_map(l1_b);
	mmu_map_section(l1_a, VA_SECT, PA_A, SECT_RW | L1_NG);
	mmu_map_section(l1_b, VA_SECT, PA_B, SECT_RW | L1_NG);
	mmu_map_table(l1_a, VA_PAGE, l2_a, L1_DOMAIN(0));
	mmu_map_table(l1_b, VA_PAGE, l2_b, L1_DOMAIN(0));
	mmu_map_small(l2_a, VA_PAGE, PA_A + SMALL_PAGE_SIZE, PAGE_RW | L2_NG);
	mmu_map_small(l2_b, VA_PAGE, PA_B + SMALL_PAGE_SIZE, PAGE_RW | L2_NG);
	mmu_map_section(l1_a, VA_GLOBAL, PA_C, SECT_RW);
	mmu_map_section(l1_b, VA_GLOBAL, PA_C, SECT_RW);
	mmu_sync();
	mmu_enable(l1_g, DACR(0, DACR_CLIENT));
}

static void test_switching(void)
{
	rt_section("ASID switching, non-global and global mappings");
	for (int i = 0; i < SWITCHES; i++) {
		int b = i & 1;
		switch_to(b ? l1_b : l1_a, b ? ASID_B : ASID_A);
		const char *who = b ? "asid 2" : "asid 1";
		uint32_t pa = b ? PA_B : PA_A;
		check_eq(read_contextidr() & 0xFFu, b ? ASID_B : ASID_A,
			 "switch %d: CONTEXTIDR.ASID", i);
		check_eq(rd(VA_SECT), marker(pa), "switch %d: %s nG section", i, who);
		check_eq(rd(VA_PAGE), marker(pa + SMALL_PAGE_SIZE),
			 "switch %d: %s nG small page", i, who);
		check_eq(rd(VA_GLOBAL), marker(PA_C), "switch %d: %s global section", i, who);
	}
	/* Writes through non-global mappings land in each ASID's frame. */
	switch_to(l1_a, ASID_A);
	probe_write32(VA_SECT + 4, 0xAAAA0001u);
	switch_to(l1_b, ASID_B);
	probe_write32(VA_SECT + 4, 0xBBBB0002u);
	check_eq(*(volatile uint32_t *)(PA_A + 4), 0xAAAA0001u, "asid 1 write landed in its frame");
	check_eq(*(volatile uint32_t *)(PA_B + 4), 0xBBBB0002u, "asid 2 write landed in its frame");
}

/* One TLB invalidation by address and ASID, in one of its forms. */
typedef void tlbi_fn(uint32_t va, uint32_t asid);

static void by_all(uint32_t va, uint32_t asid) { (void)va; (void)asid; write_tlbiall(0); }
static void by_mva(uint32_t va, uint32_t asid) { write_tlbimva((va & MVA_MASK) | asid); }
static void by_asid(uint32_t va, uint32_t asid) { (void)va; write_tlbiasid(asid); }
static void by_mvaa(uint32_t va, uint32_t asid) { (void)asid; write_tlbimvaa(va & MVA_MASK); }
static void by_all_is(uint32_t va, uint32_t asid) { (void)va; (void)asid; write_tlbiallis(0); }
static void by_mva_is(uint32_t va, uint32_t asid) { write_tlbimvais((va & MVA_MASK) | asid); }
static void by_asid_is(uint32_t va, uint32_t asid) { (void)va; write_tlbiasidis(asid); }
static void by_mvaa_is(uint32_t va, uint32_t asid) { (void)asid; write_tlbimvaais(va & MVA_MASK); }

/* Remaps a test address in ASID 1's table to another frame and back,
 * invalidating with tlbi each time, and checks each new mapping is what
 * an access sees. */
static void remap_check(const char *how, tlbi_fn *tlbi, int global, int page)
{
	uint32_t va = page ? VA_PAGE : (global ? VA_GLOBAL : VA_SECT);
	uint32_t ng = global ? 0 : (page ? L2_NG : L1_NG);
	uint32_t from = global ? PA_C : PA_A, to = PA_D;
	if (page) {
		from += SMALL_PAGE_SIZE;
		to += SMALL_PAGE_SIZE;
	}
	const char *what = page ? "nG page" : (global ? "global section" : "nG section");
	switch_to(l1_a, ASID_A);
	for (int step = 0; step < 2; step++) {
		uint32_t pa = step ? from : to;
		if (page)
			mmu_map_small(l2_a, va, pa, PAGE_RW | ng);
		else
			mmu_map_section(l1_a, va, pa, SECT_RW | ng);
		dsb();
		tlbi(va, ASID_A);
		dsb();
		isb();
		check_eq(rd(va), marker(pa), "%s, %s: remapped %s seen", how,
			 step ? "back" : "away", what);
	}
}

static void test_invalidation(void)
{
	static const struct { const char *name; tlbi_fn *fn; int asid_only; } ops[] = {
		{ "TLBIALL", by_all, 0 }, { "TLBIMVA", by_mva, 0 },
		{ "TLBIASID", by_asid, 1 }, { "TLBIMVAA", by_mvaa, 0 },
		{ "TLBIALLIS", by_all_is, 0 }, { "TLBIMVAIS", by_mva_is, 0 },
		{ "TLBIASIDIS", by_asid_is, 1 }, { "TLBIMVAAIS", by_mvaa_is, 0 },
	};
	rt_section("invalidation makes a changed descriptor visible");
	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		rd(VA_SECT);
		rd(VA_PAGE);
		rd(VA_GLOBAL);
		remap_check(ops[i].name, ops[i].fn, 0, 0);
		remap_check(ops[i].name, ops[i].fn, 0, 1);
		/* TLBIASID does not cover global entries (B4.2.2). */
		if (!ops[i].asid_only)
			remap_check(ops[i].name, ops[i].fn, 1, 0);
	}
	/* Changing another ASID's mapping: TLBIASID of that ASID, then the
	 * switch shows the new one. */
	switch_to(l1_b, ASID_B);
	rd(VA_SECT);
	switch_to(l1_a, ASID_A);
	mmu_map_section(l1_b, VA_SECT, PA_D, SECT_RW | L1_NG);
	dsb();
	write_tlbiasid(ASID_B);
	dsb();
	isb();
	switch_to(l1_b, ASID_B);
	check_eq(rd(VA_SECT), marker(PA_D), "TLBIASID of a switched-out ASID: new mapping");
	mmu_map_section(l1_b, VA_SECT, PA_B, SECT_RW | L1_NG);
	tlb_flush_all();
	check_eq(rd(VA_SECT), marker(PA_B), "TLBIALL: mapping restored");
}

/* B3.10.1 (and B3.12.4's note): a translation table walk that faults does
 * not leave a TLB entry, so a descriptor made valid is used at the next
 * access with only the barriers that make the write visible. */
static void test_fault_not_cached(void)
{
	rt_section("faulting descriptors are not cached");
	switch_to(l1_a, ASID_A);
	for (int round = 0; round < 3; round++) {
		uint32_t *tables[2] = { l1_a, l1_b };
		uint32_t *t = tables[round & 1];
		switch_to(t, (round & 1) ? ASID_B : ASID_A);
		/* First level. */
		t[VA_LATE >> 20] = L1_FAULT;
		mmu_sync();
		tlb_flush_all();
		exc_clear();
		rd(VA_LATE);
		check_exc("late section: first access", EXC_DABT,
			  FS_TRANSLATION_SECTION, FSR_FS_MASK | FSR_WNR);
		mmu_map_section(t, VA_LATE, PA_C, SECT_RW | (round ? L1_NG : 0));
		mmu_sync();
		exc_clear();
		check_eq(rd(VA_LATE), marker(PA_C), "late section %d: valid without TLBI", round);
		check_no_exc("late section: second access");
		/* Second level: the table is valid, the entry is not. */
		for (unsigned i = 0; i < L2_ENTRIES; i++)
			l2_late[i] = L2_FAULT;
		mmu_map_table(t, VA_LATE, l2_late, L1_DOMAIN(0));
		mmu_sync();
		tlb_flush_all();
		exc_clear();
		rd(VA_LATE + SMALL_PAGE_SIZE);
		check_exc("late page: first access", EXC_DABT, FS_TRANSLATION_PAGE,
			  FSR_FS_MASK | FSR_WNR);
		mmu_map_small(l2_late, VA_LATE + SMALL_PAGE_SIZE, PA_C + SMALL_PAGE_SIZE,
			      PAGE_RW | (round ? L2_NG : 0));
		mmu_sync();
		exc_clear();
		check_eq(rd(VA_LATE + SMALL_PAGE_SIZE), marker(PA_C + SMALL_PAGE_SIZE),
			 "late page %d: valid without TLBI", round);
		check_no_exc("late page: second access");
		/* A write that faulted, then the page made valid. */
		l2_late[2] = L2_FAULT;
		mmu_sync();
		exc_clear();
		probe_write32(VA_LATE + 2 * SMALL_PAGE_SIZE, 0x12345678u);
		check_exc("late page write: first access", EXC_DABT,
			  FS_TRANSLATION_PAGE | FSR_WNR, FSR_FS_MASK | FSR_WNR);
		mmu_map_small(l2_late, VA_LATE + 2 * SMALL_PAGE_SIZE, PA_D,
			      PAGE_RW | (round ? L2_NG : 0));
		mmu_sync();
		exc_clear();
		probe_write32(VA_LATE + 2 * SMALL_PAGE_SIZE + 8, 0x1000u + (uint32_t)round);
		check_no_exc("late page write: second access");
		check_eq(*(volatile uint32_t *)(PA_D + 8), 0x1000u + (uint32_t)round,
			 "late page write %d: landed", round);
	}
}

void test_main(void)
{
	setup();
	test_switching();
	test_invalidation();
	test_fault_not_cached();
	switch_to(l1_g, 0);
	mmu_disable();
}
