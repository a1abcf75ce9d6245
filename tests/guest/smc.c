/* Self-modifying code (ARM DDI 0406C B2.2.9, A3.5.4): instructions
 * written with STR, STRB and STM, made visible to instruction fetch with
 * the cache and branch-predictor maintenance and ISB the manual asks for,
 * then executed: in a buffer called as a function, in the routine doing
 * the writing, inside a loop body, through an alias of the same physical
 * page, with the MMU off and on, and from PL0 (where the maintenance is
 * done by an SVC, as Linux's cacheflush system call does). */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "smc";

/* A32 encodings (A8.8.102 MOV immediate, A8.8.27 BX). */
#define INSN_MOV_R0 0xE3A00000u
#define INSN_BX_LR 0xE12FFF1Eu
#define IMM8_MASK 0xFFu
#define ROUNDS 64
#define LOOP_N 100
#define SVC_SYNC 0x1Cu
#define PAGE_WORDS (SMALL_PAGE_SIZE / 4)

uint32_t smc_next(uint32_t insn);
uint32_t smc_byte(uint32_t imm);
uint32_t smc_loop(uint32_t n);
uint32_t smc_stm(uint32_t imm);

static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t buf[PAGE_WORDS] __attribute__((aligned(SMALL_PAGE_SIZE)));

typedef uint32_t code_fn(void);

static void sync_icache_mva(uint32_t va)
{
	write_dccmvau(va);
	dsb();
	write_icimvau(va);
	write_bpiall(0);
	dsb();
	isb();
}

static void sync_icache_all(void)
{
	dsb();
	write_iciallu(0);
	write_bpiall(0);
	dsb();
	isb();
}

/* Writes MOV r0, #imm; BX lr at code (as seen at address va). */
static void put(volatile uint32_t *code, uint32_t imm)
{
	code[0] = INSN_MOV_R0 | (imm & IMM8_MASK);
	code[1] = INSN_BX_LR;
}

static void test_rewrite(const char *what, int by_mva)
{
	uint32_t good = 0, first = 0, last = 0;
	for (uint32_t i = 0; i < ROUNDS; i++) {
		uint32_t imm = (i * 37u + 5u) & IMM8_MASK;
		put(buf, imm);
		if (by_mva)
			sync_icache_mva((uint32_t)buf);
		else
			sync_icache_all();
		uint32_t r = ((code_fn *)buf)();
		good += r == imm;
		if (i == 0)
			first = r;
		last = r;
	}
	check_eq(good, ROUNDS, "%s: rewrites executed", what);
	check_eq(first, 5, "%s: first result", what);
	check_eq(last, ((ROUNDS - 1) * 37u + 5u) & IMM8_MASK, "%s: last result", what);
}

static void test_in_place(void)
{
	uint32_t good = 0;
	for (uint32_t i = 1; i <= 16; i++)
		good += smc_next(INSN_MOV_R0 | (i * 11u)) == i * 11u;
	check_eq(good, 16, "STR over the next instruction: rewrites executed");
	good = 0;
	for (uint32_t i = 1; i <= 16; i++)
		good += smc_byte(i * 13u) == i * 13u;
	check_eq(good, 16, "STRB of an immediate byte: rewrites executed");
	check_eq(smc_loop(LOOP_N), LOOP_N * (LOOP_N + 1) / 2,
		 "loop rewriting its own body: sum");
	check_eq(smc_stm(41), 42, "STM of two instructions ahead: result");
	check_eq(smc_stm(99), 100, "STM again: result");
}

/* Data written next to code, without maintenance, leaves the code as
 * it was. */
static void test_data_beside_code(void)
{
	put(buf, 77);
	sync_icache_all();
	uint32_t good = 0;
	for (uint32_t i = 0; i < 16; i++) {
		buf[PAGE_WORDS / 2 + i] = i;
		good += ((code_fn *)buf)() == 77;
	}
	check_eq(good, 16, "data stores in the code page: code unchanged");
}

/* Write through one virtual address, execute through another. */
static void test_alias(void)
{
	uint32_t alias = TEST_VA + ((uint32_t)buf - RAM_BASE);
	mmu_map_section(l1, TEST_VA, RAM_BASE, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_sync();
	tlb_flush_all();
	uint32_t good = 0;
	for (uint32_t i = 0; i < 16; i++) {
		put((volatile uint32_t *)alias, i + 100);
		sync_icache_all();
		good += ((code_fn *)buf)() == i + 100;
	}
	check_eq(good, 16, "write through alias, run at the original: executed");
	good = 0;
	for (uint32_t i = 0; i < 16; i++) {
		put(buf, i + 150);
		sync_icache_all();
		good += ((code_fn *)alias)() == i + 150;
	}
	check_eq(good, 16, "write at the original, run through alias: executed");
	good = 0;
	for (uint32_t i = 0; i < 16; i++) {
		put((volatile uint32_t *)alias, i + 200);
		sync_icache_all();
		good += ((code_fn *)alias)() == i + 200;
		good += ((code_fn *)buf)() == i + 200;
	}
	check_eq(good, 32, "alternating runs through both addresses: executed");
}

static int svc_sync(uint32_t kind, struct exc_frame *f)
{
	(void)f;
	if (kind == EXC_SVC && rt_exc.imm == SVC_SYNC)
		sync_icache_all();
	return 0;
}

static uint32_t user_patch(uint32_t imm)
{
	put(buf, imm);
	__asm__ volatile("svc %0" :: "i"(SVC_SYNC) : "memory");
	return ((code_fn *)buf)();
}

static void test_pl0(void)
{
	rt_hook = svc_sync;
	uint32_t good = 0;
	for (uint32_t i = 0; i < 16; i++)
		good += run_user(user_patch, i + 30) == i + 30;
	rt_hook = 0;
	check_eq(good, 16, "PL0 writes code, SVC maintains, PL0 runs it: executed");
}

void test_main(void)
{
	rt_section("MMU off");
	test_rewrite("rewrite, ICIMVAU", 1);
	test_rewrite("rewrite, ICIALLU", 0);
	test_in_place();
	test_data_beside_code();
	rt_section("MMU on");
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT));
	test_rewrite("rewrite, ICIMVAU", 1);
	test_rewrite("rewrite, ICIALLU", 0);
	test_in_place();
	test_data_beside_code();
	test_alias();
	test_pl0();
	mmu_disable();
}
