/* Unaligned data accesses (ARM DDI 0406C A3.2.1, Table A3-1; B3.12.3).
 * With SCTLR.A = 0, LDR, STR, LDRH, STRH and LDRSH at any address work,
 * composed little-endian, also across a page boundary between unrelated
 * frames; LDRD, STRD, LDM and STM still need word alignment, LDREX and
 * STREX word, LDREXH halfword and LDREXD doubleword alignment, and give
 * an Alignment fault (DFSR FS = 0b00001, DFAR = the address) otherwise.
 * With SCTLR.A = 1 every access must be aligned to its size (LDRD, LDM:
 * to a word). The memory is Normal (MMU on): unaligned accesses to
 * Strongly-ordered memory, which is what the MMU-off view is, are not
 * allowed. */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "unaligned";

uint32_t ua_ldr(uint32_t a);
uint32_t ua_ldrh(uint32_t a);
uint32_t ua_ldrsh(uint32_t a);
uint32_t ua_ldrb(uint32_t a);
uint32_t ua_ldrex(uint32_t a);
uint32_t ua_ldrexh(uint32_t a);
void ua_str(uint32_t a, uint32_t v);
void ua_strh(uint32_t a, uint32_t v);
void ua_ldrd(uint32_t a, uint32_t out[2]);
void ua_ldrexd(uint32_t a, uint32_t out[2]);
void ua_ldm(uint32_t a, uint32_t out[2]);
void ua_strd(uint32_t a, uint32_t lo, uint32_t hi);
void ua_stm(uint32_t a, uint32_t x, uint32_t y);

#define PA_LO 0x41000000u           /* frame of the first page */
#define PA_HI 0x41234000u           /* frame of the second page */
#define CODE_OFFSET 0x100u          /* where page_cross() puts code in it */
#define INSN_MOV_R0_7 0xE3A00007u   /* mov r0, #7 (A8.8.102) */
#define INSN_BX_LR 0xE12FFF1Eu      /* bx lr (A8.8.27) */
#define BUF_SIZE 64u
#define NOFAULT 0u
#define ALIGN_FAULT FS_ALIGNMENT
#define MASK (FSR_FS_MASK | FSR_WNR)

static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l2[L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));
static uint8_t buf[BUF_SIZE] __attribute__((aligned(BUF_SIZE)));

static void fill(void)
{
	for (uint32_t i = 0; i < BUF_SIZE; i++)
		buf[i] = (uint8_t)(i < 32 ? 0x10 + i : 0x80 + i);
}

/* The little-endian value of n bytes at p (A3.3). */
static uint32_t le(const volatile uint8_t *p, unsigned n)
{
	uint32_t v = 0;
	for (unsigned i = n; i-- > 0;)
		v = (v << 8) | p[i];
	return v;
}

static uint32_t fault(void)
{
	return rt_exc_count ? rt_exc.fsr & MASK : NOFAULT;
}

/* Checks what the last access did: fs (or NOFAULT), DFAR = addr. */
static void expect(const char *what, uint32_t fs, uint32_t addr)
{
	check_eq(fault(), fs, "%s: fault status", what);
	if (fs != NOFAULT)
		check_eq(rt_exc.far - (uint32_t)buf, addr - (uint32_t)buf,
			 "%s: DFAR - buffer", what);
}

static void loads_a0(void)
{
	uint32_t b = (uint32_t)buf;
	for (uint32_t off = 1; off < 4; off++) {
		fill();
		exc_clear();
		check_eq(ua_ldr(b + off), le(buf + off, 4), "ldr +%u", off);
		exc_clear();
		check_eq(ua_ldrh(b + off), le(buf + off, 2), "ldrh +%u", off);
		exc_clear();
		check_eq(ua_ldrsh(b + 36 + off),
			 (uint32_t)(int32_t)(int16_t)le(buf + 36 + off, 2),
			 "ldrsh +%u", 36 + off);
		check_eq(fault(), NOFAULT, "loads +%u: fault status", off);
	}
}

static void stores_a0(void)
{
	uint32_t b = (uint32_t)buf;
	fill();
	exc_clear();
	ua_str(b + 5, 0xA1B2C3D4u);
	check_eq(le(buf + 4, 4), 0xB2C3D414u, "str +5: word at +4");
	check_eq(le(buf + 8, 4), 0x1B1A19A1u, "str +5: word at +8");
	ua_strh(b + 11, 0xE5F6u);
	check_eq(le(buf + 8, 4), 0xF61A19A1u, "strh +11: word at +8");
	check_eq(le(buf + 12, 4), 0x1F1E1DE5u, "strh +11: word at +12");
	check_eq(fault(), NOFAULT, "stores: fault status");
}

static void multi_a0(void)
{
	uint32_t b = (uint32_t)buf;
	uint32_t out[2];
	fill();
	exc_clear();
	ua_ldrd(b + 4, out);
	check_eq(out[0], le(buf + 4, 4), "ldrd +4 (word aligned): low word");
	check_eq(out[1], le(buf + 8, 4), "ldrd +4 (word aligned): high word");
	expect("ldrd +4", NOFAULT, 0);
	exc_clear();
	ua_ldrd(b + 2, out);
	check_eq(out[0], PROBE_DEFAULT, "ldrd +2: not loaded");
	expect("ldrd +2", ALIGN_FAULT, b + 2);
	exc_clear();
	ua_strd(b + 1, 1, 2);
	expect("strd +1", ALIGN_FAULT | FSR_WNR, b + 1);
	check_eq(le(buf, 4), 0x13121110u, "strd +1: memory unchanged");
	exc_clear();
	ua_ldm(b + 2, out);
	expect("ldm +2", ALIGN_FAULT, b + 2);
	exc_clear();
	ua_stm(b + 3, 1, 2);
	expect("stm +3", ALIGN_FAULT | FSR_WNR, b + 3);
	check_eq(le(buf + 4, 4), 0x17161514u, "stm +3: memory unchanged");
	exc_clear();
	check_eq(ua_ldrex(b + 2), PROBE_DEFAULT, "ldrex +2: not loaded");
	expect("ldrex +2", ALIGN_FAULT, b + 2);
	exc_clear();
	ua_ldrexh(b + 1);
	expect("ldrexh +1", ALIGN_FAULT, b + 1);
	exc_clear();
	check_eq(ua_ldrexh(b + 2), le(buf + 2, 2), "ldrexh +2");
	expect("ldrexh +2", NOFAULT, 0);
	exc_clear();
	ua_ldrexd(b + 4, out);
	expect("ldrexd +4 (not doubleword aligned)", ALIGN_FAULT, b + 4);
	exc_clear();
	ua_ldrexd(b + 8, out);
	check_eq(out[1], le(buf + 12, 4), "ldrexd +8: high word");
	expect("ldrexd +8", NOFAULT, 0);
	/* STREX at an unaligned address is not checked: whether its
	 * abort is detected before the local monitor check is IMPLEMENTATION
	 * DEFINED (ExclusiveMonitorsPass(), A3.4), and QEMU checks the
	 * monitor first. */
}

/* An unaligned word across a page boundary, the two pages in unrelated
 * frames. */
/* Makes instructions just written visible to fetch (B2.2.9). */
static void sync_icache(void)
{
	dsb();
	write_iciallu(0);
	write_bpiall(0);
	dsb();
	isb();
}

static void page_cross(void)
{
	volatile uint8_t *lo = (volatile uint8_t *)(PA_LO + SMALL_PAGE_SIZE - 4);
	volatile uint8_t *hi = (volatile uint8_t *)PA_HI;
	uint32_t va = TEST_VA + SMALL_PAGE_SIZE - 2;
	for (unsigned i = 0; i < 4; i++) {
		lo[i] = (uint8_t)(0xC0 + i);
		hi[i] = (uint8_t)(0xD0 + i);
	}
	mmu_map_table(l1, TEST_VA, l2, L1_DOMAIN(0));
	mmu_map_small(l2, TEST_VA, PA_LO, SMALL_NORMAL | L2_AP(AP_FULL));
	mmu_map_small(l2, TEST_VA + SMALL_PAGE_SIZE, PA_HI, SMALL_NORMAL | L2_AP(AP_FULL));
	mmu_sync();
	tlb_flush_all();
	exc_clear();
	check_eq(ua_ldr(va), 0xD1D0C3C2u, "ldr across pages");
	check_eq(ua_ldrh(va + 1), 0xD0C3u, "ldrh across pages");
	ua_str(va - 1, 0x44332211u);
	check_eq(le(lo, 4), 0x332211C0u, "str across pages: first frame");
	check_eq(le(hi, 4), 0xD3D2D144u, "str across pages: second frame");
	check_eq(fault(), NOFAULT, "across pages: fault status");
	/* Again with translated code in the second frame: the store is
	 * completed apart from translated code then (the frame is
	 * write-protected for the translator's sake), still byte by byte
	 * through each page's own translation. */
	static const uint32_t ret7[] = { INSN_MOV_R0_7, INSN_BX_LR };
	volatile uint32_t *code = (volatile uint32_t *)(PA_HI + CODE_OFFSET);
	code[0] = ret7[0];
	code[1] = ret7[1];
	sync_icache();
	uint32_t (*fn)(void) = (uint32_t (*)(void))(TEST_VA + SMALL_PAGE_SIZE + CODE_OFFSET);
	check_eq(fn(), 7, "code in the second frame runs");
	ua_str(va - 1, 0x88776655u);
	check_eq(le(lo, 4), 0x776655C0u, "str across pages into a code page: first frame");
	check_eq(le(hi, 4), 0xD3D2D188u, "str across pages into a code page: second frame");
	check_eq(fn(), 7, "the code beside it still runs");
	/* Into a page with no translation: a Translation fault. */
	exc_clear();
	check_eq(ua_ldr(va + SMALL_PAGE_SIZE), PROBE_DEFAULT, "ldr into an unmapped page: not loaded");
	check_eq(fault(), FS_TRANSLATION_PAGE, "ldr into an unmapped page: fault status");
}

static uint32_t user_ldr(uint32_t a)
{
	return ua_ldr(a);
}

static void strict(void)
{
	uint32_t b = (uint32_t)buf;
	uint32_t out[2];
	set_sctlr_bits(SCTLR_A, 0);
	fill();
	for (uint32_t off = 1; off < 4; off++) {
		exc_clear();
		check_eq(ua_ldr(b + off), PROBE_DEFAULT, "A=1 ldr +%u: not loaded", off);
		expect("A=1 ldr", ALIGN_FAULT, b + off);
	}
	exc_clear();
	check_eq(ua_ldr(b + 4), le(buf + 4, 4), "A=1 ldr +4");
	expect("A=1 ldr +4", NOFAULT, 0);
	exc_clear();
	ua_ldrh(b + 3);
	expect("A=1 ldrh +3", ALIGN_FAULT, b + 3);
	exc_clear();
	check_eq(ua_ldrh(b + 2), le(buf + 2, 2), "A=1 ldrh +2");
	check_eq(ua_ldrb(b + 3), buf[3], "A=1 ldrb +3");
	expect("A=1 ldrh +2, ldrb +3", NOFAULT, 0);
	exc_clear();
	ua_str(b + 2, 0);
	expect("A=1 str +2", ALIGN_FAULT | FSR_WNR, b + 2);
	exc_clear();
	ua_strh(b + 1, 0);
	expect("A=1 strh +1", ALIGN_FAULT | FSR_WNR, b + 1);
	check_eq(le(buf, 4), 0x13121110u, "A=1 stores: memory unchanged");
	exc_clear();
	ua_ldrd(b + 4, out);
	check_eq(out[0], le(buf + 4, 4), "A=1 ldrd +4 (word aligned)");
	ua_ldm(b + 12, out);
	check_eq(out[1], le(buf + 16, 4), "A=1 ldm +12");
	expect("A=1 ldrd +4, ldm +12", NOFAULT, 0);
	/* Alignment faults come before translation faults (B3.12.3). */
	exc_clear();
	ua_ldr(TEST_VA + 0x00100001u);
	check_eq(fault(), ALIGN_FAULT, "A=1 ldr +1 at an unmapped address: fault status");
	exc_clear();
	check_eq(run_user(user_ldr, b + 1), PROBE_DEFAULT, "A=1 ldr +1 at PL0: not loaded");
	expect("A=1 ldr +1 at PL0", ALIGN_FAULT, b + 1);
	set_sctlr_bits(0, SCTLR_A);
	exc_clear();
	check_eq(run_user(user_ldr, b + 1), le(buf + 1, 4), "A=0 ldr +1 at PL0");
	expect("A=0 ldr +1 at PL0", NOFAULT, 0);
}

void test_main(void)
{
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT));
	rt_section("SCTLR.A = 0");
	loads_a0();
	stores_a0();
	multi_a0();
	page_cross();
	rt_section("SCTLR.A = 1");
	strict();
	mmu_disable();
}
