/* Exception entry and return (ARM DDI 0406C B1.8, B1.9): for UNDEF, SVC,
 * Prefetch Abort and Data Abort taken from SVC and User mode, the mode,
 * mask bits, SPSR and LR on entry, FSR/FAR for aborts, and the state after
 * returning with MOVS pc, lr; SUBS pc, lr; LDM ^; RFE after SRS. IRQ and
 * FIQ need the GIC, which armvisor's test board does not model yet; they
 * are left to a later program. */
#include "rt.h"
#include "mmu.h"

/* Must match TEST_FLAGS in exceptions.S: N, C, Q and GE = 0b0101. */
#define TEST_FLAGS 0xA8050000u
#define APSR_MASK (PSR_NZCV | PSR_Q | PSR_GE_MASK)
/* B1.8.3 (Table B1-7): LR on entry is the faulting or calling
 * instruction + 4, except for a Data Abort: + 8. */
#define LR_OFFSET 4u
#define LR_OFFSET_DABT 8u
/* An address with no translation in the base map (first-level fault). */
#define UNMAPPED_VA 0xC0000000u

typedef void trig_fn(uint32_t *state, uint32_t va);
extern trig_fn trig_und, trig_vfp, trig_cp7, trig_svc, trig_svc_cond,
	trig_bkpt, trig_ldr, trig_str, trig_sctlr;
extern const uint32_t insn_und[], insn_vfp[], insn_cp7[], insn_svc[],
	insn_svc_cond[], insn_bkpt[], insn_ldr[], insn_str[], insn_sctlr[];
extern const uint32_t alt_vectors[];
void in_mode(uint32_t mode, trig_fn *fn, uint32_t *state);
typedef uint32_t wb_fn(uint32_t base);
extern wb_fn wb_ldr_post, wb_ldr_pre, wb_str_post, wb_ldrb_reg, wb_ldm,
	wb_stmdb, wb_ldrd;
extern volatile uint32_t alt_count[8], alt_srs[2];

const char rt_test_name[] = "exceptions";

static uint32_t l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t state[2];

/* Skips a BKPT: the preferred return of its Prefetch Abort is the BKPT
 * itself (LR - 4), so returning to LR goes on after it. */
static int skip_pabt(uint32_t kind, struct exc_frame *f)
{
	(void)f;
	return kind == EXC_PABT;
}

/* For the User-mode triggers: trig_X(state, va) at PL0. */
static trig_fn *user_trigger;
static uint32_t user_va;
static uint32_t run_trigger(uint32_t unused)
{
	(void)unused;
	user_trigger(state, user_va);
	return 0;
}

/* Entry mode, masks, SPSR and LR of the exception just taken from
 * from_cpsr (B1.8.3, B1.8.4-B1.8.7 for each exception's CPSR update:
 * I is always set; A is set for aborts, IRQ and FIQ and unchanged for
 * UNDEF and SVC; F is unchanged except for FIQ). */
static void check_entry(const char *what, uint32_t kind, uint32_t from_cpsr,
			const uint32_t *insn)
{
	static const uint32_t mode_of[] = {
		[EXC_UND] = MODE_UND, [EXC_SVC] = MODE_SVC,
		[EXC_PABT] = MODE_ABT, [EXC_DABT] = MODE_ABT,
	};
	uint32_t want_a = kind == EXC_PABT || kind == EXC_DABT ?
		PSR_A : from_cpsr & PSR_A;
	uint32_t want = mode_of[kind] | PSR_I | want_a | (from_cpsr & PSR_F);
	uint32_t mask = MODE_MASK | PSR_I | PSR_A | PSR_F | PSR_T;
	uint32_t lr = (uint32_t)insn + (kind == EXC_DABT ? LR_OFFSET_DABT : LR_OFFSET);
	uint32_t spsr_mask = (from_cpsr & MODE_MASK) == MODE_USR ?
		APSR_MASK | MODE_MASK : 0xFFFFFFFFu;

	check_eq(rt_exc.cpsr & mask, want, "%s: CPSR mode/T/masks on entry", what);
	check_eq(rt_exc.spsr & spsr_mask, from_cpsr & spsr_mask,
		 "%s: SPSR = CPSR before", what);
	check_eq(rt_exc.lr - (uint32_t)insn, lr - (uint32_t)insn,
		 "%s: LR - instruction address", what);
}

/* The CPSR the triggers run with, before the exception. */
static uint32_t expected_from(uint32_t mode)
{
	uint32_t cpsr = (read_cpsr() & ~APSR_MASK & ~MODE_MASK) | TEST_FLAGS | mode;
	if (mode == MODE_USR)
		cpsr |= PSR_I | PSR_F;
	return cpsr;
}

static void fire(trig_fn *fn, uint32_t mode, uint32_t va)
{
	state[0] = state[1] = 0;
	exc_clear();
	if (mode != MODE_USR && mode != MODE_SVC) {
		in_mode(mode, fn, state);
	} else if (mode == MODE_USR) {
		user_trigger = fn;
		user_va = va;
		run_user(run_trigger, 0);
	} else {
		fn(state, va);
	}
}

static void check_return(const char *what, uint32_t mode)
{
	uint32_t mask = mode == MODE_USR ? APSR_MASK : 0xFFFFFFFFu;
	check_eq(state[1] & mask, state[0] & mask,
		 "%s: CPSR after return = CPSR before", what);
}

struct undef_case {
	const char *name;
	trig_fn *fn;
	const uint32_t *insn;
};

static void test_undef(uint32_t mode, const char *m)
{
	static char name[48];
	const struct undef_case cases[] = {
		{ "udf", trig_und, insn_und },
		/* CPACR.cp10 = 0 at reset: VFP access is UNDEFINED (B4.1.40). */
		{ "vfp with cpacr=0", trig_vfp, insn_vfp },
		/* No coprocessor 7 (A8.8.99: MCR to an absent coprocessor). */
		{ "mcr p7", trig_cp7, insn_cp7 },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct undef_case *c = &cases[i];
		fire(c->fn, mode, 0);
		rt_snprintf(name, sizeof(name), "%s %s", c->name, m);
		check_exc(name, EXC_UND, 0, 0);
		check_entry(name, EXC_UND, expected_from(mode), c->insn);
		check_return(name, mode);
	}
}

static void test_svc(uint32_t mode, const char *what)
{
	fire(trig_svc, mode, 0);
	check_exc(what, EXC_SVC, 0, 0);
	check_eq(rt_exc.imm, 0x123456, "%s: SVC immediate", what);
	check_entry(what, EXC_SVC, expected_from(mode), insn_svc);
	check_return(what, mode);
}

static void test_svc_cond(void)
{
	fire(trig_svc_cond, MODE_SVC, 0);
	/* A8.3: a conditional SVC whose condition fails is not executed. */
	check_eq(rt_exc_count, 1, "svcne taken, svceq skipped: exception count");
	check_eq(rt_exc.imm, 0x42, "svcne taken, svceq skipped: immediate");
}

/* BKPT: a Prefetch Abort with IFSR = debug event (C4.1: BKPT with
 * halting debug disabled is a debug event reported as Prefetch Abort). */
static void test_bkpt(uint32_t mode, const char *what)
{
	rt_hook = skip_pabt;
	fire(trig_bkpt, mode, 0);
	rt_hook = 0;
	check_exc(what, EXC_PABT, FS_DEBUG, FSR_FS_MASK);
	check_entry(what, EXC_PABT, expected_from(mode), insn_bkpt);
	check_return(what, mode);
}

static void test_dabt(uint32_t mode, const char *what, int write)
{
	trig_fn *fn = write ? trig_str : trig_ldr;
	fire(fn, mode, UNMAPPED_VA + 0x124);
	/* B3.13.3: first-level translation fault; WnR = 1 for a write. */
	check_exc(what, EXC_DABT, FS_TRANSLATION_SECTION | (write ? FSR_WNR : 0),
		  FSR_FS_MASK | FSR_WNR);
	check_eq(rt_exc.far, UNMAPPED_VA + 0x124, "%s: DFAR", what);
	check_entry(what, EXC_DABT, expected_from(mode), write ? insn_str : insn_ldr);
	check_return(what, mode);
}

static void test_pabt(uint32_t mode, const char *what)
{
	uint32_t va = UNMAPPED_VA + 0x200;
	exc_clear();
	uint32_t r = mode == MODE_USR ? run_user(user_exec, va) : probe_exec(va);
	check_eq(r, PROBE_EXEC_FAULT, "%s: call did not run", what);
	check_exc(what, EXC_PABT, FS_TRANSLATION_SECTION, FSR_FS_MASK);
	check_eq(rt_exc.far, va, "%s: IFAR", what);
	check_eq(rt_exc.lr, va + LR_OFFSET, "%s: LR", what);
	check_eq(rt_exc.cpsr & (MODE_MASK | PSR_I | PSR_A), MODE_ABT | PSR_I | PSR_A,
		 "%s: CPSR mode/masks on entry", what);
	check_eq(rt_exc.spsr & MODE_MASK, mode, "%s: SPSR mode", what);
}

static void test_user_sctlr(void)
{
	/* B3.17: CP15 c1 SCTLR is not accessible at PL0: UNDEFINED. */
	fire(trig_sctlr, MODE_USR, 0);
	check_exc("mrc sctlr from usr", EXC_UND, 0, 0);
	check_entry("mrc sctlr from usr", EXC_UND, expected_from(MODE_USR), insn_sctlr);
}

/* A handler that changes SPSR: the change is what the return restores. */
static int set_flags(uint32_t kind, struct exc_frame *f)
{
	if (kind == EXC_SVC)
		f->spsr = (f->spsr & ~PSR_NZCV) | PSR_Z | PSR_V;
	return 0;
}

static void test_spsr_write(void)
{
	rt_hook = set_flags;
	fire(trig_svc, MODE_SVC, 0);
	rt_hook = 0;
	check_eq(state[1] & PSR_NZCV, PSR_Z | PSR_V,
		 "svc handler rewrote SPSR flags: CPSR after return");
}

static void test_alt_returns(void)
{
	rt_section("returns: RFE after SRS, LDM ^, SUBS pc, lr");
	write_vbar((uint32_t)alt_vectors);
	isb();
	check_true(read_vbar() == (uint32_t)alt_vectors, "VBAR reads back");
	for (unsigned i = 0; i < 8; i++)
		alt_count[i] = 0;
	trig_und(state, 0);
	check_eq(alt_count[EXC_UND], 1, "undef via VBAR: handler entered");
	check_eq(alt_srs[0] - (uint32_t)insn_und, LR_OFFSET,
		 "undef: SRS stored LR_und (minus instruction address)");
	check_eq(alt_srs[1], state[0], "undef: SRS stored SPSR_und = CPSR before");
	check_eq(state[1], state[0], "undef: CPSR after RFE = CPSR before");
	trig_svc(state, 0);
	check_eq(alt_count[EXC_SVC], 1, "svc via VBAR: handler entered");
	check_eq(state[1], state[0], "svc: CPSR after LDM ^ = CPSR before");
	trig_ldr(state, UNMAPPED_VA);
	check_eq(alt_count[EXC_DABT], 1, "data abort via VBAR: handler entered");
	check_eq(state[1], state[0], "data abort: CPSR after SUBS pc, lr = CPSR before");
	trig_bkpt(state, 0);
	check_eq(alt_count[EXC_PABT], 1, "bkpt via VBAR: handler entered");
	check_eq(state[1], state[0], "bkpt: CPSR after SRS to SYS stack, RFE = CPSR before");
	extern const uint32_t rt_vectors[];
	write_vbar((uint32_t)rt_vectors);
	isb();
}

/* UNDEF and SVC taken from every other PL1 mode, including the
 * exception's own mode (the trigger saves the LR it clobbers). */
static void test_from_modes(void)
{
	static const uint32_t modes[] = { MODE_FIQ, MODE_IRQ, MODE_ABT, MODE_UND, MODE_SYS };
	static const char *const names[] = { "fiq", "irq", "abt", "und", "sys" };
	char what[40];
	rt_section("exceptions taken from each PL1 mode");
	for (unsigned i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		rt_snprintf(what, sizeof(what), "udf from %s", names[i]);
		fire(trig_und, modes[i], 0);
		check_exc(what, EXC_UND, 0, 0);
		check_entry(what, EXC_UND, expected_from(modes[i]), insn_und);
		check_return(what, modes[i]);
		rt_snprintf(what, sizeof(what), "svc from %s", names[i]);
		fire(trig_svc, modes[i], 0);
		check_exc(what, EXC_SVC, 0, 0);
		check_entry(what, EXC_SVC, expected_from(modes[i]), insn_svc);
		check_return(what, modes[i]);
	}
}

/* A Data Abort inside the SVC handler: Abort mode's SPSR holds the
 * handler's SVC-mode state, and both returns work. */
static struct exc_rec nested;
static int abort_in_svc(uint32_t kind, struct exc_frame *f)
{
	(void)f;
	if (kind == EXC_SVC) {
		probe_read32(UNMAPPED_VA, 0);
		nested.kind = rt_exc.kind;
		nested.spsr = rt_exc.spsr;
		nested.fsr = rt_exc.fsr;
	}
	return 0;
}

static void test_nested(void)
{
	rt_section("nested exceptions");
	rt_hook = abort_in_svc;
	fire(trig_svc, MODE_SVC, 0);
	rt_hook = 0;
	check_eq(rt_exc_count, 2, "data abort in svc handler: exceptions");
	check_eq(nested.kind, EXC_DABT, "data abort in svc handler: kind");
	check_eq(nested.spsr & (MODE_MASK | PSR_I | PSR_A | PSR_F), MODE_SVC | PSR_I,
		 "data abort in svc handler: SPSR_abt mode/masks");
	check_eq(nested.fsr & FSR_FS_MASK, FS_TRANSLATION_SECTION,
		 "data abort in svc handler: DFSR");
	check_return("svc after nested abort", MODE_SVC);
}

/* ARMv7 restores the base register of a load or store that takes a
 * Data Abort (B1.9.8, the base restored abort model), so the handler
 * can re-execute it. */
static void test_base_restored(void)
{
	static const struct { const char *name; wb_fn *fn; uint32_t wnr; } cases[] = {
		{ "ldr post-indexed", wb_ldr_post, 0 },
		{ "ldr pre-indexed with writeback", wb_ldr_pre, 0 },
		{ "str post-indexed", wb_str_post, FSR_WNR },
		{ "ldrb register offset with writeback", wb_ldrb_reg, 0 },
		{ "ldmia with writeback", wb_ldm, 0 },
		{ "stmdb with writeback", wb_stmdb, FSR_WNR },
		{ "ldrd post-indexed", wb_ldrd, 0 },
	};
	char what[64];
	uint32_t base = UNMAPPED_VA + 0x1000;
	rt_section("base register restored after a data abort");
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		exc_clear();
		uint32_t after = cases[i].fn(base);
		rt_snprintf(what, sizeof(what), "%s", cases[i].name);
		check_exc(what, EXC_DABT, FS_TRANSLATION_SECTION | cases[i].wnr,
			  FSR_FS_MASK | FSR_WNR);
		check_eq(after, base, "%s: base register", cases[i].name);
	}
}

void test_main(void)
{
	/* Unmask asynchronous aborts, IRQ and FIQ so that entry visibly sets
	 * I and A; nothing can raise an interrupt: the GIC is off at reset. */
	__asm__ volatile("cpsie aif");
	mmu_base_map(l1);
	mmu_enable(l1, DACR(0, DACR_CLIENT));

	rt_section("undefined instruction");
	test_undef(MODE_SVC, "from svc");
	test_undef(MODE_USR, "from usr");
	test_user_sctlr();
	rt_section("supervisor call");
	test_svc(MODE_SVC, "svc from svc");
	test_svc(MODE_USR, "svc from usr");
	test_svc_cond();
	test_spsr_write();
	rt_section("prefetch abort");
	test_bkpt(MODE_SVC, "bkpt from svc");
	test_bkpt(MODE_USR, "bkpt from usr");
	test_pabt(MODE_SVC, "exec unmapped from svc");
	test_pabt(MODE_USR, "exec unmapped from usr");
	rt_section("data abort");
	test_dabt(MODE_SVC, "ldr unmapped from svc", 0);
	test_dabt(MODE_SVC, "str unmapped from svc", 1);
	test_dabt(MODE_USR, "ldr unmapped from usr", 0);
	test_dabt(MODE_USR, "str unmapped from usr", 1);
	test_from_modes();
	test_nested();
	test_base_restored();
	test_alt_returns();
	mmu_disable();
}
