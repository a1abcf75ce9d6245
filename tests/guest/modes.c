/* Processor modes and banked registers (ARM DDI 0406C B1.3): r8-r14 in
 * every mode (FIQ banks r8-r14, the other exception modes r13-r14, System
 * shares User's), SPSRs, User registers from PL1 with LDM/STM ^, what MSR,
 * CPS and the thread ID registers do at PL0 and PL1. */
#include "rt.h"

const char rt_test_name[] = "modes";

void bank_test(uint32_t out[6][7]);
void spsr_test(const uint32_t in[5], uint32_t out[5]);
void user_regs_store(uint32_t out[2]);
void user_regs_load(const uint32_t in[2]);
uint32_t sys_get(uint32_t which);
uint32_t user_get_sp(uint32_t unused);
uint32_t user_msr_mode(uint32_t unused);
uint32_t user_cps(uint32_t unused);
uint32_t cps_combined(void);
uint32_t msr_flags_only(void);
uint32_t q_sticky(void);

#define APSR_MASK (PSR_NZCV | PSR_Q | PSR_GE_MASK)
#define NMODES 6
#define FIRST_BANKED 8

/* The order bank_test fills and dumps the modes in. */
static const uint32_t modes[NMODES] = {
	MODE_SYS, MODE_FIQ, MODE_IRQ, MODE_SVC, MODE_ABT, MODE_UND,
};
static const char *const mode_names[NMODES] = {
	"sys", "fiq", "irq", "svc", "abt", "und",
};

/* Which mode's copy of register r a mode m sees (B1.3.2, Figure B1-2):
 * FIQ has its own r8-r14; other exception modes their own r13-r14; User
 * and System share one set. bank_test fills the modes in table order, so
 * a shared register holds the value of the last mode filled that uses it. */
static uint32_t owner(uint32_t m, unsigned r)
{
	if (m == MODE_FIQ)
		return MODE_FIQ;
	if (r >= 13)
		return m;
	return MODE_UND;  /* last non-FIQ mode filled */
}

static void test_banks(void)
{
	static uint32_t out[NMODES][7];
	rt_section("banked r8-r14");
	bank_test(out);
	for (unsigned i = 0; i < NMODES; i++)
		for (unsigned r = FIRST_BANKED; r <= 14; r++)
			check_eq(out[i][r - FIRST_BANKED],
				 (owner(modes[i], r) << 8) | r, "%s r%u",
				 mode_names[i], r);
}

static void test_spsrs(void)
{
	static const char *const names[5] = { "fiq", "irq", "svc", "abt", "und" };
	uint32_t in[5], out[5];
	rt_section("banked SPSRs");
	/* Distinct valid PSR values: flags, GE, masks and a mode field. */
	for (unsigned i = 0; i < 5; i++)
		in[i] = ((i + 1) << 28) | ((i + 3) << 16) | PSR_I | modes[i + 1];
	spsr_test(in, out);
	for (unsigned i = 0; i < 5; i++)
		check_eq(out[i], in[i], "SPSR_%s", names[i]);
}

static void test_user_regs(void)
{
	static const uint32_t vals[2] = { 0x40ff0000u, 0x1234abcdu };
	uint32_t saved[2] = { sys_get(0), sys_get(1) };
	uint32_t got[2];
	rt_section("User registers from PL1");
	user_regs_load(vals);
	check_eq(sys_get(0), vals[0], "LDM ^ loaded User r13, seen in System mode");
	check_eq(sys_get(1), vals[1], "LDM ^ loaded User r14, seen in System mode");
	user_regs_store(got);
	check_eq(got[0], vals[0], "STM ^ stores User r13");
	check_eq(got[1], vals[1], "STM ^ stores User r14");
	user_regs_load(saved);
	check_true(run_user(user_get_sp, 0) == saved[0],
		   "User mode sp = System mode sp");
}

static void test_pl0_psr(void)
{
	rt_section("PSR writes at PL0");
	exc_clear();
	uint32_t apsr = run_user(user_msr_mode, 0);
	check_eq(rt_exc.spsr & (MODE_MASK | PSR_I | PSR_F),
		 MODE_USR | PSR_I | PSR_F,
		 "MSR CPSR_fsxc at PL0: mode and masks unchanged");
	check_eq(rt_exc.spsr & APSR_MASK, 0x50030000u,
		 "MSR CPSR_fsxc at PL0: APSR bits written");
	check_eq(apsr & APSR_MASK, 0x50030000u, "MRS APSR at PL0 reads them");
	exc_clear();
	run_user(user_cps, 0);
	check_eq(rt_exc.spsr & (MODE_MASK | PSR_I | PSR_F),
		 MODE_USR | PSR_I | PSR_F, "CPS at PL0 is a NOP");
}

static void test_pl1_psr(void)
{
	uint32_t cpsr = read_cpsr();
	rt_section("PSR writes at PL1");
	check_eq(cps_combined() & (MODE_MASK | PSR_A | PSR_I | PSR_F),
		 MODE_ABT | PSR_A | PSR_I | PSR_F, "CPSID aif, #abt");
	check_eq(read_cpsr(), cpsr, "MSR CPSR_c back: CPSR as before");
	/* CPSR_f is bits 31:24: NZCV = 1111, Q, IT[1:0] and J = 0. */
	check_eq(msr_flags_only(), (cpsr & 0x00FFFFFFu) | PSR_NZCV,
		 "MSR CPSR_f changes only bits 31:24");
	check_eq(q_sticky() & PSR_Q, PSR_Q, "QADD saturation sets Q, which stays");
}

/* Thread ID registers (B4.1.150-B4.1.152): TPIDRURW read/write at PL0,
 * TPIDRURO read-only at PL0, TPIDRPRW PL1 only. */
static uint32_t user_tp(uint32_t which)
{
	uint32_t v = 0;
	switch (which) {
	case 0: __asm__ volatile("mrc p15, 0, %0, c13, c0, 2" : "=r"(v)); break;
	case 1: __asm__ volatile("mcr p15, 0, %0, c13, c0, 2" :: "r"(0x7e57u)); break;
	case 2: __asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(v)); break;
	case 3: __asm__ volatile("mcr p15, 0, %0, c13, c0, 3" :: "r"(v)); break;
	case 4: __asm__ volatile("mrc p15, 0, %0, c13, c0, 4" : "=r"(v)); break;
	}
	return v;
}

static void test_tpidr(void)
{
	rt_section("thread ID registers");
	write_tpidrurw(0x1111u);
	write_tpidruro(0x2222u);
	write_tpidrprw(0x3333u);
	check_eq(read_tpidrurw(), 0x1111u, "TPIDRURW at PL1");
	check_eq(read_tpidruro(), 0x2222u, "TPIDRURO at PL1");
	check_eq(read_tpidrprw(), 0x3333u, "TPIDRPRW at PL1");
	exc_clear();
	check_eq(run_user(user_tp, 0), 0x1111u, "TPIDRURW read at PL0");
	run_user(user_tp, 1);
	check_no_exc("TPIDRURW write at PL0");
	check_eq(read_tpidrurw(), 0x7e57u, "TPIDRURW written at PL0");
	check_eq(run_user(user_tp, 2), 0x2222u, "TPIDRURO read at PL0");
	check_no_exc("TPIDRURO read at PL0");
	run_user(user_tp, 3);
	check_exc("TPIDRURO write at PL0", EXC_UND, 0, 0);
	exc_clear();
	run_user(user_tp, 4);
	check_exc("TPIDRPRW read at PL0", EXC_UND, 0, 0);
	check_eq(read_tpidruro(), 0x2222u, "TPIDRURO unchanged");
}

/* SEV sets the event register and WFE clears it without waiting
 * (B1.8.13, "Wait For Event and Send Event"): with no interrupt source
 * this returns only if WFE honours the event. */
static void test_events(void)
{
	rt_section("events");
	for (int i = 0; i < 3; i++)
		__asm__ volatile("sev\n\twfe" ::: "memory");
	check_true(1, "sev then wfe, three times: returned");
}

void test_main(void)
{
	test_banks();
	test_spsrs();
	test_user_regs();
	test_pl0_psr();
	test_pl1_psr();
	test_tpidr();
	test_events();
}
