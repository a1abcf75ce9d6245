/* Access control with the short-descriptor format (ARM DDI 0406C B3.7):
 * every AP[2:0] value with SCTLR.AFE = 0 and every AP[2:1] and Access flag
 * value with AFE = 1, for reads and writes from PL1 and PL0 (PL0 through
 * User mode), on sections and small pages; domains No access, Client and
 * Manager and DACR changes; XN, PXN and read permission for instruction
 * fetches. Expected values follow the ARMv7 pseudocode (B3.15:
 * TranslationTableWalkSD, then CheckDomain, then CheckPermission): the
 * Access flag is checked first, then the domain, then permissions; a
 * Manager domain checks neither AP nor XN. Where QEMU 7.2 departs from it
 * the check says so (check_dev). */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "mmu_perm";

#define PA_DATA 0x41000000u
#define DOM 2u                     /* the test mappings' domain */
#define DATA_VALUE 0x0DA7A000u
/* MOV r0, #0x5A; BX lr: what the exec probes call. */
#define INSN_MOV_R0 0xE3A0005Au
#define INSN_BX_LR 0xE12FFF1Eu
#define EXEC_RESULT 0x5Au
/* ID_MMFR0[3:0], VMSA support (B4.1.89): 4 or more means PXN exists. */
#define ID_MMFR0_VMSA_MASK 0xFu
#define VMSA_PXN 4u

static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l2[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));

enum { SECT, PAGE, LARGE };
static const char *const kind_names[] = { "section", "page", "large page" };

/* Maps TEST_VA to PA_DATA as a section, a small page or a large page (in
 * a page table whose L1 descriptor carries dom and l1_extra), with AP ap
 * and extra descriptor bits; invalidates the TLB. */
static void map(int kind, unsigned ap, uint32_t dom, uint32_t extra,
		uint32_t l1_extra)
{
	if (kind == SECT) {
		mmu_map_section(l1, TEST_VA, PA_DATA, SECT_NORMAL | L1_AP(ap) |
				L1_DOMAIN(dom) | extra);
	} else {
		mmu_map_table(l1, TEST_VA, l2, L1_DOMAIN(dom) | l1_extra);
		if (kind == LARGE)
			mmu_map_large(l2, TEST_VA, PA_DATA, LARGE_NORMAL |
				      L2_AP(ap) | extra);
		else
			mmu_map_small(l2, TEST_VA, PA_DATA, SMALL_NORMAL |
				      L2_AP(ap) | extra);
	}
	tlb_flush_all();
}

static void set_dacr(uint32_t v)
{
	write_dacr(DACR(0, DACR_CLIENT) | DACR(DOM, v));
	isb();
}

static uint32_t fsr_mask(uint32_t fs)
{
	/* DFSR.Domain is valid for Domain and Permission faults and level 2
	 * faults, UNKNOWN otherwise (B3.15, DataAbort() pseudocode). */
	if (fs == FS_ACCESS_FLAG_SECTION || fs == FS_TRANSLATION_SECTION)
		return FSR_FS_MASK | FSR_WNR;
	return FSR_FS_MASK | FSR_WNR | FSR_DOMAIN_MASK;
}

/* One access to TEST_VA; fs = 0 means it must succeed. */
static void access(const char *what, int pl0, int write, uint32_t fs)
{
	*(volatile uint32_t *)PA_DATA = DATA_VALUE;
	exc_clear();
	uint32_t got;
	if (write) {
		if (pl0)
			run_user(user_write32, TEST_VA);
		else
			probe_write32(TEST_VA, PROBE_USER_VALUE);
		got = *(volatile uint32_t *)PA_DATA;
	} else {
		got = pl0 ? run_user(user_read32, TEST_VA) :
			probe_read32(TEST_VA, PROBE_DEFAULT);
	}
	uint32_t want_value = fs ? (write ? DATA_VALUE : PROBE_DEFAULT) :
		(write ? PROBE_USER_VALUE : DATA_VALUE);
	const char *rw = write ? "write" : "read";
	const char *pl = pl0 ? "pl0" : "pl1";
	if (fs) {
		uint32_t want = fs | FSR_DOMAIN(DOM) | (write ? FSR_WNR : 0);
		uint32_t mask = fsr_mask(fs);
		char name[80];
		rt_snprintf(name, sizeof(name), "%s %s %s", what, pl, rw);
		check_exc(name, EXC_DABT, want & mask, mask);
	} else {
		check_eq(rt_exc_count, 0, "%s %s %s: exceptions", what, pl, rw);
	}
	check_eq(got, want_value, "%s %s %s: value", what, pl, rw);
}

/* Table B3-8 (AFE = 0): PL1 and PL0 read/write permission per AP[2:0];
 * AP = 0b100 is reserved and not tested. Bit 0 PL1 read, 1 PL1 write,
 * 2 PL0 read, 3 PL0 write. */
static const uint8_t ap_perm[8] = {
	[0] = 0x0, [1] = 0x3, [2] = 0x7, [3] = 0xF,
	[5] = 0x1, [6] = 0x5, [7] = 0x5,
};

static void access_all(const char *what, int kind, unsigned perm, uint32_t fs_if_denied)
{
	uint32_t perm_fs = kind == SECT ? FS_PERMISSION_SECTION : FS_PERMISSION_PAGE;
	for (int pl0 = 0; pl0 <= 1; pl0++)
		for (int write = 0; write <= 1; write++) {
			unsigned bit = 1u << (pl0 * 2 + write);
			uint32_t fs = perm & bit ? 0 : (fs_if_denied ? fs_if_denied : perm_fs);
			access(what, pl0, write, fs);
		}
}

static void test_ap_afe0(void)
{
	static char what[40];
	rt_section("AP[2:0], SCTLR.AFE = 0, Client domain");
	set_dacr(DACR_CLIENT);
	for (int kind = SECT; kind <= LARGE; kind++)
		for (unsigned ap = 0; ap < 8; ap++) {
			if (ap == 4)
				continue;
			map(kind, ap, DOM, 0, 0);
			rt_snprintf(what, sizeof(what), "%s ap=%u%u%u",
				    kind_names[kind], ap >> 2, (ap >> 1) & 1, ap & 1);
			access_all(what, kind, ap_perm[ap], 0);
		}
}

/* Table B3-9 (AFE = 1): AP[2:1] gives the permissions, AP[0] is the
 * Access flag; AF = 0 gives an Access flag fault for any access, before
 * any permission check (B3.7.3, B3.15). */
static void test_ap_afe1(void)
{
	static const char *const names[8] = {
		"afe ap21=00 af=0", "afe ap21=00 af=1", "afe ap21=01 af=0",
		"afe ap21=01 af=1", "afe ap21=10 af=0", "afe ap21=10 af=1",
		"afe ap21=11 af=0", "afe ap21=11 af=1",
	};
	static char what[48];
	rt_section("AP[2:1] and Access flag, SCTLR.AFE = 1, Client domain");
	set_sctlr_bits(SCTLR_AFE, 0);
	for (int kind = SECT; kind <= PAGE; kind++)
		for (unsigned ap = 0; ap < 8; ap++) {
			map(kind, ap, DOM, 0, 0);
			rt_snprintf(what, sizeof(what), "%s %s", kind_names[kind],
				    names[ap]);
			uint32_t af_fs = kind == SECT ? FS_ACCESS_FLAG_SECTION :
				FS_ACCESS_FLAG_PAGE;
			if (ap & 1)
				access_all(what, kind, ap_perm[ap], 0);
			else
				access_all(what, kind, 0, af_fs);
		}
	set_sctlr_bits(0, SCTLR_AFE);
}

static void test_domains(void)
{
	rt_section("domains");
	for (int kind = SECT; kind <= PAGE; kind++) {
		uint32_t dom_fs = kind == SECT ? FS_DOMAIN_SECTION : FS_DOMAIN_PAGE;
		map(kind, AP_FULL, DOM, 0, 0);
		set_dacr(DACR_NOACCESS);
		access_all(kind == SECT ? "no-access section" : "no-access page",
			   kind, 0, dom_fs);
		/* Manager: no permission checks (B3.7.4), even with AP = 000
		 * or read-only. */
		set_dacr(DACR_MANAGER);
		map(kind, AP_NONE, DOM, 0, 0);
		access_all(kind == SECT ? "manager section ap=000" : "manager page ap=000",
			   kind, 0xF, 0);
		map(kind, AP_RO, DOM, 0, 0);
		access_all(kind == SECT ? "manager section ap=111" : "manager page ap=111",
			   kind, 0xF, 0);
		/* Client again: AP = 111 is read-only everywhere. */
		set_dacr(DACR_CLIENT);
		access_all(kind == SECT ? "client section ap=111" : "client page ap=111",
			   kind, ap_perm[AP_RO], 0);
	}
}

/* A DACR write needs only an ISB to take effect (B3.10.2 lists no TLB
 * maintenance for it): Linux flips domains on every user access. */
static void test_dacr_switch(void)
{
	rt_section("DACR changes without TLB maintenance");
	map(SECT, AP_FULL, DOM, 0, 0);
	for (int round = 0; round < 3; round++) {
		set_dacr(DACR_CLIENT);
		access("client", 0, 0, 0);
		set_dacr(DACR_NOACCESS);
		access("no-access", 0, 0, FS_DOMAIN_SECTION);
		access("no-access", 1, 1, FS_DOMAIN_SECTION);
		set_dacr(DACR_MANAGER);
		map(SECT, AP_RO, DOM, 0, 0);
		access("manager over read-only", 0, 1, 0);
		set_dacr(DACR_CLIENT);
		access("client over read-only", 0, 1, FS_PERMISSION_SECTION);
		map(SECT, AP_FULL, DOM, 0, 0);
	}
}

static void put_code(void)
{
	volatile uint32_t *code = (volatile uint32_t *)PA_DATA;
	code[0] = INSN_MOV_R0;
	code[1] = INSN_BX_LR;
	dsb();
	write_iciallu(0);
	write_bpiall(0);
	dsb();
	isb();
}

/* One call to TEST_VA; fs = 0 means it must run. */
static void exec(const char *what, int pl0, uint32_t fs)
{
	put_code();
	exc_clear();
	uint32_t r = pl0 ? run_user(user_exec, TEST_VA) : probe_exec(TEST_VA);
	const char *pl = pl0 ? "pl0" : "pl1";
	if (!fs) {
		check_eq(r, EXEC_RESULT, "%s exec %s: ran", what, pl);
		check_eq(rt_exc_count, 0, "%s exec %s: exceptions", what, pl);
		return;
	}
	check_eq(r, PROBE_EXEC_FAULT, "%s exec %s: prevented", what, pl);
	check_eq(rt_exc_count == 1 && rt_exc.kind == EXC_PABT, 1,
		 "%s exec %s: one prefetch abort", what, pl);
	check_eq(rt_exc.fsr & FSR_FS_MASK, fs, "%s exec %s: IFSR", what, pl);
	check_eq(rt_exc.far, TEST_VA, "%s exec %s: IFAR", what, pl);
}

static void test_xn(void)
{
	rt_section("execute permission: XN, PXN, AP");
	set_dacr(DACR_CLIENT);
	map(SECT, AP_FULL, DOM, 0, 0);
	exec("section", 0, 0);
	exec("section", 1, 0);
	map(SECT, AP_FULL, DOM, L1_XN, 0);
	exec("section xn", 0, FS_PERMISSION_SECTION);
	exec("section xn", 1, FS_PERMISSION_SECTION);
	map(PAGE, AP_FULL, DOM, 0, 0);
	exec("page", 0, 0);
	exec("page", 1, 0);
	map(PAGE, AP_FULL, DOM, L2_SMALL_XN, 0);
	exec("page xn", 0, FS_PERMISSION_PAGE);
	exec("page xn", 1, FS_PERMISSION_PAGE);
	map(LARGE, AP_FULL, DOM, 0, 0);
	exec("large page", 0, 0);
	map(LARGE, AP_FULL, DOM, L2_LARGE_XN, 0);
	exec("large page xn", 0, FS_PERMISSION_PAGE);
	exec("large page xn", 1, FS_PERMISSION_PAGE);
	/* A fetch needs read permission (B3.7.2). */
	map(SECT, AP_PL1_RW, DOM, 0, 0);
	exec("section ap=001", 0, 0);
	exec("section ap=001", 1, FS_PERMISSION_SECTION);
	map(PAGE, AP_NONE, DOM, 0, 0);
	exec("page ap=000", 0, FS_PERMISSION_PAGE);
	map(SECT, AP_RO, DOM, 0, 0);
	exec("section ap=111", 0, 0);
	exec("section ap=111", 1, 0);
	/* Manager domains check no XN in this format (B3.7.2). */
	set_dacr(DACR_MANAGER);
	map(SECT, AP_FULL, DOM, L1_XN, 0);
	exec("manager section xn", 0, 0);
	set_dacr(DACR_NOACCESS);
	map(SECT, AP_FULL, DOM, 0, 0);
	exec("no-access section", 0, FS_DOMAIN_SECTION);
	exec("no-access section", 1, FS_DOMAIN_SECTION);
	set_dacr(DACR_CLIENT);
	if ((read_id_mmfr0() & ID_MMFR0_VMSA_MASK) < VMSA_PXN) {
		rt_printf("  pxn: not implemented (ID_MMFR0.VMSA < 4)\n");
		return;
	}
	/* PXN forbids PL1 fetches only (B3.7.2). */
	map(SECT, AP_FULL, DOM, L1_SECTION_PXN, 0);
	exec("section pxn", 0, FS_PERMISSION_SECTION);
	exec("section pxn", 1, 0);
	map(PAGE, AP_FULL, DOM, 0, L1_TABLE_PXN);
	exec("page table pxn", 0, FS_PERMISSION_PAGE);
	exec("page table pxn", 1, 0);
	access("page table pxn: data", 0, 1, 0);
}

/* The fault an access or fetch gave, as FSR & mask, or 0 for none. */
static uint32_t fault_of(uint32_t mask)
{
	return rt_exc_count ? rt_exc.fsr & mask : 0;
}

static void test_deviations(void)
{
	rt_section("cases QEMU 7.2 gets wrong");
	/* Level 2 descriptor invalid under a No-access domain: the walk
	 * reads it first, so a Translation fault (B3.15). */
	set_dacr(DACR_NOACCESS);
	mmu_map_table(l1, TEST_VA, l2, L1_DOMAIN(DOM));
	l2[0] = L2_FAULT;
	tlb_flush_all();
	exc_clear();
	probe_read32(TEST_VA, 0);
	check_dev(fault_of(FSR_FS_MASK | FSR_DOMAIN_MASK),
		  FS_TRANSLATION_PAGE | FSR_DOMAIN(DOM),
		  FS_DOMAIN_PAGE | FSR_DOMAIN(DOM),
		  "no-access domain, invalid level 2: DFSR");
	/* AFE = 1, AF = 0: the Access flag fault comes before the domain
	 * check, so it happens in Manager and No-access domains too, and
	 * before XN on a fetch. */
	set_sctlr_bits(SCTLR_AFE, 0);
	map(PAGE, AP_FULL & ~1u, DOM, 0, 0);
	set_dacr(DACR_MANAGER);
	exc_clear();
	probe_read32(TEST_VA, 0);
	check_dev(fault_of(FSR_FS_MASK | FSR_DOMAIN_MASK),
		  FS_ACCESS_FLAG_PAGE | FSR_DOMAIN(DOM), 0,
		  "afe, af=0, manager domain: DFSR");
	set_dacr(DACR_NOACCESS);
	exc_clear();
	probe_read32(TEST_VA, 0);
	check_dev(fault_of(FSR_FS_MASK | FSR_DOMAIN_MASK),
		  FS_ACCESS_FLAG_PAGE | FSR_DOMAIN(DOM),
		  FS_DOMAIN_PAGE | FSR_DOMAIN(DOM),
		  "afe, af=0, no-access domain: DFSR");
	set_dacr(DACR_CLIENT);
	map(PAGE, AP_FULL & ~1u, DOM, L2_SMALL_XN, 0);
	put_code();
	exc_clear();
	probe_exec(TEST_VA);
	check_dev(fault_of(FSR_FS_MASK), FS_ACCESS_FLAG_PAGE, FS_PERMISSION_PAGE,
		  "afe, af=0, xn page, fetch: IFSR");
	set_sctlr_bits(0, SCTLR_AFE);
}

void test_main(void)
{
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT) | DACR(DOM, DACR_CLIENT));
	test_ap_afe0();
	test_ap_afe1();
	test_domains();
	test_dacr_switch();
	test_xn();
	test_deviations();
	mmu_disable();
}
