/* arm-run: runs a static ARM EABI Linux executable on x86-64 Linux with
 * armvisor's translator. Usage: arm-run [-0 argv0] program [args...]
 * It sets up the guest's address space (guest_mem.c), loads the program
 * and its stack, and loops on dbt_run(), serving system calls and guest
 * exceptions as an ARM Linux kernel would. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dbt/dbt.h"
#include "code_cache.h"
#include "elf_load.h"
#include "guest_mem.h"
#include "guest_stack.h"
#include "kuser.h"
#include "signals.h"
#include "sys.h"

#define CODE_CACHE_SIZE (64u << 20)
#define EXIT_CANNOT_RUN 126 /* shell convention: found but not runnable */
#define EXIT_NOT_FOUND 127
#define EXIT_USAGE 2

extern char **environ;

struct options {
	const char *argv0; /* guest argv[0]; default: the program path */
	const char *path;
	int argc;          /* guest argv from argv[0] on */
	char **argv;
};

static _Noreturn void die(int code, const char *fmt, const char *a,
			  const char *b)
{
	fprintf(stderr, "arm-run: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	exit(code);
}

static void parse(int argc, char **argv, struct options *o)
{
	int i = 1;

	o->argv0 = NULL;
	if (i + 1 < argc && !strcmp(argv[i], "-0")) {
		o->argv0 = argv[i + 1];
		i += 2;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc || argv[i][0] == '-')
		die(EXIT_USAGE, "usage: arm-run [-0 argv0] program [args...]%s%s",
		    "", "");
	o->path = argv[i];
	o->argc = argc - i;
	o->argv = argv + i;
	if (o->argv0)
		o->argv[0] = (char *)o->argv0;
}

/* Address space, program, kuser page and stack; returns the entry and
 * initial sp. */
static void load(const struct options *o, const char *exe, uint32_t *pc,
		 uint32_t *sp)
{
	struct elf_image img;
	char err[256];
	int r;

	if ((r = guest_mem_init()))
		die(EXIT_CANNOT_RUN, "cannot reserve the low 4 GiB: %s%s",
		    strerror(-r), "");
	if (elf_load(exe, &img, err, sizeof(err)))
		die(EXIT_CANNOT_RUN, "%s: %s", o->path, err);
	guest_mem_brk_init(img.brk);
	if ((r = kuser_map()))
		die(EXIT_CANNOT_RUN, "cannot map the kuser page: %s%s",
		    strerror(-r), "");
	r = guest_stack_setup(&img, o->argc, o->argv, environ, o->path, sp);
	if (r)
		die(EXIT_CANNOT_RUN, "cannot build the stack: %s%s",
		    strerror(-r), "");
	*pc = img.entry;
}

static struct dbt *start_translator(struct arm_cpu *cpu)
{
	struct dbt_config cfg = { .code_size = CODE_CACHE_SIZE };
	struct dbt *d;
	int r = code_cache_alloc(cfg.code_size, &cfg.code_buf);

	if (r)
		die(EXIT_CANNOT_RUN, "no code cache within rel32 reach of "
				     "arm-run's text: %s%s", strerror(-r), "");
	if ((r = dbt_init(&d, &cfg)))
		die(EXIT_CANNOT_RUN, "translator init failed: %s%s",
		    strerror(r < 0 ? -r : r), "");
	guest_mem_set_dbt(d);
	if ((r = signals_init(cpu, d)))
		die(EXIT_CANNOT_RUN, "cannot install signal handlers: %s%s",
		    strerror(-r), "");
	return d;
}

static void on_fault_exit(struct arm_cpu *cpu)
{
	char what[128];
	int code, sig = signals_fault_signal(&code);
	uint32_t pc = cpu->r[ARM_REG_PC];

	if (!sig) { /* the translator could not fetch code: prefetch abort */
		code = guest_mem_accessible(pc, 1, 0) ? SEGV_ACCERR : SEGV_MAPERR;
		snprintf(what, sizeof(what),
			 "guest SIGSEGV: cannot execute at pc 0x%08x", pc);
		signals_guest_exception(cpu, SIGSEGV, code, pc, what);
		return;
	}
	snprintf(what, sizeof(what),
		 "guest %s at pc 0x%08x: bad %s of address 0x%08x",
		 sig == SIGBUS ? "SIGBUS" : "SIGSEGV", pc,
		 cpu->fault_is_write ? "write" : "read", cpu->fault_addr);
	signals_guest_exception(cpu, sig, code, cpu->fault_addr, what);
}

static void on_undef(struct arm_cpu *cpu, int sig, const char *kind)
{
	char what[128];
	uint32_t pc = cpu->r[ARM_REG_PC];

	if (guest_mem_accessible(pc, 4, GUEST_PROT_READ))
		snprintf(what, sizeof(what), "guest %s at pc 0x%08x (0x%08x)",
			 kind, pc, *(const uint32_t *)guest_ptr(pc));
	else
		snprintf(what, sizeof(what), "guest %s at pc 0x%08x", kind, pc);
	signals_guest_exception(cpu, sig, sig == SIGILL ? ILL_ILLOPC : TRAP_BRKPT,
				pc, what);
}

static _Noreturn void run(struct dbt *d, struct arm_cpu *cpu)
{
	for (;;) {
		enum dbt_exit e = dbt_run(d, cpu);

		switch (e) {
		case DBT_EXIT_SVC:
			sys_handle(cpu);
			break;
		case DBT_EXIT_REQUEST:
			signals_deliver_pending(cpu);
			break;
		case DBT_EXIT_FAULT:
			on_fault_exit(cpu);
			break;
		case DBT_EXIT_UNDEF:
			on_undef(cpu, SIGILL, "undefined instruction");
			break;
		case DBT_EXIT_BKPT:
			on_undef(cpu, SIGTRAP, "breakpoint");
			break;
		case DBT_EXIT_SYSTEM:
		case DBT_EXIT_ALIGN:
		case DBT_EXIT_DEBUG:
		case DBT_EXIT_STEP:
			/* System mode and debugging, which arm-run never asks for. */
			die(EXIT_CANNOT_RUN, "translator returned a %s exit%s",
			    "system-mode or debugging", "");
		}
	}
}

int main(int argc, char **argv)
{
	static struct arm_cpu cpu;
	struct options o;
	char exe[PATH_MAX], self[PATH_MAX];
	uint32_t pc, sp;
	struct dbt *d;

	parse(argc, argv, &o);
	if (!realpath(o.path, exe))
		die(errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN, "%s: %s",
		    o.path, strerror(errno));
	if (!realpath("/proc/self/exe", self))
		die(EXIT_CANNOT_RUN, "cannot find myself: %s%s",
		    strerror(errno), "");
	load(&o, exe, &pc, &sp);
	sys_init(exe, self);
	d = start_translator(&cpu);
	cpu.r[ARM_REG_SP] = sp;
	/* An entry point with bit 0 set is Thumb code, as for exec(). */
	cpu.r[ARM_REG_PC] = pc & ~1u;
	cpu.exclusive_addr = ~0u;
	arm_cpu_set_cpsr(&cpu, ARM_MODE_USR | ((pc & 1u) ? ARM_CPSR_T : 0));
	run(d, &cpu);
}
