/* The guest CPU as the monitor runs it: the translator's user state plus
 * the ARM system state, the run loop that turns translator exits into
 * ARM exceptions and system-instruction effects, and the x86 page-fault
 * path that fills shadow entries, emulates device accesses or delivers
 * precise aborts. */
#ifndef GUEST_ARM_VCPU_H
#define GUEST_ARM_VCPU_H

#include <stdbool.h>
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
	uint64_t device_emulated, code_write_flushes;
};

int vcpu_init(const struct vcpu_board_ops *ops);
/* Resets the CPU and enters the guest at pc with r0-r2 set (the Linux
 * boot protocol: MMU off, SVC mode, IRQs and FIQs masked). */
void vcpu_reset(uint32_t pc, uint32_t r0, uint32_t r1, uint32_t r2);
enum vcpu_stop {
	VCPU_POWERED_OFF,    /* PSCI SYSTEM_OFF (or CPU_OFF of the last CPU) */
	VCPU_UNSUPPORTED,    /* the guest needs something not built yet */
};

/* Runs the guest until it stops. */
enum vcpu_stop vcpu_run(void);
/* Asks the run loop to leave translated code soon (interrupt context). */
void vcpu_kick(void);
void vcpu_print_stats(void);

#endif
