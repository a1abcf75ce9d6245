/* Signals in arm-run: host faults that belong to the guest (writes to
 * translated code pages, bad guest accesses), and Linux signal delivery to
 * guest handlers with ARM signal frames. */
#ifndef DBT_HOSTED_SIGNALS_H
#define DBT_HOSTED_SIGNALS_H

#include <stdint.h>

#include "dbt/arm_cpu.h"

struct dbt;

/* Installs the host fault handlers; cpu receives exit requests. */
int signals_init(struct arm_cpu *cpu, struct dbt *d);

/* After a syscall handler set r0 = result: restarts it if a signal with
 * SA_RESTART interrupted it, then delivers pending signals. */
void signals_after_syscall(struct arm_cpu *cpu, uint32_t nr,
			   uint32_t orig_r0, int64_t result);

/* Delivers pending asynchronous signals (after DBT_EXIT_REQUEST). */
void signals_deliver_pending(struct arm_cpu *cpu);

/* A synchronous guest exception (sig = SIGSEGV, SIGBUS, SIGILL, SIGTRAP)
 * at cpu's pc: runs the guest's handler or, by default, prints one line
 * (what) and ends arm-run with that signal, as the guest would die. */
void signals_guest_exception(struct arm_cpu *cpu, int sig, int code,
			     uint32_t addr, const char *what);

/* The host signal behind the last DBT_EXIT_FAULT (SIGSEGV or SIGBUS) and
 * its si_code, then forgets it; 0 when the translator itself could not
 * fetch the code (a prefetch abort). */
int signals_fault_signal(int *code);

#endif
