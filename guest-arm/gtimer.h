/* The ARM generic timer of one CPU (ARM DDI 0406C B8): the counter, read
 * from a host clock, and the physical and virtual timers with their
 * interrupt outputs (PPIs 30 and 27 on the virt board). The model knows
 * nothing of the monitor: the embedder supplies the clock, takes the
 * interrupt levels through a callback and arms a host timer for
 * gtimer_next_deadline_ns(). */
#ifndef GUEST_ARM_GTIMER_H
#define GUEST_ARM_GTIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "guest-arm/arm_sys.h"

/* CNTFRQ of QEMU's virt board with a cortex-a15: 62.5 MHz, a tick every
 * 16 ns exactly, so counts convert to host nanoseconds without division
 * by the frequency. */
#define GTIMER_FREQ_HZ 62500000u
#define GTIMER_NS_PER_TICK 16u

/* Interrupt IDs of the timer outputs on the virt board (the device
 * tree's timer node: secure 29, non-secure physical 30, virtual 27,
 * hypervisor 26). */
#define GTIMER_PPI_PHYS 30u
#define GTIMER_PPI_VIRT 27u

/* CNTP_CTL / CNTV_CTL (B4.1.26, B4.1.30). */
#define GTIMER_CTL_ENABLE (1u << 0)
#define GTIMER_CTL_IMASK (1u << 1)
#define GTIMER_CTL_ISTATUS (1u << 2)

enum gtimer_which { GTIMER_PHYS, GTIMER_VIRT, GTIMER_COUNT };

typedef uint64_t (*gtimer_clock_fn)(void *ctx);
/* A timer output changed: ppi is GTIMER_PPI_PHYS or GTIMER_PPI_VIRT. */
typedef void (*gtimer_irq_fn)(void *ctx, unsigned ppi, bool level);

struct gtimer_one {
	uint32_t ctl;      /* ENABLE and IMASK; ISTATUS is computed */
	uint64_t cval;
	bool out;
};

struct gtimer {
	struct gtimer_one t[GTIMER_COUNT];
	uint64_t origin_ns;   /* host time at which the count was 0 */
	/* Set by the embedder before gtimer_init(). */
	gtimer_clock_fn now_ns;
	void *clock_ctx;
	gtimer_irq_fn set_irq;
	void *irq_ctx;
};

/* Reset: the count starts at 0 now, both timers disabled with compare
 * value 0, outputs low. Keeps the callbacks. */
void gtimer_init(struct gtimer *t);

/* CNTPCT (= CNTVCT, CNTVOFF being 0) at the current host time. */
uint64_t gtimer_count(const struct gtimer *t);

/* Re-evaluates both outputs at the current time and reports changes
 * through set_irq. Call from the host timer interrupt; register writes
 * through gtimer_write already do. */
void gtimer_update(struct gtimer *t);

/* The earliest host time at which an enabled, unmasked timer whose
 * output is not yet asserted will fire; UINT64_MAX if none. */
uint64_t gtimer_next_deadline_ns(const struct gtimer *t);

/* The timer registers as arm_sys reaches them (struct arm_timer_ops):
 * ctx is the struct gtimer. */
uint64_t gtimer_read(void *ctx, enum arm_timer_reg reg);
void gtimer_write(void *ctx, enum arm_timer_reg reg, uint64_t val);

/* Fills ops for arm_sys.timer with this timer. */
void gtimer_bind_ops(struct gtimer *t, struct arm_timer_ops *ops);

#endif
