/* Unit tests for the short-descriptor walker (shadow/walk.c): tiny
 * translation tables in an array that stands for guest physical memory.
 * Every expected value is read off ARM DDI 0406C (the table or section is
 * named at each test), never off the walker's own output. */
#include <stdlib.h>
#include <string.h>

#include "shadow/walk.h"
#include "tests/unit/check.h"

/* ---- guest physical memory ---------------------------------------------- */

#define MEM_BASE 0x40000000u
#define MEM_SIZE 0x40000u               /* 256 KiB */
#define NOT_MEMORY 0x10000000u          /* the reader fails here */

static uint32_t mem[MEM_SIZE / 4];
static unsigned nreads;
static uint32_t read_log[4];

static int mem_read(void *ctx, uint32_t pa, uint32_t *out)
{
	(void)ctx;
	if (nreads < 4)
		read_log[nreads] = pa;
	nreads++;
	if (pa < MEM_BASE || pa - MEM_BASE >= MEM_SIZE || (pa & 3))
		return -1;
	*out = mem[(pa - MEM_BASE) / 4];
	return 0;
}

static void put(uint32_t pa, uint32_t v)
{
	if (pa < MEM_BASE || pa - MEM_BASE >= MEM_SIZE || (pa & 3))
		abort();
	mem[(pa - MEM_BASE) / 4] = v;
}

/* Table layout: L1 for TTBR0 at MEM_BASE, L1 for TTBR1 at +16 KiB, L2
 * tables (1 KiB each) from +32 KiB. */
#define L1_TTBR0 MEM_BASE
#define L1_TTBR1 (MEM_BASE + 0x4000u)
#define L2_TABLE(i) (MEM_BASE + 0x8000u + (uint32_t)(i) * 0x400u)

static void l1_put(uint32_t l1, uint32_t va, uint32_t desc)
{
	put(l1 + (va >> 20) * 4, desc);
}

static void l2_put(uint32_t l2, uint32_t va, uint32_t desc)
{
	put(l2 + ((va >> 12) & 0xFF) * 4, desc);
}

/* ---- descriptors, as Figures B3-4 and B3-5 draw them -------------------- */

#define NG 1u
#define XN 2u
#define PXN 4u

static uint32_t ap_bits(unsigned ap, unsigned ap2_bit, unsigned ap10_shift)
{
	return ((ap >> 2) & 1) << ap2_bit | (ap & 3) << ap10_shift;
}

/* Section: PA[31:20] in bits[31:20], nG bit 17, AP[2] bit 15, AP[1:0]
 * bits[11:10], domain bits[8:5], XN bit 4, bits[1:0] = 0b10, or 0b11 for
 * PXN = 1. */
static uint32_t section(uint32_t pa, unsigned ap, unsigned domain, unsigned f)
{
	return (pa & 0xFFF00000u) | ((f & NG) ? 1u << 17 : 0) |
	       ap_bits(ap, 15, 10) | domain << 5 | ((f & XN) ? 1u << 4 : 0) |
	       2u | ((f & PXN) ? 1u : 0);
}

/* Supersection: PA[31:24] in bits[31:24], bit 18 set, otherwise as a
 * section (bits[23:20] and [8:5] extend the PA). */
static uint32_t supersection(uint32_t pa, unsigned ap, unsigned f)
{
	return (pa & 0xFF000000u) | 1u << 18 | ((f & NG) ? 1u << 17 : 0) |
	       ap_bits(ap, 15, 10) | ((f & XN) ? 1u << 4 : 0) | 2u |
	       ((f & PXN) ? 1u : 0);
}

/* Page table: base bits[31:10], domain bits[8:5], PXN bit 2, 0b01. */
static uint32_t page_table(uint32_t l2, unsigned domain, unsigned f)
{
	return (l2 & 0xFFFFFC00u) | domain << 5 | ((f & PXN) ? 1u << 2 : 0) | 1u;
}

/* Small page: PA[31:12], nG bit 11, AP[2] bit 9, TEX bits[8:6], AP[1:0]
 * bits[5:4], C/B bits 3/2, bit 1 set, XN bit 0. */
static uint32_t small_page(uint32_t pa, unsigned ap, unsigned f)
{
	return (pa & 0xFFFFF000u) | ((f & NG) ? 1u << 11 : 0) |
	       ap_bits(ap, 9, 4) | 2u | ((f & XN) ? 1u : 0);
}

/* Large page: PA[31:16], XN bit 15, TEX bits[14:12], nG bit 11, AP[2]
 * bit 9, AP[1:0] bits[5:4], bits[1:0] = 0b01. */
static uint32_t large_page(uint32_t pa, unsigned ap, unsigned f)
{
	return (pa & 0xFFFF0000u) | ((f & XN) ? 1u << 15 : 0) |
	       ((f & NG) ? 1u << 11 : 0) | ap_bits(ap, 9, 4) | 1u;
}

/* A large page's descriptor sits in 16 consecutive entries (B3.5.1). */
static void l2_put_large(uint32_t l2, uint32_t va, uint32_t desc)
{
	for (uint32_t i = 0; i < 16; i++)
		l2_put(l2, (va & 0xFFFF0000u) + i * 0x1000u, desc);
}

/* ---- harness -------------------------------------------------------------- */

#define SCTLR_M 1u
#define SCTLR_AFE (1u << 29)
#define SCTLR_EE (1u << 25)
#define DACR_ALL_CLIENT 0x55555555u
#define DACR_ALL_MANAGER 0xFFFFFFFFu

static void reset_mem(void)
{
	memset(mem, 0, sizeof(mem));
}

static struct arm_mmu_regs mmu_on(void)
{
	struct arm_mmu_regs r = {
		.sctlr = SCTLR_M, .ttbr0 = L1_TTBR0, .ttbr1 = L1_TTBR1,
		.ttbcr = 0, .dacr = DACR_ALL_CLIENT, .contextidr = 0,
	};
	return r;
}

static int walk(const struct arm_mmu_regs *r, uint32_t va, enum arm_access acc,
		bool priv, struct arm_walk_result *out)
{
	nreads = 0;
	memset(out, 0xA5, sizeof(*out));
	return arm_walk(r, va, acc, priv, mem_read, NULL, out);
}

static const enum arm_access accs[3] = {
	ARM_ACCESS_READ, ARM_ACCESS_WRITE, ARM_ACCESS_EXEC,
};

/* Expect a fault with status fs found at level. */
static void expect_fault(const struct arm_mmu_regs *r, uint32_t va,
			 enum arm_access acc, bool priv, int fs, int level,
			 int line)
{
	struct arm_walk_result res;
	int got = walk(r, va, acc, priv, &res);

	if (got != fs || res.fs != fs || res.level != level) {
		check_failed++;
		fprintf(stderr, "FAIL line %d: va %#x acc %d pl%d: got %#x/%#x "
			"level %d, want %#x level %d\n", line, va, acc,
			priv ? 1 : 0, got, res.fs, res.level, fs, level);
	} else {
		check_passed++;
	}
}
#define EXPECT_FAULT(r, va, acc, priv, fs, level) \
	expect_fault(r, va, acc, priv, fs, level, __LINE__)

static void expect_ok(const struct arm_mmu_regs *r, uint32_t va,
		      enum arm_access acc, bool priv, uint32_t pa, int line)
{
	struct arm_walk_result res;
	int got = walk(r, va, acc, priv, &res);

	if (got != 0 || res.pa != pa) {
		check_failed++;
		fprintf(stderr, "FAIL line %d: va %#x acc %d pl%d: got %#x pa "
			"%#x, want 0 pa %#x\n", line, va, acc, priv ? 1 : 0,
			got, res.pa, pa);
	} else {
		check_passed++;
	}
}
#define EXPECT_OK(r, va, acc, priv, pa) expect_ok(r, va, acc, priv, pa, __LINE__)

#define PERM_RWX (ARM_PERM_R | ARM_PERM_W | ARM_PERM_X)

static void expect_perms(const struct arm_walk_result *res, unsigned pl1,
			 unsigned pl0)
{
	CHECK_EQ(res->perm_pl1, pl1);
	CHECK_EQ(res->perm_pl0, pl0);
}

/* B3.2.1: with the MMU off, VA = PA and no permission checks; no
 * descriptor is read. */
static void test_mmu_off(void)
{
	static const uint32_t vas[] = { 0, 0x12345678u, 0x40000000u, 0xFFFFFFFFu };
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	r.sctlr = 0;
	r.ttbr0 = r.ttbr1 = NOT_MEMORY;
	r.dacr = 0;
	for (unsigned i = 0; i < 4; i++)
		for (unsigned a = 0; a < 3; a++)
			for (int priv = 0; priv < 2; priv++) {
				EXPECT_OK(&r, vas[i], accs[a], priv, vas[i]);
				CHECK_EQ(nreads, 0);
			}
	CHECK_EQ(walk(&r, 0x1000, ARM_ACCESS_READ, false, &res), 0);
	expect_perms(&res, PERM_RWX, PERM_RWX);
	CHECK(res.global);
}

/* Section (Figure B3-4): 1 MiB, PA[31:20] from the descriptor, domain
 * from bits[8:5]; the first-level index is VA[31:20] (B3.5.4). */
static void test_section(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	reset_mem();
	/* TEX, C, B, S and NS set: none of them changes the translation. */
	l1_put(L1_TTBR0, 0x00100000u, section(0x80000000u, 3, 5, 0) |
				      0x7u << 12 | 0xCu | 1u << 16 | 1u << 19);
	CHECK_EQ(walk(&r, 0x00123456u, ARM_ACCESS_WRITE, false, &res), 0);
	CHECK_EQ(res.pa, 0x80023456u);
	CHECK_EQ(res.page_shift, 20);
	CHECK_EQ(res.domain, 5);
	CHECK(res.global);
	CHECK(!res.manager);
	expect_perms(&res, PERM_RWX, PERM_RWX);
	CHECK_EQ(nreads, 1);
	CHECK_EQ(read_log[0], L1_TTBR0 + 1 * 4);

	l1_put(L1_TTBR0, 0xFFF00000u, section(0x00100000u, 3, 0, 0));
	EXPECT_OK(&r, 0xFFFFFFFFu, ARM_ACCESS_READ, true, 0x001FFFFFu);
	CHECK_EQ(read_log[0], L1_TTBR0 + 0xFFF * 4);
	/* The neighbouring entry is a fault entry (bits[1:0] = 0b00). */
	EXPECT_FAULT(&r, 0x00200000u, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
}

/* Supersection (Figure B3-4): 16 MiB, PA[31:24], bit 18 set, domain 0
 * whatever bits[8:5] hold (they are PA[39:36]); the guest repeats it in
 * 16 entries. PA[39:32] are beyond this implementation's 32-bit PA. */
static void test_supersection(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	reset_mem();
	for (uint32_t i = 0; i < 16; i++)
		l1_put(L1_TTBR0, 0x23000000u + (i << 20),
		       supersection(0x85000000u, 3, 0) | 0xFu << 20 | 0xFu << 5);
	for (uint32_t i = 0; i < 16; i++) {
		uint32_t va = 0x23000000u + (i << 20) + 0xABCDEu;
		CHECK_EQ(walk(&r, va, ARM_ACCESS_READ, false, &res), 0);
		CHECK_EQ(res.pa, 0x85000000u + (i << 20) + 0xABCDEu);
		CHECK_EQ(res.page_shift, 24);
		CHECK_EQ(res.domain, 0);
	}
	/* Domain 15 (named by bits[8:5]) no access, domain 0 client: fine. */
	r.dacr = 0x1;
	EXPECT_OK(&r, 0x23FFFFFFu, ARM_ACCESS_WRITE, true, 0x85FFFFFFu);
	/* Domain 0 no access: a section Domain fault, domain 0. */
	r.dacr = 0x55555554u;
	EXPECT_FAULT(&r, 0x23000000u, ARM_ACCESS_READ, true, ARM_FS_DOMAIN_SECTION, 1);
	CHECK_EQ(walk(&r, 0x23000000u, ARM_ACCESS_READ, true, &res), ARM_FS_DOMAIN_SECTION);
	CHECK_EQ(res.fault_domain, 0);
}

/* Small page (Figure B3-5): the page table's base is bits[31:10] of the
 * first-level descriptor, the index VA[19:12] (B3.5.5). */
static void test_small_page(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	reset_mem();
	/* NS (bit 3) and the IMPLEMENTATION DEFINED bit 9 are ignored. */
	l1_put(L1_TTBR0, 0x00200000u, page_table(L2_TABLE(0), 3, 0) | 1u << 3 | 1u << 9);
	/* TEX bits[8:6], C and B do not change the translation. */
	l2_put(L2_TABLE(0), 0x00234000u, small_page(0x9ABCD000u, 3, 0) | 0x7u << 6 | 0xCu);
	CHECK_EQ(walk(&r, 0x00234567u, ARM_ACCESS_WRITE, false, &res), 0);
	CHECK_EQ(res.pa, 0x9ABCD567u);
	CHECK_EQ(res.page_shift, 12);
	CHECK_EQ(res.domain, 3);
	CHECK(res.global);
	expect_perms(&res, PERM_RWX, PERM_RWX);
	CHECK_EQ(nreads, 2);
	CHECK_EQ(read_log[0], L1_TTBR0 + 2 * 4);
	CHECK_EQ(read_log[1], L2_TABLE(0) + 0x34 * 4);
	/* The first and last entries of the table. */
	l2_put(L2_TABLE(0), 0x00200000u, small_page(0x11111000u, 3, 0));
	l2_put(L2_TABLE(0), 0x002FF000u, small_page(0x22222000u, 3, 0));
	EXPECT_OK(&r, 0x00200000u, ARM_ACCESS_READ, false, 0x11111000u);
	EXPECT_OK(&r, 0x002FFFFFu, ARM_ACCESS_READ, false, 0x22222FFFu);
	/* Bit 15 of a small page is PA[15], not XN. */
	l2_put(L2_TABLE(0), 0x00235000u, small_page(0x9ABC8000u, 3, 0));
	EXPECT_OK(&r, 0x00235004u, ARM_ACCESS_EXEC, false, 0x9ABC8004u);
	/* A fault entry in the page table: a page Translation fault. */
	EXPECT_FAULT(&r, 0x00236000u, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_PAGE, 2);
}

/* Large page (Figure B3-5): 64 KiB, PA[31:16], replicated in 16 entries
 * (B3.5.1); XN is bit 15, TEX bits[14:12]. */
static void test_large_page(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	reset_mem();
	l1_put(L1_TTBR0, 0x00200000u, page_table(L2_TABLE(0), 6, 0));
	l2_put_large(L2_TABLE(0), 0x00250000u, large_page(0x77770000u, 3, 0) | 0x7u << 12);
	for (uint32_t i = 0; i < 16; i++) {
		uint32_t va = 0x00250000u + i * 0x1000u + 0x123u;
		CHECK_EQ(walk(&r, va, ARM_ACCESS_EXEC, false, &res), 0);
		CHECK_EQ(res.pa, 0x77770000u + i * 0x1000u + 0x123u);
		CHECK_EQ(res.page_shift, 16);
		CHECK_EQ(res.domain, 6);
		CHECK_EQ(read_log[1], L2_TABLE(0) + (0x50 + i) * 4);
	}
	l2_put_large(L2_TABLE(0), 0x00260000u, large_page(0x12340000u, 3, XN));
	EXPECT_FAULT(&r, 0x0026FFFCu, ARM_ACCESS_EXEC, false, ARM_FS_PERMISSION_PAGE, 2);
	EXPECT_OK(&r, 0x0026FFFCu, ARM_ACCESS_READ, false, 0x1234FFFCu);
}

/* ---- access permissions ------------------------------------------------- */

enum kind { K_SECTION, K_SMALL, K_LARGE };
static const uint32_t kind_va[3] = { 0x00301234u, 0x00405678u, 0x0041ABCCu };
static const uint32_t kind_pa[3] = { 0x80001234u, 0x81234678u, 0x8234ABCCu };
static const int kind_level[3] = { 1, 2, 2 };

static void map_kind(enum kind k, unsigned ap, unsigned f, unsigned domain)
{
	reset_mem();
	l1_put(L1_TTBR0, 0x00300000u, section(0x80000000u, ap, domain, f));
	l1_put(L1_TTBR0, 0x00400000u, page_table(L2_TABLE(1), domain, f & PXN));
	l2_put(L2_TABLE(1), 0x00405000u, small_page(0x81234000u, ap, f));
	l2_put_large(L2_TABLE(1), 0x00410000u, large_page(0x82340000u, ap, f));
	(void)k;
}

static int perm_fs(enum kind k)
{
	return k == K_SECTION ? ARM_FS_PERMISSION_SECTION : ARM_FS_PERMISSION_PAGE;
}

/* Rights as strings ("rw", "r", ""): instruction fetch is a read for the
 * permission check (B3.7.1, TranslateAddressV/CheckPermission in B3.15). */
static unsigned rights_mask(const char *s)
{
	unsigned m = 0;

	if (strchr(s, 'r'))
		m |= ARM_PERM_R | ARM_PERM_X;
	if (strchr(s, 'w'))
		m |= ARM_PERM_W;
	return m;
}

static void check_rights(const struct arm_mmu_regs *r, enum kind k,
			 const char *pl1, const char *pl0)
{
	unsigned want[2] = { rights_mask(pl0), rights_mask(pl1) };
	static const unsigned need[3] = { ARM_PERM_R, ARM_PERM_W, ARM_PERM_X };
	struct arm_walk_result res;

	for (int priv = 0; priv < 2; priv++)
		for (unsigned a = 0; a < 3; a++) {
			if (want[priv] & need[a]) {
				EXPECT_OK(r, kind_va[k], accs[a], priv, kind_pa[k]);
				walk(r, kind_va[k], accs[a], priv, &res);
				expect_perms(&res, want[1], want[0]);
			} else {
				EXPECT_FAULT(r, kind_va[k], accs[a], priv,
					     perm_fs(k), kind_level[k]);
			}
		}
}

/* Table B3-8 "VMSAv7 MMU access permissions" (SCTLR.AFE = 0), PL1 and
 * PL0 rights by AP[2:0]. AP[2:0] = 0b100 is Reserved (UNPREDICTABLE):
 * walk.c grants nothing, which no guest can exploit. */
static const char *const table_b3_8[8][2] = {
	{ "", "" },      /* 000: all accesses generate Permission faults */
	{ "rw", "" },    /* 001: access only at PL1 */
	{ "rw", "r" },   /* 010: writes at PL0 generate Permission faults */
	{ "rw", "rw" },  /* 011: full access */
	{ "", "" },      /* 100: reserved */
	{ "r", "" },     /* 101: read-only, only at PL1 */
	{ "r", "r" },    /* 110: read-only at any PL (deprecated) */
	{ "r", "r" },    /* 111: read-only at any PL */
};

static void test_ap_afe0(void)
{
	struct arm_mmu_regs r = mmu_on();

	for (unsigned ap = 0; ap < 8; ap++)
		for (int k = K_SECTION; k <= K_LARGE; k++) {
			map_kind(k, ap, 0, 2);
			check_rights(&r, k, table_b3_8[ap][0], table_b3_8[ap][1]);
		}
}

/* SCTLR.AFE = 1: Table B3-9 (simplified access permissions model) by
 * AP[2:1]; AP[0] is the Access flag, and an access to a mapping with it
 * clear is an Access flag fault, section or page (B3.7.3, Table B3-23). */
static const char *const table_b3_9[4][2] = {
	{ "rw", "" },    /* 00: read/write, only at PL1 */
	{ "rw", "rw" },  /* 01: read/write at any PL */
	{ "r", "" },     /* 10: read-only, only at PL1 */
	{ "r", "r" },    /* 11: read-only at any PL */
};

static void test_ap_afe1(void)
{
	struct arm_mmu_regs r = mmu_on();

	r.sctlr |= SCTLR_AFE;
	for (unsigned ap = 0; ap < 8; ap++)
		for (int k = K_SECTION; k <= K_LARGE; k++) {
			map_kind(k, ap, 0, 2);
			if (ap & 1) {
				check_rights(&r, k, table_b3_9[ap >> 1][0],
					     table_b3_9[ap >> 1][1]);
				continue;
			}
			int fs = k == K_SECTION ? ARM_FS_ACCESS_FLAG_SECTION
						: ARM_FS_ACCESS_FLAG_PAGE;
			for (int priv = 0; priv < 2; priv++)
				for (unsigned a = 0; a < 3; a++)
					EXPECT_FAULT(&r, kind_va[k], accs[a], priv, fs,
						     kind_level[k]);
		}
}

/* DACR (B4.1.43): two bits per domain. No access: Domain fault (section
 * or page, Table B3-23); Client: permission checks; Manager: none, not
 * even XN/PXN (B3.7.2); 0b10 is reserved (UNPREDICTABLE): walk.c treats
 * it as No access. The mapping has AP = 0b000, XN and PXN, so a Client
 * takes a Permission fault and only a Manager gets through. */
static void test_domains(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	for (unsigned d = 0; d < 16; d++)
		for (unsigned v = 0; v < 4; v++) {
			r.dacr = v << (2 * d);
			for (int k = K_SECTION; k <= K_SMALL; k++) {
				map_kind(k, 0, XN | PXN, d);
				int lvl = kind_level[k];
				int got = walk(&r, kind_va[k], ARM_ACCESS_READ, true, &res);
				if (v == 3) {
					CHECK_EQ(got, 0);
					CHECK(res.manager);
					CHECK_EQ(res.domain, d);
					expect_perms(&res, PERM_RWX, PERM_RWX);
					EXPECT_OK(&r, kind_va[k], ARM_ACCESS_EXEC, true, kind_pa[k]);
					EXPECT_OK(&r, kind_va[k], ARM_ACCESS_WRITE, false, kind_pa[k]);
					continue;
				}
				int fs = v == 1 ? perm_fs(k)
					 : k == K_SECTION ? ARM_FS_DOMAIN_SECTION
							  : ARM_FS_DOMAIN_PAGE;
				CHECK_EQ(got, fs);
				CHECK_EQ(res.level, lvl);
				CHECK_EQ(res.fault_domain, d);
				/* DFSR: FS, Domain in bits[7:4] (valid for both). */
				CHECK_EQ(arm_fsr(&res, true, false), (uint32_t)fs | d << 4);
			}
		}
	/* Each domain field is read from its own two DACR bits. */
	r.dacr = 0x40000000u;                  /* only domain 15 client */
	map_kind(K_SECTION, 3, 0, 15);
	EXPECT_OK(&r, kind_va[K_SECTION], ARM_ACCESS_WRITE, false, kind_pa[K_SECTION]);
	map_kind(K_SECTION, 3, 0, 14);
	EXPECT_FAULT(&r, kind_va[K_SECTION], ARM_ACCESS_READ, true, ARM_FS_DOMAIN_SECTION, 1);
}

/* XN (sections bit 4, small pages bit 0, large pages bit 15) forbids
 * instruction fetch at any PL; PXN (sections bit 0 with bits[1:0] = 0b11,
 * page tables bit 2) only at PL1 (B3.5.1, B3.7.2). ID_MMFR0.VMSA = 4
 * (PXN supported), so 0b11 is a section with PXN, not a fault. */
static void test_xn_pxn(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	for (int k = K_SECTION; k <= K_LARGE; k++) {
		map_kind(k, 3, XN, 1);
		for (int priv = 0; priv < 2; priv++) {
			EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_EXEC, priv, perm_fs(k), kind_level[k]);
			EXPECT_OK(&r, kind_va[k], ARM_ACCESS_READ, priv, kind_pa[k]);
			EXPECT_OK(&r, kind_va[k], ARM_ACCESS_WRITE, priv, kind_pa[k]);
		}
		walk(&r, kind_va[k], ARM_ACCESS_READ, false, &res);
		expect_perms(&res, ARM_PERM_R | ARM_PERM_W, ARM_PERM_R | ARM_PERM_W);

		map_kind(k, 3, PXN, 1);
		EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_EXEC, true, perm_fs(k), kind_level[k]);
		EXPECT_OK(&r, kind_va[k], ARM_ACCESS_EXEC, false, kind_pa[k]);
		EXPECT_OK(&r, kind_va[k], ARM_ACCESS_WRITE, true, kind_pa[k]);
		walk(&r, kind_va[k], ARM_ACCESS_READ, true, &res);
		expect_perms(&res, ARM_PERM_R | ARM_PERM_W, PERM_RWX);

		/* PL1-only mapping with PXN: nobody may execute. */
		map_kind(k, 1, PXN, 1);
		EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_EXEC, true, perm_fs(k), kind_level[k]);
		EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_EXEC, false, perm_fs(k), kind_level[k]);
	}
	/* Supersection with PXN. */
	reset_mem();
	for (uint32_t i = 0; i < 16; i++)
		l1_put(L1_TTBR0, 0x31000000u + (i << 20), supersection(0x90000000u, 3, PXN));
	EXPECT_FAULT(&r, 0x31000000u, ARM_ACCESS_EXEC, true, ARM_FS_PERMISSION_SECTION, 1);
	EXPECT_OK(&r, 0x31000000u, ARM_ACCESS_EXEC, false, 0x90000000u);
	/* PXN in the page table covers its pages, not the page's bit 0. */
	map_kind(K_SMALL, 3, 0, 1);
	l1_put(L1_TTBR0, 0x00400000u, page_table(L2_TABLE(1), 1, PXN));
	EXPECT_FAULT(&r, kind_va[K_SMALL], ARM_ACCESS_EXEC, true, ARM_FS_PERMISSION_PAGE, 2);
	EXPECT_OK(&r, kind_va[K_LARGE], ARM_ACCESS_EXEC, false, kind_pa[K_LARGE]);
	EXPECT_FAULT(&r, kind_va[K_LARGE], ARM_ACCESS_EXEC, true, ARM_FS_PERMISSION_PAGE, 2);
}

/* TTBCR.N (B3.5.4): with N > 0, VAs with VA[31:32-N] == 0 use TTBR0,
 * whose table base is TTBR0[31:14-N] and index VA[31-N:20]; the others
 * use TTBR1 (base TTBR1[31:14], index VA[31:20]). N = 0: TTBR0 only.
 * TTBR bits below the base are attributes or UNK/SBZ, never address. */
static void test_ttbcr_n(void)
{
	struct arm_mmu_regs r = mmu_on();

	reset_mem();
	r.ttbr1 = L1_TTBR1 | 0x3FFFu;
	for (unsigned n = 0; n < 8; n++) {
		r.ttbcr = n;
		r.ttbr0 = L1_TTBR0 | ((1u << (14 - n)) - 1);
		uint32_t boundary = n ? 1u << (32 - n) : 0;
		uint32_t ttbr0_last = (n ? boundary : 0u) - 0x00100000u;
		EXPECT_FAULT(&r, ttbr0_last, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
		CHECK_EQ(read_log[0], L1_TTBR0 + (ttbr0_last >> 20) * 4);
		EXPECT_FAULT(&r, 0x000FFFFFu, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
		CHECK_EQ(read_log[0], L1_TTBR0);
		if (n == 0) {
			CHECK_EQ(read_log[0], L1_TTBR0);
			continue;
		}
		EXPECT_FAULT(&r, boundary, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
		CHECK_EQ(read_log[0], L1_TTBR1 + (boundary >> 20) * 4);
		EXPECT_FAULT(&r, 0xFFFFFFFFu, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
		CHECK_EQ(read_log[0], L1_TTBR1 + 0xFFF * 4);
		/* And a real walk on each side of the boundary. */
		put(L1_TTBR0 + (ttbr0_last >> 20) * 4, section(0x50000000u, 3, 0, 0));
		put(L1_TTBR1 + (boundary >> 20) * 4, section(0x60000000u, 3, 0, 0));
		EXPECT_OK(&r, ttbr0_last + 0xFFFFFu, ARM_ACCESS_READ, true, 0x500FFFFFu);
		EXPECT_OK(&r, boundary + 0x10u, ARM_ACCESS_READ, true, 0x60000010u);
		put(L1_TTBR0 + (ttbr0_last >> 20) * 4, 0);
		put(L1_TTBR1 + (boundary >> 20) * 4, 0);
	}
	/* N = 0: the top of the address space is still TTBR0's. */
	r.ttbcr = 0;
	EXPECT_FAULT(&r, 0xFFFFFFFFu, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
	CHECK_EQ(read_log[0], L1_TTBR0 + 0xFFF * 4);
	/* N = 7: TTBR0's table is 128 bytes, so a base aligned only to 128
	 * bytes is used whole. */
	r.ttbcr = 7;
	r.ttbr0 = L1_TTBR0 + 0x80u;
	EXPECT_FAULT(&r, 0x01F00000u, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
	CHECK_EQ(read_log[0], L1_TTBR0 + 0x80u + 0x1F * 4);
}

/* TTBCR.PD0/PD1 (B4.1.153): a TLB miss on a VA that TTBR0/TTBR1 would
 * translate is a level 1 Translation fault, without a table walk. */
static void test_ttbcr_pd(void)
{
	struct arm_mmu_regs r = mmu_on();

	reset_mem();
	l1_put(L1_TTBR0, 0x00100000u, section(0x80000000u, 3, 0, 0));
	l1_put(L1_TTBR1, 0x80000000u, section(0x90000000u, 3, 0, 0));
	r.ttbcr = 1 | 1u << 4;                         /* N = 1, PD0 */
	for (unsigned a = 0; a < 3; a++) {
		EXPECT_FAULT(&r, 0x00100000u, accs[a], true, ARM_FS_TRANSLATION_SECTION, 1);
		CHECK_EQ(nreads, 0);
	}
	EXPECT_OK(&r, 0x80000000u, ARM_ACCESS_READ, false, 0x90000000u);
	r.ttbcr = 1 | 1u << 5;                         /* N = 1, PD1 */
	EXPECT_FAULT(&r, 0x80000000u, ARM_ACCESS_WRITE, false, ARM_FS_TRANSLATION_SECTION, 1);
	CHECK_EQ(nreads, 0);
	EXPECT_OK(&r, 0x00100000u, ARM_ACCESS_READ, false, 0x80000000u);
	r.ttbcr = 1u << 5;                             /* N = 0: PD1 unused */
	EXPECT_OK(&r, 0x00100000u, ARM_ACCESS_READ, false, 0x80000000u);
	/* PD0 with TTBR0 outside memory: no walk, so no external abort. */
	r.ttbcr = 1u << 4;
	r.ttbr0 = NOT_MEMORY;
	EXPECT_FAULT(&r, 0x00100000u, ARM_ACCESS_READ, true, ARM_FS_TRANSLATION_SECTION, 1);
}

/* nG (sections bit 17, pages bit 11): the mapping is not global, it
 * belongs to the current ASID (B3.9.1). */
static void test_global(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	for (int ng = 0; ng < 2; ng++)
		for (int k = K_SECTION; k <= K_LARGE; k++) {
			map_kind(k, 3, ng ? NG : 0, 0);
			CHECK_EQ(walk(&r, kind_va[k], ARM_ACCESS_READ, false, &res), 0);
			CHECK_EQ(res.global, !ng);
		}
	reset_mem();
	for (uint32_t i = 0; i < 16; i++)
		l1_put(L1_TTBR0, 0x31000000u + (i << 20), supersection(0x90000000u, 3, NG));
	CHECK_EQ(walk(&r, 0x31000000u, ARM_ACCESS_READ, false, &res), 0);
	CHECK(!res.global);
}

/* A descriptor fetch that aborts: "synchronous external abort on
 * translation table walk", first level 0x0C or second level 0x0E (Table
 * B3-23); only the second-level one has a valid Domain (B3.15
 * DataAbort()). */
static void test_walk_external(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	reset_mem();
	r.ttbr0 = NOT_MEMORY;
	for (unsigned a = 0; a < 3; a++)
		for (int priv = 0; priv < 2; priv++)
			EXPECT_FAULT(&r, 0x00100000u, accs[a], priv, ARM_FS_WALK_EXTERNAL_L1, 1);
	walk(&r, 0x00100000u, ARM_ACCESS_WRITE, false, &res);
	CHECK_EQ(arm_fsr(&res, true, true), 0x80Cu);
	CHECK_EQ(arm_fsr(&res, false, false), 0x00Cu);

	r = mmu_on();
	l1_put(L1_TTBR0, 0x00200000u, page_table(NOT_MEMORY, 7, 0));
	for (unsigned a = 0; a < 3; a++)
		for (int priv = 0; priv < 2; priv++)
			EXPECT_FAULT(&r, 0x00201000u, accs[a], priv, ARM_FS_WALK_EXTERNAL_L2, 2);
	walk(&r, 0x00201000u, ARM_ACCESS_READ, true, &res);
	CHECK_EQ(res.fault_domain, 7);
	CHECK_EQ(arm_fsr(&res, true, false), 0x07Eu);
	CHECK_EQ(arm_fsr(&res, true, true), 0x87Eu);
	CHECK_EQ(arm_fsr(&res, false, false), 0x00Eu);
	CHECK_EQ(read_log[1], NOT_MEMORY + 0x01 * 4);
	/* The fetch comes before the domain check (B3.12.2). */
	r.dacr = 0;
	EXPECT_FAULT(&r, 0x00201000u, ARM_ACCESS_READ, true, ARM_FS_WALK_EXTERNAL_L2, 2);
	/* A section whose target is not memory translates fine: the walk
	 * never touches the target. */
	r = mmu_on();
	l1_put(L1_TTBR0, 0x00300000u, section(NOT_MEMORY, 3, 0, 0));
	EXPECT_OK(&r, 0x00300008u, ARM_ACCESS_READ, true, NOT_MEMORY + 8);
}

/* Fault priority (B3.12.2 and the B3.15 pseudocode: the walk's own
 * faults, then CheckDomain, then CheckPermission). */
static void test_priority(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	/* Invalid level 2 entry under a No access domain: Translation, page
	 * (0x07) with the domain; QEMU 7.2 reports a Domain fault here. */
	reset_mem();
	l1_put(L1_TTBR0, 0x00200000u, page_table(L2_TABLE(0), 4, 0));
	r.dacr = 0;
	CHECK_EQ(walk(&r, 0x00203000u, ARM_ACCESS_READ, true, &res), ARM_FS_TRANSLATION_PAGE);
	CHECK_EQ(res.level, 2);
	CHECK_EQ(arm_fsr(&res, true, false), 0x047u);
	/* Invalid level 1 entry: Translation, section, whatever DACR says;
	 * the Domain field is not valid (bits[8:5] of a fault entry are
	 * ignored). */
	l1_put(L1_TTBR0, 0x00500000u, 0x1E0u);
	CHECK_EQ(walk(&r, 0x00500000u, ARM_ACCESS_WRITE, true, &res), ARM_FS_TRANSLATION_SECTION);
	CHECK_EQ(arm_fsr(&res, true, true), 0x805u);
	/* No access domain over AP = 0b000: Domain, not Permission. */
	r.dacr = 0;
	for (int k = K_SECTION; k <= K_LARGE; k++) {
		map_kind(k, 0, XN, 9);
		EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_EXEC, false,
			     k == K_SECTION ? ARM_FS_DOMAIN_SECTION : ARM_FS_DOMAIN_PAGE,
			     kind_level[k]);
	}
	/* AFE = 1 and AF = 0: the Access flag fault comes first, in No
	 * access, reserved and Manager domains, and on XN mappings (QEMU 7.2
	 * differs in all of these). */
	r.sctlr |= SCTLR_AFE;
	static const uint32_t dacrs[3] = { 0, 0xAAAAAAAAu, DACR_ALL_MANAGER };
	for (unsigned i = 0; i < 3; i++) {
		r.dacr = dacrs[i];
		for (int k = K_SECTION; k <= K_LARGE; k++) {
			map_kind(k, 2, XN | PXN, 9);          /* AP[0] = 0 */
			int fs = k == K_SECTION ? ARM_FS_ACCESS_FLAG_SECTION
						: ARM_FS_ACCESS_FLAG_PAGE;
			EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_EXEC, true, fs, kind_level[k]);
			EXPECT_FAULT(&r, kind_va[k], ARM_ACCESS_READ, false, fs, kind_level[k]);
			walk(&r, kind_va[k], ARM_ACCESS_WRITE, false, &res);
			/* DFSR.Domain is valid for a page Access flag fault,
			 * UNKNOWN (written 0) for a section one. */
			CHECK_EQ(arm_fsr(&res, true, true),
				 k == K_SECTION ? 0x803u : 0x896u);
		}
	}
	/* AFE = 1, AF = 1, XN, Client: Permission. */
	r.dacr = DACR_ALL_CLIENT;
	map_kind(K_SECTION, 3, XN, 9);
	EXPECT_FAULT(&r, kind_va[K_SECTION], ARM_ACCESS_EXEC, false, ARM_FS_PERMISSION_SECTION, 1);
}

/* DFSR/IFSR (B4.1.52, B4.1.96): FS[3:0] in bits[3:0], FS[4] in bit 10,
 * Domain bits[7:4] (DFSR only), WnR bit 11 (DFSR only), LPAE bit 9 = 0. */
static void test_fsr(void)
{
	struct arm_mmu_regs r = mmu_on();
	struct arm_walk_result res;

	map_kind(K_SECTION, 5, 0, 12);          /* PL1 read-only */
	walk(&r, kind_va[K_SECTION], ARM_ACCESS_WRITE, true, &res);
	CHECK_EQ(arm_fsr(&res, true, true), 0x8CDu);
	CHECK_EQ(arm_fsr(&res, false, false), 0x00Du);
	map_kind(K_LARGE, 5, 0, 15);
	walk(&r, kind_va[K_LARGE], ARM_ACCESS_READ, false, &res);
	CHECK_EQ(arm_fsr(&res, true, false), 0x0FFu);
	CHECK_EQ(arm_fsr(&res, false, false), 0x00Fu);
	r.dacr = 0;
	walk(&r, kind_va[K_LARGE], ARM_ACCESS_WRITE, true, &res);
	CHECK_EQ(arm_fsr(&res, true, true), 0x8FBu);
	/* FS values with FS[4] set (Table B3-23): 0b10110 asynchronous
	 * external abort, 0b11001 synchronous parity error, 0b11110
	 * parity error on a level 2 walk. */
	memset(&res, 0, sizeof(res));
	res.fs = 0x16;
	CHECK_EQ(arm_fsr(&res, true, false), 0x406u);
	res.fs = 0x19;
	CHECK_EQ(arm_fsr(&res, false, false), 0x409u);
	res.fs = ARM_FS_ALIGNMENT;
	res.fault_domain = 3;
	CHECK_EQ(arm_fsr(&res, true, true), 0x801u);
}

/* SCTLR.EE = 1: translation table walks are big-endian (B4.1.130). */
static uint32_t be(uint32_t v)
{
	return __builtin_bswap32(v);
}

static void test_big_endian(void)
{
	struct arm_mmu_regs r = mmu_on();

	reset_mem();
	r.sctlr |= SCTLR_EE;
	l1_put(L1_TTBR0, 0x00100000u, be(section(0x80000000u, 3, 0, 0)));
	l1_put(L1_TTBR0, 0x00200000u, be(page_table(L2_TABLE(0), 0, 0)));
	l2_put(L2_TABLE(0), 0x00201000u, be(small_page(0x9ABCD000u, 2, 0)));
	EXPECT_OK(&r, 0x00100010u, ARM_ACCESS_WRITE, false, 0x80000010u);
	EXPECT_OK(&r, 0x00201010u, ARM_ACCESS_READ, false, 0x9ABCD010u);
	EXPECT_FAULT(&r, 0x00201010u, ARM_ACCESS_WRITE, false, ARM_FS_PERMISSION_PAGE, 2);
}


/* struct arm_walk_result: the mapping fields stay valid after Access
 * flag, domain and permission faults (B3.12.3: those are checked once a
 * descriptor was found), not after translation or external faults. */
static void test_found_mapping(void)
{
	static const int found[] = {
		0, ARM_FS_ACCESS_FLAG_SECTION, ARM_FS_ACCESS_FLAG_PAGE, ARM_FS_DOMAIN_SECTION,
		ARM_FS_DOMAIN_PAGE, ARM_FS_PERMISSION_SECTION, ARM_FS_PERMISSION_PAGE,
	};
	static const int none[] = {
		ARM_FS_TRANSLATION_SECTION, ARM_FS_TRANSLATION_PAGE, ARM_FS_WALK_EXTERNAL_L1,
		ARM_FS_WALK_EXTERNAL_L2, ARM_FS_SYNC_EXTERNAL,
	};
	for (unsigned i = 0; i < sizeof(found) / sizeof(found[0]); i++)
		CHECK(arm_walk_found_mapping(found[i]));
	for (unsigned i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		CHECK(!arm_walk_found_mapping(none[i]));
}

int main(void)
{
	test_found_mapping();
	test_mmu_off();
	test_section();
	test_supersection();
	test_small_page();
	test_large_page();
	test_ap_afe0();
	test_ap_afe1();
	test_domains();
	test_xn_pxn();
	test_ttbcr_n();
	test_ttbcr_pd();
	test_global();
	test_walk_external();
	test_priority();
	test_fsr();
	test_big_endian();
	return check_report("unit-walk");
}
