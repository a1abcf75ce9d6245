/* The guest CPU as the monitor runs it: the translator's user state plus
 * the ARM system state, the run loop that turns translator exits into
 * ARM exceptions and system-instruction effects, and the x86 page-fault
 * path that fills shadow entries, emulates device accesses or delivers
 * precise aborts. */
#ifndef GUEST_ARM_VCPU_H
#define GUEST_ARM_VCPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dbt/arm_cpu.h"
#include "guest-arm/arm_sys.h"

/* What the board does for the run loop. */
struct vcpu_board_ops {
	/* HVC/SMC (PSCI): reads and writes r0-r3; returns false to stop. */
	bool (*call)(struct arm_cpu *cpu, bool is_smc, uint32_t imm);
	/* Raises or lowers sys->irq_line/fiq_line from device state. */
	void (*update_irqs)(struct arm_sys *sys);
	/* The generic timer's registers (NULL: they are UNDEFINED). */
	const struct arm_timer_ops *timer;
};

struct vcpu_stats {
	uint64_t exits, svc, undef, system_insns, dabt, pabt, irq, wfi;
	uint64_t device_emulated, code_page_drops;
};

int vcpu_init(const struct vcpu_board_ops *ops);
/* Resets the CPU and enters the guest at pc with r0-r2 set (the Linux
 * boot protocol: MMU off, SVC mode, IRQs and FIQs masked). */
void vcpu_reset(uint32_t pc, uint32_t r0, uint32_t r1, uint32_t r2);
enum vcpu_stop {
	VCPU_POWERED_OFF,    /* PSCI SYSTEM_OFF (or CPU_OFF of the last CPU) */
	VCPU_DEBUG,          /* a debug event: vcpu_debug_event() says which */
	VCPU_KILLED,         /* the debugger ended the guest (gdbstub_run()) */
};

/* Runs the guest until it stops. */
enum vcpu_stop vcpu_run(void);
/* Asks the run loop to leave translated code soon (interrupt context). */
void vcpu_kick(void);
void vcpu_print_stats(void);

/* ---- debugging (monitor/gdbstub.c) ----------------------------------------
 * All of these are called while vcpu_run() is not running, except
 * vcpu_debug_request(). */

enum vcpu_debug_kind {
	VCPU_DBG_REQUEST,    /* vcpu_debug_request() was called */
	VCPU_DBG_BREAK,      /* pc reached a breakpoint, not executed */
	VCPU_DBG_STEP,       /* single-step: one instruction (or the exception
			      * it raised) done */
	VCPU_DBG_WATCH,      /* an access hit a watchpoint; the instruction
			      * has not been executed (pc is it) */
};

/* Watchpoint kinds, OR-able. */
#define VCPU_WATCH_READ 1u
#define VCPU_WATCH_WRITE 2u
#define VCPU_MAX_WATCHPOINTS 16

struct vcpu_watch {
	uint32_t addr, len;  /* guest virtual, len >= 1 */
	uint32_t kinds;      /* VCPU_WATCH_* */
};

struct vcpu_debug_event {
	enum vcpu_debug_kind kind;
	uint32_t watch_index; /* VCPU_DBG_WATCH: which of vcpu_set_watchpoints()'s */
	uint32_t watch_kind;  /* VCPU_DBG_WATCH: VCPU_WATCH_READ or _WRITE */
};

/* Why vcpu_run() last returned VCPU_DEBUG. */
struct vcpu_debug_event vcpu_debug_event(void);
/* From interrupt context too: vcpu_run() returns VCPU_DEBUG
 * (VCPU_DBG_REQUEST) at the next instruction boundary. */
void vcpu_debug_request(void);
/* Single-step: vcpu_run() executes one instruction, without taking
 * interrupts (a step never wanders into a handler), then returns. */
void vcpu_set_single_step(bool on);
/* Breakpoints and watchpoints by guest virtual address, replacing the
 * previous sets; -1 when there are too many (nothing changed). */
int vcpu_set_breakpoints(const uint32_t *va, unsigned n);
int vcpu_set_watchpoints(const struct vcpu_watch *w, unsigned n);

/* The guest CPU's state for a debugger. */
struct arm_cpu *vcpu_cpu(void);
struct arm_sys *vcpu_sys(void);
const struct vcpu_stats *vcpu_stats(void);
struct dbt *vcpu_dbt(void);
/* Reads or writes guest memory by virtual address through the current
 * translation, as a debugger does: permissions are not checked, only RAM
 * is reached (never a device, whose registers have side effects). Returns
 * the bytes done before the first that is not mapped to RAM. A write
 * drops translations of code it changes. */
size_t vcpu_debug_read(uint32_t va, void *buf, size_t len);
size_t vcpu_debug_write(uint32_t va, const void *buf, size_t len);
/* The guest's translation of va as the MMU does it, with every
 * descriptor read reported to step (for `info mmu`). */
int vcpu_debug_walk(uint32_t va, void (*step)(void *ctx, uint32_t pa, uint32_t desc),
		    void *ctx, struct arm_walk_result *r);

#endif
