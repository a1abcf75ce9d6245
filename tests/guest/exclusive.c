/* Load/store exclusive and the local monitor (ARM DDI 0406C A3.4,
 * A8.8.69-A8.8.73, A8.8.212-A8.8.215): STREX stores only after a
 * matching LDREX; CLREX and any STREX return the monitor to Open Access;
 * all sizes; and across an SVC. Whether exception entry or return clears
 * the monitor is not defined by the architecture (A3.4.5 puts the burden
 * on the operating system, which runs CLREX on a context switch), so an
 * SVC with a handler that leaves the monitor alone is not checked; a
 * handler that runs CLREX, or its own LDREX/STREX pair, must make the
 * interrupted STREX fail. */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "exclusive";

uint32_t ex_pair(volatile uint32_t *p, uint32_t v);
uint32_t ex_open(volatile uint32_t *p, uint32_t v);
uint32_t ex_clrex(volatile uint32_t *p, uint32_t v);
uint32_t ex_twice(volatile uint32_t *p, uint32_t v);
uint32_t ex_other(volatile uint32_t *p, volatile uint32_t *q, uint32_t v);
uint32_t ex_svc_clrex(volatile uint32_t *p, uint32_t v);
uint32_t ex_svc_pair(volatile uint32_t *p, uint32_t v);
uint32_t ex_byte(volatile uint8_t *p, uint32_t v);
uint32_t ex_half(volatile uint16_t *p, uint32_t v);
uint32_t ex_dword(volatile uint64_t *p, uint32_t lo, uint32_t hi, uint32_t old[2]);
uint32_t ex_add(volatile uint32_t *p, uint32_t n);

#define SVC_CLREX 0xC1u
#define SVC_PAIR 0xC2u
#define ADDS 1000u
/* The handler's own pair uses a word far from the interrupted one
 * (outside any reservation granule, at most 2 KiB, A3.4.4). */
#define GRANULE_MAX 2048u

static volatile uint32_t word[2] __attribute__((aligned(8)));
static volatile uint32_t far_word[GRANULE_MAX / 4 + 1];
static volatile uint32_t handler_status;
static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));

static int svc_monitor(uint32_t kind, struct exc_frame *f)
{
	(void)f;
	if (kind != EXC_SVC)
		return 0;
	if (rt_exc.imm == SVC_CLREX) {
		__asm__ volatile("clrex" ::: "memory");
	} else if (rt_exc.imm == SVC_PAIR) {
		uint32_t v, st;
		volatile uint32_t *q = &far_word[GRANULE_MAX / 4];
		__asm__ volatile("ldrex %0, [%2]\n\tstrex %1, %0, [%2]"
				 : "=&r"(v), "=&r"(st) : "r"(q) : "memory");
		handler_status = st;
	}
	return 0;
}

static void basics(const char *how)
{
	word[0] = 1;
	check_eq(ex_pair(word, 2), 0, "%s: ldrex, strex: status", how);
	check_eq(word[0], 2, "%s: ldrex, strex: stored", how);
	check_eq(ex_open(word, 3), 1, "%s: strex without ldrex: status", how);
	check_eq(word[0], 2, "%s: strex without ldrex: not stored", how);
	check_eq(ex_clrex(word, 4), 1, "%s: ldrex, clrex, strex: status", how);
	check_eq(word[0], 2, "%s: ldrex, clrex, strex: not stored", how);
	check_eq(ex_twice(word, 5), 2, "%s: ldrex, strex, strex: statuses 0 then 1", how);
	check_eq(word[0], 5, "%s: ldrex, strex, strex: first stored only", how);
	check_eq(ex_other(word, &far_word[0], 7), 1,
		 "%s: strex elsewhere opens the monitor: status", how);
	check_eq(word[0], 5, "%s: strex elsewhere opens the monitor: not stored", how);
}

static void sizes(void)
{
	static volatile uint8_t bytes[4] = { 0x11, 0x22, 0x33, 0x44 };
	static volatile uint16_t halves[2] = { 0x5566, 0x7788 };
	static volatile uint64_t dword = 0x0123456789ABCDEFull;
	uint32_t old[2];
	check_eq(ex_byte(&bytes[1], 0xA5), 0x22, "ldrexb/strexb: loaded, status 0");
	check_eq(bytes[1], 0xA5, "strexb: stored");
	check_eq(bytes[2], 0x33, "strexb: neighbour untouched");
	check_eq(ex_half(&halves[1], 0xBEEF), 0x7788, "ldrexh/strexh: loaded, status 0");
	check_eq(halves[1], 0xBEEF, "strexh: stored");
	check_eq(ex_dword(&dword, 0x11112222u, 0x33334444u, old), 0, "strexd: status");
	check_eq(old[0], 0x89ABCDEFu, "ldrexd: low word");
	check_eq(old[1], 0x01234567u, "ldrexd: high word");
	check_eq((uint32_t)dword, 0x11112222u, "strexd: low word stored");
	check_eq((uint32_t)(dword >> 32), 0x33334444u, "strexd: high word stored");
}

static void across_svc(const char *how)
{
	word[0] = 10;
	check_eq(ex_svc_clrex(word, 11), 1, "%s: svc handler runs clrex: status", how);
	check_eq(word[0], 10, "%s: svc handler runs clrex: not stored", how);
	handler_status = 9;
	check_eq(ex_svc_pair(word, 12), 1, "%s: svc handler's own pair: status", how);
	check_eq(handler_status, 0, "%s: svc handler's own pair: its strex", how);
	check_eq(word[0], 10, "%s: svc handler's own pair: not stored", how);
	check_eq(ex_pair(word, 13), 0, "%s: a fresh pair after the svc: status", how);
}

static uint32_t user_basics(uint32_t unused)
{
	(void)unused;
	uint32_t bad = 0;
	word[0] = 1;
	bad += ex_pair(word, 2) != 0 || word[0] != 2;
	bad += ex_open(word, 3) != 1 || word[0] != 2;
	bad += ex_clrex(word, 4) != 1 || word[0] != 2;
	bad += ex_svc_clrex(word, 5) != 1 || word[0] != 2;
	bad += ex_svc_pair(word, 6) != 1 || word[0] != 2;
	return bad;
}

static void counting(const char *how)
{
	word[1] = 0;
	ex_add(&word[1], ADDS);
	check_eq(word[1], ADDS, "%s: %u atomic increments", how, ADDS);
}

void test_main(void)
{
	/* With the MMU off all memory is Strongly-ordered, and A3.4.5
	 * restricts what exclusives promise outside Normal memory: run on
	 * Normal memory, as an operating system does. */
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT));
	rt_hook = svc_monitor;
	basics("pl1");
	sizes();
	across_svc("pl1");
	counting("pl1");
	check_eq(run_user(user_basics, 0), 0, "pl0: pairs, clrex and svc cases that failed");
	mmu_disable();
	rt_hook = 0;
}
