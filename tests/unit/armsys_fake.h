/* The fakes the ARM system-state tests run against: the translator's
 * flag accessors (the CPSR kept whole in flags_priv[0], so these tests do
 * not depend on the translator's flag format), guest memory with a
 * mapped, a PL1-only and an unmapped range, a physical translation table
 * for the ATS1C* operations, a board timer and a log hook. */
#ifndef TESTS_UNIT_ARMSYS_FAKE_H
#define TESTS_UNIT_ARMSYS_FAKE_H

#include <stdio.h>
#include <string.h>

#include "guest-arm/arm_sys.h"
#include "guest-arm/arm_sys_int.h"
#include "tests/unit/check.h"

uint32_t arm_cpu_cpsr(const struct arm_cpu *c)
{
	return c->flags_priv[0];
}

void arm_cpu_set_cpsr(struct arm_cpu *c, uint32_t v)
{
	c->flags_priv[0] = v;
}

/* Guest virtual memory: [RAM_VA, PRIV_VA) read/write at PL0 and PL1,
 * [PRIV_VA, RAM_END) PL1 only (a section permission fault at PL0),
 * everything else a section translation fault. */
#define RAM_VA 0x00010000u
#define PRIV_VA 0x00020000u
#define RAM_END 0x00021000u
static uint8_t ram[RAM_END - RAM_VA];

static int fake_access(uint32_t va, unsigned size, bool priv, bool write,
		       uint32_t *val, struct arm_walk_result *f)
{
	memset(f, 0, sizeof(*f));
	if (va < RAM_VA || va + size > RAM_END) {
		f->fs = ARM_FS_TRANSLATION_SECTION;
		return f->fs;
	}
	if (!priv && va >= PRIV_VA) {
		f->fs = ARM_FS_PERMISSION_SECTION;
		f->fault_domain = 3;
		return f->fs;
	}
	if (write) {
		memcpy(&ram[va - RAM_VA], val, size);
	} else {
		*val = 0;
		memcpy(val, &ram[va - RAM_VA], size);
	}
	return 0;
}

static int fake_read(void *ctx, uint32_t va, unsigned size, bool priv,
		     uint32_t *out, struct arm_walk_result *f)
{
	(void)ctx;
	return fake_access(va, size, priv, false, out, f);
}

static int fake_write(void *ctx, uint32_t va, unsigned size, bool priv,
		      uint32_t val, struct arm_walk_result *f)
{
	(void)ctx;
	return fake_access(va, size, priv, true, &val, f);
}

static inline uint32_t ram_word(uint32_t va)
{
	uint32_t v;
	memcpy(&v, &ram[va - RAM_VA], 4);
	return v;
}

static inline void set_ram_word(uint32_t va, uint32_t v)
{
	memcpy(&ram[va - RAM_VA], &v, 4);
}

/* A first-level translation table at physical TABLE_PA (B3.5.1). */
#define TABLE_PA 0x4000u
#define TABLE_ENTRIES 4096
static uint32_t table[TABLE_ENTRIES];

static int fake_walk_read(void *ctx, uint32_t pa, uint32_t *out)
{
	(void)ctx;
	if (pa < TABLE_PA || pa >= TABLE_PA + sizeof(table))
		return -1;
	*out = table[(pa - TABLE_PA) / 4];
	return 0;
}

static const struct arm_sys_mem mem = { fake_read, fake_write,
					fake_walk_read, NULL };

/* The board timer: counts the test sets, the last write remembered. */
#define FAKE_CNTVCT 0x0000000abcdef012ull
#define FAKE_FREQ 62500000u
static uint64_t timer_regs[ARM_TIMER_CNTV_TVAL + 1];
static int last_timer_write = -1;
static uint64_t fake_cntpct = 0x0000001234567890ull;

static uint64_t fake_timer_read(void *ctx, enum arm_timer_reg reg)
{
	(void)ctx;
	if (reg == ARM_TIMER_CNTPCT)
		return fake_cntpct;
	if (reg == ARM_TIMER_CNTVCT)
		return FAKE_CNTVCT;
	return timer_regs[reg];
}

static void fake_timer_write(void *ctx, enum arm_timer_reg reg, uint64_t v)
{
	(void)ctx;
	timer_regs[reg] = v;
	last_timer_write = (int)reg;
}

static const struct arm_timer_ops timer = { fake_timer_read, fake_timer_write,
					    NULL, FAKE_FREQ };

static int log_lines;
static char last_log[160];

static void fake_log(void *ctx, const char *line)
{
	(void)ctx;
	log_lines++;
	snprintf(last_log, sizeof(last_log), "%s", line);
}

static struct arm_sys s;
static struct arm_cpu cpu;

/* A freshly reset CPU, then switched to mode (a whole CPSR value). */
static void setup(uint32_t cpsr)
{
	memset(&s, 0, sizeof(s));
	memset(&cpu, 0, sizeof(cpu));
	memset(ram, 0, sizeof(ram));
	memset(table, 0, sizeof(table));
	s.timer = &timer;
	s.log = fake_log;
	log_lines = 0;
	arm_sys_reset(&s, &cpu);
	arm_sys_set_cpsr(&s, &cpu, cpsr);
}

/* Runs one instruction at pc. */
static uint32_t run(uint32_t insn, uint32_t pc)
{
	cpu.r[ARM_REG_PC] = pc;
	return arm_sys_exec(&s, &cpu, insn, &mem);
}

static uint32_t mode(void)
{
	return s.cpsr & ARM_CPSR_MODE_MASK;
}

/* The Undefined Instruction exception taken on the insn at pc from a
 * mode with the given CPSR (B1.9.7): UND mode, LR = pc + 4, vector 4. */
static inline bool took_undef(uint32_t pc, uint32_t old_cpsr)
{
	return mode() == ARM_MODE_UND && cpu.r[ARM_REG_LR] == pc + 4 &&
	       cpu.r[ARM_REG_PC] == 0x4 &&
	       s.banks.spsr[ARM_BANK_UND] == old_cpsr;
}

#endif
