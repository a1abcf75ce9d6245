/* System mode of the translator (struct dbt_config.system_mode), run in a
 * host process: small A32 sequences (encodings from GNU as, the assembler
 * text beside each) go through dbt_run() with a test dbt_host_code_page()
 * whose code pages live at host addresses unrelated to their guest VAs.
 * Checks the DBT_EXIT_SYSTEM and DBT_EXIT_ALIGN exits against ARM DDI
 * 0406C (which instructions, pc, sys_insn, fault address and direction,
 * the guest state left in memory), the lookup_ctx-tagged indirect lookup,
 * chaining limited to a page, and dbt_invalidate_key(). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "dbt/dbt.h"

#define PAGE 4096u
#define CODE_VA 0x20000000u   /* never mapped in this process */
#define CODE_PAGES 4
#define CODE_KEY 0x80000000u  /* "physical" address of code page 0 */
#define DATA_VA 0x10000000u
#define DATA_SIZE (64u * 1024)
#define CACHE_SIZE (8u << 20)
#define MODE_SVC 0x13u   /* CPSR.M (ARM DDI 0406C B1.3.1) */

static uint8_t code_pages[CODE_PAGES][PAGE] __attribute__((aligned(PAGE)));
static uint8_t cache[CACHE_SIZE] __attribute__((aligned(PAGE)));
static unsigned code_page_calls;
static int pass, fail;

int dbt_host_code_page(struct arm_cpu *cpu, uint32_t va, uint64_t *key,
		       const void **host)
{
	(void)cpu;
	code_page_calls++;
	uint32_t i = (va - CODE_VA) / PAGE;
	if (va < CODE_VA || i >= CODE_PAGES)
		return -1;
	*key = CODE_KEY + i * PAGE;
	*host = code_pages[i];
	return 0;
}

static void check_eq(const char *name, const char *what, uint32_t got,
		     uint32_t want)
{
	if (got == want) {
		pass++;
		return;
	}
	fail++;
	printf("FAIL %s: %s = 0x%08x, want 0x%08x\n", name, what, got, want);
}

static struct dbt *new_dbt(bool system_mode)
{
	struct dbt *d;
	struct dbt_config cfg = { .code_buf = cache, .code_size = CACHE_SIZE,
				  .system_mode = system_mode };
	if (dbt_init(&d, &cfg) < 0) {
		printf("dbt_init failed\n");
		return NULL;
	}
	return d;
}

static void put_code(uint32_t va, const uint32_t *insns, unsigned n)
{
	uint32_t off = va - CODE_VA;
	memcpy(&code_pages[off / PAGE][off % PAGE], insns, 4 * n);
}

static void cpu_reset(struct arm_cpu *cpu, uint32_t pc)
{
	memset(cpu, 0, sizeof *cpu);
	for (unsigned r = 0; r < 15; r++)
		cpu->r[r] = 0x1000u + r;
	cpu->r[15] = pc;
	arm_cpu_set_cpsr(cpu, MODE_SVC);
}

/* ---- system exits ------------------------------------------------- */

/* Sets r0, r1, r4 and the flags, leaving the register cache busy and
 * x86 EFLAGS used by the CLZ at the instruction that follows. */
static const uint32_t prologue[] = {
	0xe3a00001,  /* mov r0, #1 */
	0xe3a01002,  /* mov r1, #2 */
	0xe1500001,  /* cmp r0, r1: N=1 Z=0 C=0 V=0 (A8.8.38) */
	0xe3a04007,  /* mov r4, #7 */
	0xe2844001,  /* add r4, r4, #1 */
	0xe16f4f14,  /* clz r4, r4: 28 (A8.8.33) */
};
#define PROLOGUE_N (sizeof prologue / sizeof prologue[0])
#define PROLOGUE_NZCV ARM_CPSR_N
#define SVC_0 0xef000000u
#define SVC_42 0xef000042u

/* Runs prologue + insn + svc #0 at CODE_VA, r2 = r2_val. */
static enum dbt_exit run_after_prologue(struct dbt *d, struct arm_cpu *cpu,
					uint32_t insn, uint32_t r2_val)
{
	uint32_t seq[PROLOGUE_N + 2];
	memcpy(seq, prologue, sizeof prologue);
	seq[PROLOGUE_N] = insn;
	seq[PROLOGUE_N + 1] = SVC_0;
	put_code(CODE_VA, seq, PROLOGUE_N + 2);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	cpu->r[2] = r2_val;
	return dbt_run(d, cpu);
}

#define INSN_PC (CODE_VA + 4 * PROLOGUE_N)

/* The state the prologue leaves, as at the start of the insn after it. */
static void check_prologue_state(const char *name, const struct arm_cpu *cpu,
				 uint32_t r2_val)
{
	check_eq(name, "r0", cpu->r[0], 1);
	check_eq(name, "r1", cpu->r[1], 2);
	check_eq(name, "r2", cpu->r[2], r2_val);
	check_eq(name, "r3", cpu->r[3], 0x1003);
	check_eq(name, "r4", cpu->r[4], 28);
	for (unsigned r = 5; r < 15; r++)
		check_eq(name, "r5-r14", cpu->r[r], 0x1000 + r);
	check_eq(name, "cpsr", arm_cpu_cpsr(cpu), PROLOGUE_NZCV | MODE_SVC);
}

struct sys_case {
	const char *text;
	uint32_t insn;
};

/* Each must leave with DBT_EXIT_SYSTEM at its own address, unexecuted
 * (ARM DDI 0406C: privileged, coprocessor, unprivileged-access, wait and
 * debug instructions, exception returns). */
static const struct sys_case sys_cases[] = {
	{ "msr cpsr_c, r0", 0xe121f000 },
	{ "msr cpsr_f, r0 (APSR write)", 0xe128f000 },
	{ "cpsie i", 0xf1080080 },
	{ "setend be", 0xf1010200 },
	{ "mcr p15, 0, r0, c1, c0, 0 (SCTLR)", 0xee010f10 },
	{ "mrc p15, 0, r0, c0, c0, 0 (MIDR)", 0xee100f10 },
	{ "mrc p14, 0, r0, c0, c1, 0", 0xee100e11 },
	{ "mcrr p15, 0, r0, r1, c2", 0xec410f02 },
	{ "mrrc p15, 1, r0, r1, c14", 0xec510f1e },
	{ "mcr2 p14, 0, r0, c0, c0, 0", 0xfe000e10 },
	{ "vmrs r0, fpscr", 0xeef10a10 },
	{ "ldrt r0, [r1], #0", 0xe4b10000 },
	{ "strbt r0, [r1], #1", 0xe4e10001 },
	{ "ldrht r0, [r1], #0", 0xe0f100b0 },
	{ "ldrsbt r0, [r1], #0", 0xe0f100d0 },
	{ "wfi", 0xe320f003 },
	{ "wfe", 0xe320f002 },
	{ "sev", 0xe320f004 },
	{ "yield", 0xe320f001 },
	{ "bkpt #0x12", 0xe1200172 },
	{ "subs pc, lr, #4", 0xe25ef004 },
	{ "movs pc, lr", 0xe1b0f00e },
	{ "hvc #0", 0xe1400070 },
	{ "smc #0", 0xe1600070 },
	{ "rfeia sp!", 0xf8bd0a00 },
	{ "srsdb sp!, #19", 0xf96d0513 },
	{ "ldm r0, {r1, r2}^", 0xe8d00006 },
	{ "ldm r0, {r1, pc}^", 0xe8d08002 },
	{ "stm r0, {r1, r2}^", 0xe8c00006 },
	{ "mrcne p15, 0, r0, c0, c0, 0 (condition passes)", 0x1e100f10 },
	{ "wfine (condition passes)", 0x1320f003 },
};

static void test_system_exits(struct dbt *d, struct arm_cpu *cpu)
{
	for (size_t i = 0; i < sizeof sys_cases / sizeof sys_cases[0]; i++) {
		const struct sys_case *c = &sys_cases[i];
		enum dbt_exit e = run_after_prologue(d, cpu, c->insn, DATA_VA);
		check_eq(c->text, "exit", e, DBT_EXIT_SYSTEM);
		check_eq(c->text, "pc", cpu->r[15], INSN_PC);
		check_eq(c->text, "sys_insn", cpu->sys_insn, c->insn);
		check_prologue_state(c->text, cpu, DATA_VA);
	}
}

/* Conditional system instructions that fail are skipped (A8.3), the
 * TPIDRURO read stays inline, SVC keeps its own exit, and an
 * UNPREDICTABLE encoding is still UNDEFINED. */
static void test_not_system_exits(struct dbt *d, struct arm_cpu *cpu)
{
	static const uint32_t skipped[] = {
		0xe1500000,  /* cmp r0, r0: Z=1 */
		0x1e100f10,  /* mrcne p15, 0, r0, c0, c0, 0 */
		0x1320f003,  /* wfine */
		0xe3a02005,  /* mov r2, #5 */
		0xee1d0f70,  /* mrc p15, 0, r0, c13, c0, 3 (TPIDRURO) */
		SVC_42,
	};
	put_code(CODE_VA, skipped, 6);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	cpu->tpidruro = 0xcafe;
	enum dbt_exit e = dbt_run(d, cpu);
	const char *name = "failed conditions, TPIDRURO, SVC";
	check_eq(name, "exit", e, DBT_EXIT_SVC);
	check_eq(name, "pc", cpu->r[15], CODE_VA + 6 * 4);
	check_eq(name, "svc_imm", cpu->svc_imm, 0x42);
	check_eq(name, "r0 (TPIDRURO)", cpu->r[0], 0xcafe);
	check_eq(name, "r2", cpu->r[2], 5);
	check_eq(name, "cpsr", arm_cpu_cpsr(cpu), ARM_CPSR_Z | ARM_CPSR_C | MODE_SVC);

	e = run_after_prologue(d, cpu, 0xe10ff000, DATA_VA); /* mrs pc, cpsr */
	name = "mrs pc, cpsr (UNPREDICTABLE)";
	check_eq(name, "exit", e, DBT_EXIT_UNDEF);
	check_eq(name, "pc", cpu->r[15], INSN_PC);
	check_prologue_state(name, cpu, DATA_VA);
}

/* At PL1 the TPIDRPRW read, cache and barrier operations and MRS of the
 * CPSR run inline (B4.1.150, B4.2.1, B9.3.12), keeping the flags; at
 * PL0 the CP15 ones leave for the monitor (which makes them UNDEFINED or
 * checks CP15BEN), with the registers written before them in memory. */
static const uint32_t pl1_inline_seq[] = {
	0xe3a00001,  /* mov r0, #1 */
	0xe3500002,  /* cmp r0, #2: N (A8.8.38) */
	0xee1d3f90,  /* mrc p15, 0, r3, c13, c0, 4 (TPIDRPRW) */
	0xee070f3e,  /* mcr p15, 0, r0, c7, c14, 1 (DCCIMVAC) */
	0xee070fba,  /* mcr p15, 0, r0, c7, c10, 5 (CP15DMB) */
	0xe10f4000,  /* mrs r4, cpsr */
	0xee070f35,  /* mcr p15, 0, r0, c7, c5, 1 (ICIMVAU) */
	0x0e1d5f90,  /* mrceq p15, 0, r5, c13, c0, 4: skipped (Z clear) */
	SVC_42,
};

#define MSR_CPSR_C_R6 0xe121f006u   /* msr cpsr_c, r6 */
#define CPSID_IF 0xf10c00c0u        /* cpsid if */
#define CPSID_I 0xf10c0080u         /* cpsid i */

/* Runs cpsr0's mode and masks, then insn, then svc #0x42. */
static enum dbt_exit run_psr(struct dbt *d, struct arm_cpu *cpu, uint32_t cpsr0,
			     uint32_t insn, uint32_t r6)
{
	uint32_t seq[] = { insn, SVC_42 };
	put_code(CODE_VA, seq, 2);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	arm_cpu_set_cpsr(cpu, cpsr0);
	cpu->r[6] = r6;
	return dbt_run(d, cpu);
}

/* CPSID (B9.3.1) and MSR CPSR_c (B9.3.12) inline at PL1 when the mode
 * stays and no interrupt is unmasked; otherwise, and at PL0, they leave
 * for the monitor unexecuted. */
static void test_pl1_inline_psr(struct dbt *d, struct arm_cpu *cpu)
{
	static const struct {
		const char *what;
		uint32_t cpsr0, insn, r6;
		bool inline_done;
		uint32_t cpsr1;   /* when done inline */
	} cases[] = {
		{ "cpsid if", MODE_SVC, CPSID_IF, 0, true, MODE_SVC | ARM_CPSR_I | ARM_CPSR_F },
		{ "cpsid i, I already set", MODE_SVC | ARM_CPSR_I, CPSID_I, 0, true,
		  MODE_SVC | ARM_CPSR_I },
		{ "msr cpsr_c masking I", MODE_SVC, MSR_CPSR_C_R6, MODE_SVC | ARM_CPSR_I, true,
		  MODE_SVC | ARM_CPSR_I },
		{ "msr cpsr_c keeping I, F", MODE_SVC | ARM_CPSR_I | ARM_CPSR_F, MSR_CPSR_C_R6,
		  MODE_SVC | ARM_CPSR_I | ARM_CPSR_F, true, MODE_SVC | ARM_CPSR_I | ARM_CPSR_F },
		{ "msr cpsr_c unmasking I", MODE_SVC | ARM_CPSR_I, MSR_CPSR_C_R6, MODE_SVC, false, 0 },
		{ "msr cpsr_c unmasking F", MODE_SVC | ARM_CPSR_F | ARM_CPSR_I, MSR_CPSR_C_R6,
		  MODE_SVC | ARM_CPSR_I, false, 0 },
		{ "msr cpsr_c to IRQ mode", MODE_SVC | ARM_CPSR_I, MSR_CPSR_C_R6,
		  0x12 | ARM_CPSR_I, false, 0 },
		{ "cpsid i at PL0", ARM_MODE_USR, CPSID_I, 0, false, 0 },
		{ "msr cpsr_c at PL0", ARM_MODE_USR, MSR_CPSR_C_R6, ARM_MODE_USR | ARM_CPSR_I, false, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *name = cases[i].what;
		enum dbt_exit e = run_psr(d, cpu, cases[i].cpsr0, cases[i].insn, cases[i].r6);
		if (cases[i].inline_done) {
			check_eq(name, "exit", e, DBT_EXIT_SVC);
			check_eq(name, "cpsr", arm_cpu_cpsr(cpu), cases[i].cpsr1);
		} else {
			check_eq(name, "exit", e, DBT_EXIT_SYSTEM);
			check_eq(name, "pc", cpu->r[15], CODE_VA);
			check_eq(name, "sys_insn", cpu->sys_insn, cases[i].insn);
			check_eq(name, "cpsr unchanged", arm_cpu_cpsr(cpu), cases[i].cpsr0);
		}
	}
}

static void test_pl1_inline(struct dbt *d, struct arm_cpu *cpu)
{
	const char *name = "PL1 inline: TPIDRPRW, DCCIMVAC, DMB, MRS, ICIMVAU";
	put_code(CODE_VA, pl1_inline_seq, sizeof pl1_inline_seq / 4);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	cpu->tpidrprw = 0x7777;
	check_eq(name, "exit", dbt_run(d, cpu), DBT_EXIT_SVC);
	check_eq(name, "pc", cpu->r[15], CODE_VA + sizeof pl1_inline_seq);
	check_eq(name, "r3 (TPIDRPRW)", cpu->r[3], 0x7777);
	check_eq(name, "r4 (CPSR)", cpu->r[4], ARM_CPSR_N | MODE_SVC);
	check_eq(name, "r5 (skipped)", cpu->r[5], 0x1005);
	check_eq(name, "cpsr", arm_cpu_cpsr(cpu), ARM_CPSR_N | MODE_SVC);

	static const struct { uint32_t at; const char *what; } pl0_exits[] = {
		{ 2, "PL0 mrc TPIDRPRW" }, { 3, "PL0 mcr DCCIMVAC" },
		{ 4, "PL0 mcr CP15DMB" }, { 6, "PL0 mcr ICIMVAU" },
	};
	test_pl1_inline_psr(d, cpu);
	for (size_t i = 0; i < sizeof pl0_exits / sizeof pl0_exits[0]; i++) {
		uint32_t seq[] = { 0xe3a00001, 0xe3500002, pl1_inline_seq[pl0_exits[i].at], SVC_42 };
		put_code(CODE_VA, seq, 4);
		dbt_flush(d);
		cpu_reset(cpu, CODE_VA);
		arm_cpu_set_cpsr(cpu, ARM_MODE_USR);
		cpu->tpidrprw = 0x7777;
		name = pl0_exits[i].what;
		check_eq(name, "exit", dbt_run(d, cpu), DBT_EXIT_SYSTEM);
		check_eq(name, "pc", cpu->r[15], CODE_VA + 8);
		check_eq(name, "sys_insn", cpu->sys_insn, seq[2]);
		check_eq(name, "r0 written back", cpu->r[0], 1);
		check_eq(name, "r3 untouched", cpu->r[3], 0x1003);
		check_eq(name, "cpsr", arm_cpu_cpsr(cpu), ARM_CPSR_N | ARM_MODE_USR);
	}
}

/* Outside system mode the same encodings behave as before: hints are
 * NOPs, LDRT is a load, other coprocessor moves are UNDEFINED. */
static void test_user_mode_unchanged(struct dbt *d, struct arm_cpu *cpu)
{
	static const uint32_t seq[] = {
		0xe320f003,  /* wfi */
		0xe4b20000,  /* ldrt r0, [r2], #0 */
		0xee100f10,  /* mrc p15, 0, r0, c0, c0, 0 */
	};
	uint32_t word = 0x11223344;
	memcpy((void *)(uintptr_t)DATA_VA, &word, 4);
	put_code(CODE_VA, seq, 3);
	cpu_reset(cpu, CODE_VA);
	cpu->r[2] = DATA_VA;
	enum dbt_exit e = dbt_run(d, cpu);
	const char *name = "user mode: wfi, ldrt, mrc MIDR";
	check_eq(name, "exit", e, DBT_EXIT_UNDEF);
	check_eq(name, "pc", cpu->r[15], CODE_VA + 8);
	check_eq(name, "r0", cpu->r[0], 0x11223344);
}

/* ---- alignment exits ---------------------------------------------- */

struct align_case {
	const char *text;
	uint32_t insn;
	uint32_t offset;      /* r2 = DATA_VA + 16 + offset */
	bool faults;
	int32_t fault_delta;  /* fault_addr - r2 */
	bool is_write;
};

#define ALIGN_BASE (DATA_VA + 16)

/* ARM DDI 0406C A3.2.1 Table A3-1: with SCTLR.A = 0 only these check. */
static const struct align_case mandatory[] = {
	{ "ldrd r0, r1, [r2] +4", 0xe1c200d0, 4, false, 0, false },
	{ "ldrd r0, r1, [r2] +2", 0xe1c200d0, 2, true, 0, false },
	{ "strd r0, r1, [r2] +1", 0xe1c200f0, 1, true, 0, true },
	{ "ldm r2, {r0, r1} +2", 0xe8920003, 2, true, 0, false },
	{ "ldmdb r2, {r0, r1} +2", 0xe9120003, 2, true, -8, false },
	{ "stmdb r2!, {r0, r1} +6", 0xe9220003, 6, true, -8, true },
	{ "stmdb r2!, {r0, r1} +8", 0xe9220003, 8, false, 0, false },
	{ "ldrex r0, [r2] +2", 0xe1920f9f, 2, true, 0, false },
	{ "ldrexh r0, [r2] +1", 0xe1f20f9f, 1, true, 0, false },
	{ "ldrexh r0, [r2] +2", 0xe1f20f9f, 2, false, 0, false },
	{ "ldrexb r0, [r2] +1", 0xe1d20f9f, 1, false, 0, false },
	{ "ldrexd r0, r1, [r2] +4", 0xe1b20f9f, 4, true, 0, false },
	{ "ldrexd r0, r1, [r2] +8", 0xe1b20f9f, 8, false, 0, false },
	{ "strex r3, r0, [r2] +2 (monitor open)", 0xe1823f90, 2, true, 0, true },
	{ "swp r0, r1, [r2] +2", 0xe1020091, 2, true, 0, false },
	{ "swpb r0, r1, [r2] +1", 0xe1420091, 1, false, 0, false },
	{ "ldr r0, [r2] +1", 0xe5920000, 1, false, 0, false },
	{ "ldrh r0, [r2] +1", 0xe1d200b0, 1, false, 0, false },
	{ "str r0, [r2] +2", 0xe5820000, 2, false, 0, false },
};

/* With SCTLR.A = 1 every access checks its own size. */
static const struct align_case strict[] = {
	{ "A=1 ldr r0, [r2] +1", 0xe5920000, 1, true, 0, false },
	{ "A=1 ldr r0, [r2] +4", 0xe5920000, 4, false, 0, false },
	{ "A=1 ldrh r0, [r2] +1", 0xe1d200b0, 1, true, 0, false },
	{ "A=1 ldrh r0, [r2] +2", 0xe1d200b0, 2, false, 0, false },
	{ "A=1 ldrb r0, [r2] +1", 0xe5d20000, 1, false, 0, false },
	{ "A=1 str r0, [r2] +2", 0xe5820000, 2, true, 0, true },
	{ "A=1 ldr r0, [r2, #1]! +0", 0xe5b20001, 0, true, 1, false },
	{ "A=1 ldr r0, [r2, #4] +0", 0xe5920004, 0, false, 0, false },
	{ "A=1 ldrd r0, r1, [r2] +4", 0xe1c200d0, 4, false, 0, false },
};

static void run_align_case(struct dbt *d, struct arm_cpu *cpu,
			   const struct align_case *c)
{
	uint32_t r2 = ALIGN_BASE + c->offset;
	enum dbt_exit e = run_after_prologue(d, cpu, c->insn, r2);
	if (!c->faults) {
		check_eq(c->text, "exit", e, DBT_EXIT_SVC);
		check_eq(c->text, "pc", cpu->r[15], INSN_PC + 8);
		return;
	}
	check_eq(c->text, "exit", e, DBT_EXIT_ALIGN);
	check_eq(c->text, "pc", cpu->r[15], INSN_PC);
	check_eq(c->text, "fault_addr", cpu->fault_addr,
		 r2 + (uint32_t)c->fault_delta);
	check_eq(c->text, "fault_is_write", cpu->fault_is_write, c->is_write);
	check_prologue_state(c->text, cpu, r2);
}

static void test_alignment(struct dbt *d, struct arm_cpu *cpu)
{
	for (size_t i = 0; i < sizeof mandatory / sizeof mandatory[0]; i++)
		run_align_case(d, cpu, &mandatory[i]);
	dbt_set_alignment_check(d, true);
	for (size_t i = 0; i < sizeof strict / sizeof strict[0]; i++)
		run_align_case(d, cpu, &strict[i]);
	dbt_set_alignment_check(d, false);
	run_align_case(d, cpu, &mandatory[0]);

	/* A misaligned LDRD whose condition fails does nothing (A8.3). */
	static const uint32_t seq[] = {
		0xe1500000,  /* cmp r0, r0: Z=1 */
		0x11c200d0,  /* ldrdne r0, r1, [r2] */
		SVC_0,
	};
	put_code(CODE_VA, seq, 3);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	cpu->r[2] = ALIGN_BASE + 2;
	check_eq("ldrdne skipped", "exit", dbt_run(d, cpu), DBT_EXIT_SVC);
}

/* An unaligned LDR with SCTLR.A = 0 reads the bytes from the address up
 * (A3.2.1, little-endian). */
static void test_unaligned_value(struct dbt *d, struct arm_cpu *cpu)
{
	uint8_t *data = (uint8_t *)(uintptr_t)ALIGN_BASE;
	for (unsigned i = 0; i < 16; i++)
		data[i] = (uint8_t)i;
	run_after_prologue(d, cpu, 0xe5920000, ALIGN_BASE + 1); /* ldr r0, [r2] */
	check_eq("ldr r0, [r2] +1 value", "r0", cpu->r[0], 0x04030201);
}

/* ---- lookup, chaining, invalidation --------------------------------- */

/* Runs from pc with the context and returns how often dbt_run() asked
 * for a code page (each dispatch does, a chained or looked-up jump not). */
static unsigned calls_for_run(struct dbt *d, struct arm_cpu *cpu, uint32_t pc,
			      uint32_t ctx, const char *name)
{
	cpu_reset(cpu, pc);
	cpu->r[5] = CODE_VA + 0x100;
	cpu->lookup_ctx = ctx;
	code_page_calls = 0;
	check_eq(name, "exit", dbt_run(d, cpu), DBT_EXIT_SVC);
	return code_page_calls;
}

static void test_lookup_ctx(bool system_mode)
{
	struct arm_cpu cpu;
	struct dbt *d = new_dbt(system_mode);
	static const uint32_t bx = 0xe12fff15; /* bx r5 */
	static const uint32_t svc = SVC_0;
	put_code(CODE_VA, &bx, 1);
	put_code(CODE_VA + 0x100, &svc, 1);
	const char *name = system_mode ? "lookup keyed by ctx"
				       : "user mode: lookup ignores ctx";
	/* A miss costs what the first run's did, a hit only the entry. */
	unsigned miss = calls_for_run(d, &cpu, CODE_VA, 1, name);
	check_eq(name, "first run dispatches twice or more", miss > 1, 1);
	check_eq(name, "same ctx", calls_for_run(d, &cpu, CODE_VA, 1, name), 1);
	check_eq(name, "new ctx", calls_for_run(d, &cpu, CODE_VA, 2, name),
		 system_mode ? miss : 1);
	check_eq(name, "new ctx again", calls_for_run(d, &cpu, CODE_VA, 2, name), 1);
}

static void test_chaining(bool system_mode)
{
	struct arm_cpu cpu;
	struct dbt *d = new_dbt(system_mode);
	static const uint32_t far = 0xea0003fe;  /* b .+0x1000 */
	static const uint32_t near = 0xea00003e; /* b .+0x100 */
	static const uint32_t svc = SVC_0;
	put_code(CODE_VA, &far, 1);
	put_code(CODE_VA + 0x1000, &svc, 1);
	put_code(CODE_VA + 0x200, &near, 1);
	put_code(CODE_VA + 0x300, &svc, 1);
	const char *name = system_mode ? "cross-page branch not chained"
				       : "user mode: cross-page branch chained";
	unsigned first = calls_for_run(d, &cpu, CODE_VA, 1, name);
	check_eq(name, "first run dispatches twice or more", first > 1, 1);
	check_eq(name, "new ctx", calls_for_run(d, &cpu, CODE_VA, 2, name),
		 system_mode ? first : 1);
	/* A taken conditional branch to another page likewise. */
	static const uint32_t cond_far[] = {
		0xe1500000,  /* cmp r0, r0: Z=1 */
		0x0a0002fd,  /* beq CODE_VA + 0x1000 */
		SVC_0,
	};
	put_code(CODE_VA + 0x400, cond_far, 3);
	name = system_mode ? "cross-page beq not chained"
			   : "user mode: cross-page beq chained";
	first = calls_for_run(d, &cpu, CODE_VA + 0x400, 1, name);
	check_eq(name, "taken", cpu.r[15], CODE_VA + 0x1004);
	check_eq(name, "new ctx", calls_for_run(d, &cpu, CODE_VA + 0x400, 2, name),
		 system_mode ? first : 1);
	name = "same-page branch chained";
	check_eq(name, "first run", calls_for_run(d, &cpu, CODE_VA + 0x200, 1, name), 2);
	check_eq(name, "new ctx", calls_for_run(d, &cpu, CODE_VA + 0x200, 2, name), 1);
}

static uint32_t run_r0(struct dbt *d, struct arm_cpu *cpu, uint32_t pc)
{
	cpu_reset(cpu, pc);
	dbt_run(d, cpu);
	return cpu->r[0];
}

static void test_invalidate_key(struct dbt *d, struct arm_cpu *cpu)
{
	const uint32_t pc = CODE_VA + 2 * PAGE;
	uint32_t seq[] = { 0xe3a00001 /* mov r0, #1 */, SVC_0 };
	put_code(pc, seq, 2);
	dbt_flush(d);
	const char *name = "dbt_invalidate_key";
	check_eq(name, "first", run_r0(d, cpu, pc), 1);
	seq[0] = 0xe3a00002;  /* mov r0, #2 */
	put_code(pc, seq, 2);
	check_eq(name, "still cached", run_r0(d, cpu, pc), 1);
	dbt_invalidate_key(d, CODE_KEY + 3 * PAGE);
	check_eq(name, "other page dropped", run_r0(d, cpu, pc), 1);
	dbt_invalidate_key(d, CODE_KEY + 2 * PAGE);
	check_eq(name, "own page dropped", run_r0(d, cpu, pc), 2);
}

/* In system mode dbt_invalidate_key() drops one page's blocks: reached
 * afterwards by a chained branch from the same page or by an indirect
 * branch from another, the page runs its new code; another page's blocks
 * stay cached (their stale code still runs: nothing flushed them). */
static void test_invalidate_page_only(struct dbt *d, struct arm_cpu *cpu)
{
	const uint32_t p2 = CODE_VA + 2 * PAGE, p1 = CODE_VA + PAGE;
	uint32_t page2[] = {
		0xe3a00001,  /* +00 mov r0, #1 */
		0xea000001,  /* +04 b +0x10 */
		0xe1a00000,  /* +08 nop */
		0xe1a00000,  /* +0c nop */
		0xe280000a,  /* +10 add r0, r0, #10 */
		SVC_0,       /* +14 */
	};
	uint32_t page1[] = { 0xe3a00007 /* mov r0, #7 */, SVC_0 };
	static const uint32_t bx_r5 = 0xe12fff15;
	const char *name = "invalidate one page";
	struct dbt_stats st0, st1;

	put_code(p2, page2, 6);
	put_code(p1, page1, 2);
	put_code(CODE_VA, &bx_r5, 1);
	dbt_flush(d);
	for (int pass = 0; pass < 2; pass++) {   /* the second: chained, table hit */
		check_eq(name, "chained", run_r0(d, cpu, p2), 11);
		cpu_reset(cpu, CODE_VA);
		cpu->r[5] = p2 + 0x10;
		dbt_run(d, cpu);
		check_eq(name, "indirect", cpu->r[0], 0x1000 + 10);
		check_eq(name, "other page", run_r0(d, cpu, p1), 7);
	}
	page2[4] = 0xe2800014;   /* add r0, r0, #20 */
	page1[0] = 0xe3a00008;   /* mov r0, #8 */
	put_code(p2, page2, 6);
	put_code(p1, page1, 2);
	dbt_get_stats(d, &st0);
	dbt_invalidate_key(d, CODE_KEY + 2 * PAGE);
	dbt_get_stats(d, &st1);
	check_eq(name, "page drops", (uint32_t)(st1.page_drops - st0.page_drops), 1);
	check_eq(name, "blocks dropped", (uint32_t)(st1.blocks_dropped - st0.blocks_dropped), 2);
	check_eq(name, "no flush", (uint32_t)(st1.flushes - st0.flushes), 0);
	check_eq(name, "chained after", run_r0(d, cpu, p2), 21);
	cpu_reset(cpu, CODE_VA);
	cpu->r[5] = p2 + 0x10;
	dbt_run(d, cpu);
	check_eq(name, "indirect after", cpu->r[0], 0x1000 + 20);
	check_eq(name, "other page kept", run_r0(d, cpu, p1), 7);
}

/* A branch to a page the embedder cannot fetch is a prefetch fault. */
static void test_unfetchable(struct dbt *d, struct arm_cpu *cpu)
{
	static const uint32_t bx = 0xe12fff15; /* bx r5 */
	put_code(CODE_VA, &bx, 1);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	cpu->r[5] = CODE_VA + CODE_PAGES * PAGE;
	const char *name = "unfetchable page";
	check_eq(name, "exit", dbt_run(d, cpu), DBT_EXIT_FAULT);
	check_eq(name, "pc", cpu->r[15], CODE_VA + CODE_PAGES * PAGE);
	check_eq(name, "fault_addr", cpu->fault_addr, CODE_VA + CODE_PAGES * PAGE);
}

/* ---- breakpoints and single-step (dbt_set_breakpoints, _single_step) -- */

/* Encodings from GNU as (arm-none-eabi-objdump of the words). */
static const uint32_t debug_page0[] = {
	0xe3a00001,  /* 00 mov r0, #1 */
	0xe2800001,  /* 04 add r0, r0, #1 */
	0xe3500002,  /* 08 cmp r0, #2 */
	0x0a000001,  /* 0c beq 0x18 */
	0xe3a01005,  /* 10 mov r1, #5 */
	0xef000000,  /* 14 svc 0 */
	0xe280000a,  /* 18 add r0, r0, #10 */
	0xe5932000,  /* 1c ldr r2, [r3] */
	0xea0003f6,  /* 20 b CODE_VA + 0x1000 */
};
static const uint32_t debug_page1[] = {
	0xe2800064,  /* 1000 add r0, r0, #100 */
	0xef000042,  /* 1004 svc 0x42 */
};
#define DEBUG_WORD 0x5eed1234u

static void debug_setup(struct dbt *d, struct arm_cpu *cpu)
{
	put_code(CODE_VA, debug_page0, sizeof debug_page0 / 4);
	put_code(CODE_VA + PAGE, debug_page1, sizeof debug_page1 / 4);
	memcpy((void *)(uintptr_t)DATA_VA, &(uint32_t){ DEBUG_WORD }, 4);
	dbt_flush(d);
	cpu_reset(cpu, CODE_VA);
	cpu->r[3] = DATA_VA;
}

/* Each step runs one instruction (a taken branch goes to its target, a
 * load completes) and an SVC still leaves as SVC (the exception is the
 * step's end). Expected pcs and r0 follow the program's semantics. */
static void test_single_step(struct dbt *d, struct arm_cpu *cpu)
{
	static const struct { uint32_t pc, r0; } after[] = {
		{ 0x04, 1 }, { 0x08, 2 }, { 0x0c, 2 }, { 0x18, 2 },
		{ 0x1c, 12 }, { 0x20, 12 }, { 0x1000, 12 }, { 0x1004, 112 },
	};
	debug_setup(d, cpu);
	dbt_set_single_step(d, true);
	for (unsigned i = 0; i < sizeof after / sizeof after[0]; i++) {
		enum dbt_exit e = dbt_run(d, cpu);
		check_eq("step", "exit", e, DBT_EXIT_STEP);
		check_eq("step", "pc", cpu->r[15], CODE_VA + after[i].pc);
		check_eq("step", "r0", cpu->r[0], after[i].r0);
		if (after[i].pc == 0x0c)   /* cmp r0, #2 with r0 = 2: Z, C (A8.8.38) */
			check_eq("step", "NZCV", arm_cpu_cpsr(cpu) & ARM_CPSR_NZCV,
				 ARM_CPSR_Z | ARM_CPSR_C);
	}
	check_eq("step", "r2", cpu->r[2], DEBUG_WORD);
	check_eq("step", "r1 untouched", cpu->r[1], 0x1001);
	enum dbt_exit e = dbt_run(d, cpu);
	check_eq("step svc", "exit", e, DBT_EXIT_SVC);
	check_eq("step svc", "pc", cpu->r[15], CODE_VA + 0x1008);
	check_eq("step svc", "imm", cpu->svc_imm, 0x42);
	dbt_set_single_step(d, false);
}

static void expect_break(struct dbt *d, struct arm_cpu *cpu, const char *name,
			 uint32_t pc, uint32_t r0)
{
	enum dbt_exit e = dbt_run(d, cpu);
	check_eq(name, "exit", e, DBT_EXIT_DEBUG);
	check_eq(name, "pc", cpu->r[15], pc);
	check_eq(name, "r0", cpu->r[0], r0);
}

/* A breakpoint stops before its instruction, in the middle of what would
 * be one block, at a branch target, and on another page; running again
 * stops again; a step executes the instruction under it. */
static void test_breakpoints(struct dbt *d, struct arm_cpu *cpu)
{
	uint32_t bps[] = { CODE_VA + 0x08, CODE_VA + 0x18, CODE_VA + 0x1000 };
	debug_setup(d, cpu);
	check_eq("break", "set", (uint32_t)dbt_set_breakpoints(d, bps, 3), 0);
	expect_break(d, cpu, "break mid-block", CODE_VA + 0x08, 2);
	expect_break(d, cpu, "break again", CODE_VA + 0x08, 2);
	dbt_set_single_step(d, true);
	check_eq("break step", "exit", dbt_run(d, cpu), DBT_EXIT_STEP);
	check_eq("break step", "pc", cpu->r[15], CODE_VA + 0x0c);
	dbt_set_single_step(d, false);
	expect_break(d, cpu, "break at branch target", CODE_VA + 0x18, 2);
	dbt_set_single_step(d, true);
	dbt_run(d, cpu);
	dbt_set_single_step(d, false);
	expect_break(d, cpu, "break on next page", CODE_VA + 0x1000, 12);
	check_eq("break", "r2", cpu->r[2], DEBUG_WORD);
	check_eq("break", "clear", (uint32_t)dbt_set_breakpoints(d, NULL, 0), 0);
	check_eq("break cleared", "exit", dbt_run(d, cpu), DBT_EXIT_SVC);
	check_eq("break cleared", "r0", cpu->r[0], 112);

	uint32_t many[DBT_MAX_BREAKPOINTS + 1] = { 0 };
	check_eq("break", "too many", (uint32_t)dbt_set_breakpoints(d, many, DBT_MAX_BREAKPOINTS + 1),
		 (uint32_t)-1);
	struct dbt_stats st;
	dbt_get_stats(d, &st);
	check_eq("break", "none left", st.breakpoints, 0);
}

int main(void)
{
	if (mprotect(cache, sizeof cache, PROT_READ | PROT_WRITE | PROT_EXEC) ||
	    mmap((void *)(uintptr_t)DATA_VA, DATA_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) !=
		    (void *)(uintptr_t)DATA_VA) {
		printf("cannot map the code cache or guest data\n");
		printf("suite dbt_sys: 0 passed, 1 failed\n");
		return 1;
	}
	struct arm_cpu cpu;
	struct dbt *d = new_dbt(true);
	test_system_exits(d, &cpu);
	test_not_system_exits(d, &cpu);
	test_pl1_inline(d, &cpu);
	test_alignment(d, &cpu);
	test_unaligned_value(d, &cpu);
	test_invalidate_key(d, &cpu);
	test_invalidate_page_only(d, &cpu);
	test_unfetchable(d, &cpu);
	test_user_mode_unchanged(new_dbt(false), &cpu);
	test_lookup_ctx(true);
	test_lookup_ctx(false);
	test_chaining(true);
	test_chaining(false);
	test_single_step(d, &cpu);
	test_breakpoints(d, &cpu);
	printf("suite dbt_sys: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
