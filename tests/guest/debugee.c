/* The program gdb debugs in tests/system/gdb_test.py, on armvisor and on
 * qemu-system-arm with the same gdb script. Run alone (tests/guest/run.py)
 * it checks its own results like any guest test. Under gdb the script
 * sets breakpoints in its functions, single-steps dbg_branch and dbg_svc,
 * watches `watched` (written) and `read_target` (read), breaks into the
 * spin loop with Ctrl-C when it has set dbg_attached, reads a window
 * the program maps with the MMU at DBG_VA, and holds the program at
 * dbg_tick for seconds to see that guest time stands still meanwhile. */
#include "mmu.h"
#include "rt.h"

const char rt_test_name[] = "debugee";

#define DBG_VA (TEST_VA + 0x00300000u)   /* a section mapped to dbg_pa */
#define DBG_PA 0x41300000u
#define DBG_MAGIC 0xfeedf00du
#define FIB_N 6
#define FIB_6 8u
#define WATCHED_FINAL 7u
#define SVC_DBG 0x55u

uint32_t dbg_branch(void);
void dbg_svc(void);

/* Written by gdb: dbg_attached makes the program spin in dbg_spin() until
 * gdb, after breaking in, sets dbg_release. */
volatile uint32_t dbg_attached;
volatile uint32_t dbg_release;
volatile uint32_t watched;
volatile uint32_t read_target = 0x1234u;
volatile uint32_t spins;
/* Generic timer ticks across the call of dbg_tick. */
volatile uint32_t dbg_tick_ticks;
static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));

/* The innermost frame of a known call chain, for `bt`. */
__attribute__((noinline)) uint32_t dbg_leaf(uint32_t depth)
{
	watched = WATCHED_FINAL;
	return depth + read_target;
}

__attribute__((noinline)) uint32_t fib(uint32_t n)
{
	if (n < 2) {
		if (n == 1 && watched == 0)
			dbg_leaf(FIB_N);
		return n;
	}
	return fib(n - 1) + fib(n - 2);
}

/* CNTVCT (ARM DDI 0406C B4.1.34): MRRC p15, 1, <lo>, <hi>, c14. */
static uint64_t read_cntvct(void)
{
	uint32_t lo, hi;
	__asm__ volatile("isb; mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Where gdb holds the program (dbg_tick) and reads the result (dbg_tock). */
__attribute__((noinline)) void dbg_tick(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void dbg_tock(void)
{
	__asm__ volatile("" ::: "memory");
}

static void test_clock(void)
{
	uint64_t t0 = read_cntvct();
	dbg_tick();
	dbg_tick_ticks = (uint32_t)(read_cntvct() - t0);
	dbg_tock();
	check_true(dbg_tick_ticks > 0, "the counter advances across a call");
}

__attribute__((noinline)) void dbg_spin(void)
{
	while (dbg_attached && !dbg_release)
		spins++;
}

static void test_mmu_window(void)
{
	mmu_base_map(l1);
	mmu_map_section(l1, DBG_VA, DBG_PA, SECT_NORMAL | L1_AP(AP_FULL));
	mmu_enable(l1, DACR(0, DACR_CLIENT));
	*(volatile uint32_t *)DBG_VA = DBG_MAGIC;
	check_eq(*(volatile uint32_t *)DBG_PA, DBG_MAGIC, "write through the window reaches its PA");
}

void test_main(void)
{
	rt_section("calls");
	check_eq(fib(FIB_N), FIB_6, "fib(6)");
	check_eq(watched, WATCHED_FINAL, "dbg_leaf ran once");
	check_eq(dbg_branch(), 41, "dbg_branch skips the mov #2");
	exc_clear();
	dbg_svc();
	check_exc("svc #0x55", EXC_SVC, 0, 0);
	check_eq(rt_exc.imm, SVC_DBG, "svc immediate");
	rt_section("clock");
	test_clock();
	rt_section("mmu");
	test_mmu_window();
	dbg_spin();
	check_true(!dbg_attached || dbg_release, "released from the spin loop");
}
