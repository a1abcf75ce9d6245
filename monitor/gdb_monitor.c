/* gdb's `monitor` commands (qRcmd): the guest CPU's whole state, the
 * guest's translation of an address step by step, the shadow page tables
 * and the code cache, and the monitor's log level. */
#include <stddef.h>
#include <string.h>

#include "dbt/dbt.h"
#include "guest-arm/arm_sys.h"
#include "guest-arm/vcpu.h"
#include "lib/log.h"
#include "monitor/gdb_proto.h"
#include "monitor/gdbstub.h"
#include "shadow/shadow.h"

static const char *mode_name(uint32_t mode)
{
	switch (mode) {
	case ARM_MODE_USR: return "usr";
	case ARM_MODE_FIQ: return "fiq";
	case ARM_MODE_IRQ: return "irq";
	case ARM_MODE_SVC: return "svc";
	case ARM_MODE_ABT: return "abt";
	case ARM_MODE_UND: return "und";
	case ARM_MODE_SYS: return "sys";
	default: return "???";
	}
}

/* The banks in mode order, with the mode that owns each. */
static const uint32_t bank_modes[ARM_BANK_COUNT] = {
	[ARM_BANK_USR] = ARM_MODE_USR, [ARM_BANK_FIQ] = ARM_MODE_FIQ,
	[ARM_BANK_IRQ] = ARM_MODE_IRQ, [ARM_BANK_SVC] = ARM_MODE_SVC,
	[ARM_BANK_ABT] = ARM_MODE_ABT, [ARM_BANK_UND] = ARM_MODE_UND,
};

static void print_psr(struct gdb_out *o, const char *name, uint32_t psr)
{
	gdb_out_printf(o, "%-6s %08x  [%c%c%c%c%c %c%c%c%c %s]\n", name, psr,
		       psr & ARM_CPSR_N ? 'N' : '-', psr & ARM_CPSR_Z ? 'Z' : '-',
		       psr & ARM_CPSR_C ? 'C' : '-', psr & ARM_CPSR_V ? 'V' : '-',
		       psr & ARM_CPSR_Q ? 'Q' : '-', psr & ARM_CPSR_A ? 'A' : '-',
		       psr & ARM_CPSR_I ? 'I' : '-', psr & ARM_CPSR_F ? 'F' : '-',
		       psr & ARM_CPSR_T ? 'T' : '-', mode_name(psr & ARM_CPSR_MODE_MASK));
}

/* Banked registers: the current mode's are live in the CPU, the others
 * in the banks (B1.3.2). */
static void print_banks(struct gdb_out *o, const struct arm_sys *s,
			const struct arm_cpu *cpu)
{
	int cur = arm_sys_bank(s->cpsr & ARM_CPSR_MODE_MASK);

	for (int b = 0; b < ARM_BANK_COUNT; b++) {
		bool live = b == cur;
		uint32_t sp = live ? cpu->r[ARM_REG_SP] : s->banks.r13[b];
		uint32_t lr = live ? cpu->r[ARM_REG_LR] : s->banks.r14[b];
		gdb_out_printf(o, "%-3s    r13 %08x  r14 %08x", mode_name(bank_modes[b]), sp, lr);
		if (b != ARM_BANK_USR)
			gdb_out_printf(o, "  spsr %08x", s->banks.spsr[b]);
		gdb_out_printf(o, "%s\n", live ? "  (current)" : "");
	}
	bool in_fiq = cur == ARM_BANK_FIQ;
	const uint32_t *fiq = s->banks.fiq_r8_12, *usr = s->banks.usr_r8_12;
	gdb_out_printf(o, "fiq    r8-r12");
	for (int i = 0; i < 5; i++)
		gdb_out_printf(o, " %08x", in_fiq ? cpu->r[8 + i] : fiq[i]);
	gdb_out_printf(o, "\nusr    r8-r12");
	for (int i = 0; i < 5; i++)
		gdb_out_printf(o, " %08x", in_fiq ? usr[i] : cpu->r[8 + i]);
	gdb_out_printf(o, "\n");
}

static void print_cp15(struct gdb_out *o, const struct arm_cp15 *c)
{
	gdb_out_printf(o, "SCTLR  %08x  TTBR0 %08x  TTBR1 %08x  TTBCR %08x\n",
		       c->sctlr, c->ttbr0, c->ttbr1, c->ttbcr);
	gdb_out_printf(o, "DACR   %08x  CONTEXTIDR %08x  VBAR %08x  PAR %08x\n",
		       c->dacr, c->contextidr, c->vbar, c->par);
	gdb_out_printf(o, "DFSR   %08x  DFAR  %08x  IFSR  %08x  IFAR  %08x\n",
		       c->dfsr, c->dfar, c->ifsr, c->ifar);
	gdb_out_printf(o, "PRRR   %08x  NMRR  %08x  TPIDRURW %08x  TPIDRPRW %08x\n",
		       c->prrr, c->nmrr, c->tpidrurw, vcpu_cpu()->tpidrprw);
	gdb_out_printf(o, "CNTFRQ %08x  CNTKCTL %08x  CSSELR %08x  PMCR %08x\n",
		       c->cntfrq, c->cntkctl, c->csselr, c->pmcr);
}

static int info_registers(struct gdb_out *o, const char *arg)
{
	const struct arm_cpu *cpu = vcpu_cpu();
	const struct arm_sys *s = vcpu_sys();
	(void)arg;

	for (int i = 0; i < 16; i++)
		gdb_out_printf(o, "r%-2d %08x%s", i, cpu->r[i], i % 4 == 3 ? "\n" : "   ");
	print_psr(o, "cpsr", arm_sys_cpsr(s, cpu));
	int cur = arm_sys_bank(s->cpsr & ARM_CPSR_MODE_MASK);
	if (cur > ARM_BANK_USR)
		print_psr(o, "spsr", s->banks.spsr[cur]);
	print_banks(o, s, cpu);
	gdb_out_printf(o, "TPIDRURO %08x  irq line %d  fiq line %d\n",
		       cpu->tpidruro, s->irq_line, s->fiq_line);
	print_cp15(o, &s->cp15);
	return 0;
}

/* Parses a hexadecimal address of up to 8 digits, 0x optional. */
static int parse_addr(const char *s, uint32_t *out)
{
	uint64_t v = 0;
	int digits = 0;

	while (*s == ' ')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; *s && *s != ' '; s++, digits++) {
		int d = gdb_hex_value(*s);
		if (d < 0 || digits == 8)
			return -1;
		v = v << 4 | (uint64_t)d;
	}
	*out = (uint32_t)v;
	return digits ? 0 : -1;
}

static void walk_step(void *ctx, uint32_t pa, uint32_t desc)
{
	struct gdb_out *o = ctx;
	/* Bits [1:0] say what a descriptor is (B3.5.1, Tables B3-3/B3-4)
	 * only with its level, which the order of reads gives. */
	gdb_out_printf(o, "  descriptor at PA %08x = %08x\n", pa, desc);
}

static const char *perm_str(uint8_t p, char buf[4])
{
	buf[0] = p & ARM_PERM_R ? 'r' : '-';
	buf[1] = p & ARM_PERM_W ? 'w' : '-';
	buf[2] = p & ARM_PERM_X ? 'x' : '-';
	buf[3] = '\0';
	return buf;
}

static int info_mmu(struct gdb_out *o, const char *arg)
{
	uint32_t va;
	struct arm_walk_result r;
	const struct arm_sys *s = vcpu_sys();
	char p1[4], p0[4];

	if (parse_addr(arg, &va)) {
		gdb_out_printf(o, "usage: info mmu VA (hex)\n");
		return -1;
	}
	const struct arm_cp15 *c = &s->cp15;
	gdb_out_printf(o, "VA %08x: SCTLR.M %u, TTBCR.N %u, TTBR0 %08x, TTBR1 %08x, ASID %u, %s\n",
		       va, c->sctlr & ARM_SCTLR_M, c->ttbcr & 7, c->ttbr0, c->ttbr1,
		       c->contextidr & 0xff, arm_sys_privileged(s) ? "PL1" : "PL0");
	int fs = vcpu_debug_walk(va, walk_step, o, &r);
	if (!arm_walk_found_mapping(fs)) {
		gdb_out_printf(o, "  fault: FS %#x at level %u (DFSR would be %08x)\n",
			       fs, r.level, arm_fsr(&r, true, false));
		return 0;
	}
	gdb_out_printf(o, "  -> PA %08x, %u KiB mapping, domain %u (%s), %s, PL1 %s, PL0 %s\n",
		       r.pa, (1u << r.page_shift) >> 10, r.domain,
		       r.manager ? "manager" : "client", r.global ? "global" : "not global",
		       perm_str(r.perm_pl1, p1), perm_str(r.perm_pl0, p0));
	if (fs)
		gdb_out_printf(o, "  a read here faults: FS %#x (DFSR %08x)\n",
			       fs, arm_fsr(&r, true, false));
	return 0;
}

static int info_shadow(struct gdb_out *o, const char *arg)
{
	const struct shadow_stats *st = &shadow_stats;
	struct shadow_root_info ri;
	(void)arg;

	gdb_out_printf(o, "fills %lu (%lu read-only for code), data aborts %lu, prefetch aborts %lu\n",
		       st->fills, st->fills_ro_code, st->data_aborts, st->prefetch_aborts);
	gdb_out_printf(o, "device accesses %lu, code pages %lu, code writes %lu\n",
		       st->device_accesses, st->code_pages_protected, st->code_writes);
	gdb_out_printf(o, "cr3 loads %lu, roots made %lu, evicted %lu; tlbi all %lu asid %lu va %lu\n",
		       st->cr3_loads, st->roots_created, st->roots_evicted,
		       st->tlbi_all, st->tlbi_asid, st->tlbi_va);
	for (unsigned i = 0; shadow_root_info(i, &ri); i++)
		gdb_out_printf(o, "root pcid %2u%s %s asid %3u M/AFE %08x TTBR0 %08x TTBR1 %08x TTBCR %x DACR %08x\n",
			       ri.pcid, ri.current ? "*" : " ", ri.privileged ? "PL1" : "PL0",
			       ri.asid, ri.sctlr_m_afe, ri.ttbr0, ri.ttbr1, ri.ttbcr, ri.dacr);
	return 0;
}

static int info_tb(struct gdb_out *o, const char *arg)
{
	struct dbt_stats d;
	const struct vcpu_stats *v = vcpu_stats();
	(void)arg;

	dbt_get_stats(vcpu_dbt(), &d);
	gdb_out_printf(o, "blocks %u of %u, code %lu KiB of %lu KiB, access records %u of %u\n",
		       d.blocks, d.max_blocks, (unsigned long)(d.code_used >> 10),
		       (unsigned long)(d.code_size >> 10), d.access_records, d.max_records);
	gdb_out_printf(o, "whole-cache flushes %lu, code pages written %lu (%lu blocks dropped), breakpoints %u, single-step %s\n",
		       d.flushes, v->code_page_drops, d.blocks_dropped, d.breakpoints,
		       d.single_step ? "on" : "off");
	gdb_out_printf(o, "exits %lu: system %lu, svc %lu, undef %lu, dabt %lu, pabt %lu, irq %lu, wfi %lu, device %lu\n",
		       v->exits, v->system_insns, v->svc, v->undef, v->dabt, v->pabt,
		       v->irq, v->wfi, v->device_emulated);
	return 0;
}

static int set_log(struct gdb_out *o, const char *arg)
{
	enum log_level l;

	while (*arg == ' ')
		arg++;
	if (log_level_parse(arg, strlen(arg), &l)) {
		gdb_out_printf(o, "usage: log error|warn|info|debug\n");
		return -1;
	}
	log_set_level(l);
	gdb_out_printf(o, "log level %s\n", arg);
	return 0;
}

static int help(struct gdb_out *o, const char *arg);

static const struct {
	const char *name;
	const char *help;
	int (*run)(struct gdb_out *o, const char *arg);
} commands[] = {
	{ "help", "this list", help },
	{ "info registers", "CPU registers, banked registers, CP15", info_registers },
	{ "info mmu", "VA: the guest's translation of VA, descriptor by descriptor", info_mmu },
	{ "info shadow", "shadow page tables: roots, fills, aborts", info_shadow },
	{ "info tb", "translated code cache use and vCPU exits", info_tb },
	{ "log", "LEVEL: the monitor's log level (error, warn, info, debug)", set_log },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static int help(struct gdb_out *o, const char *arg)
{
	(void)arg;
	for (size_t i = 0; i < NCOMMANDS; i++)
		gdb_out_printf(o, "monitor %-15s %s\n", commands[i].name, commands[i].help);
	return 0;
}

int gdbstub_monitor_command(const char *cmd, struct gdb_out *out)
{
	while (*cmd == ' ')
		cmd++;
	for (size_t i = 0; i < NCOMMANDS; i++) {
		size_t n = strlen(commands[i].name);
		if (!strncmp(cmd, commands[i].name, n) && (cmd[n] == '\0' || cmd[n] == ' '))
			return commands[i].run(out, cmd + n);
	}
	gdb_out_printf(out, "unknown monitor command '%s' (try 'monitor help')\n", cmd);
	return -1;
}
