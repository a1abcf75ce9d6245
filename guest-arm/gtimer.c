/* The generic timer (ARM DDI 0406C B8.1): a 64-bit count derived from the
 * host clock and two CompareValue timers. A timer's condition is met when
 * the count has reached its CompareValue; its output is asserted while it
 * is enabled, unmasked and its condition is met (B8.1.5). */
#include "guest-arm/gtimer.h"

_Static_assert(1000000000u / GTIMER_FREQ_HZ == GTIMER_NS_PER_TICK &&
	       1000000000u % GTIMER_FREQ_HZ == 0,
	       "the counter period must be a whole number of nanoseconds");

static const unsigned gtimer_ppi[GTIMER_COUNT] = {
	[GTIMER_PHYS] = GTIMER_PPI_PHYS,
	[GTIMER_VIRT] = GTIMER_PPI_VIRT,
};

void gtimer_init(struct gtimer *t)
{
	for (unsigned i = 0; i < GTIMER_COUNT; i++) {
		t->t[i].ctl = 0;
		t->t[i].cval = 0;
		t->t[i].out = false;
	}
	t->origin_ns = t->now_ns(t->clock_ctx);
}

uint64_t gtimer_count(const struct gtimer *t)
{
	return (t->now_ns(t->clock_ctx) - t->origin_ns) / GTIMER_NS_PER_TICK;
}

/* TimerConditionMet: the count has reached CompareValue, both taken as
 * unsigned 64-bit values (B8.1.5, "CompareValue view"). */
static bool condition_met(const struct gtimer_one *o, uint64_t count)
{
	return count >= o->cval;
}

/* CTL reads: ISTATUS reports the condition whatever IMASK says while the
 * timer is enabled (B4.1.26); it is UNKNOWN while disabled, and reads 0
 * then as on QEMU. */
static uint32_t ctl_read(const struct gtimer_one *o, uint64_t count)
{
	uint32_t v = o->ctl;
	if ((o->ctl & GTIMER_CTL_ENABLE) && condition_met(o, count))
		v |= GTIMER_CTL_ISTATUS;
	return v;
}

static bool output(const struct gtimer_one *o, uint64_t count)
{
	return (ctl_read(o, count) &
		(GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK | GTIMER_CTL_ISTATUS)) ==
	       (GTIMER_CTL_ENABLE | GTIMER_CTL_ISTATUS);
}

void gtimer_update(struct gtimer *t)
{
	uint64_t count = gtimer_count(t);
	for (unsigned i = 0; i < GTIMER_COUNT; i++) {
		bool out = output(&t->t[i], count);
		if (out != t->t[i].out) {
			t->t[i].out = out;
			if (t->set_irq)
				t->set_irq(t->irq_ctx, gtimer_ppi[i], out);
		}
	}
}

/* The host time at which the count reaches cval, or UINT64_MAX if that
 * is beyond the host clock's range. */
static uint64_t cval_to_ns(const struct gtimer *t, uint64_t cval)
{
	if (cval > (UINT64_MAX - t->origin_ns) / GTIMER_NS_PER_TICK)
		return UINT64_MAX;
	return t->origin_ns + cval * GTIMER_NS_PER_TICK;
}

uint64_t gtimer_next_deadline_ns(const struct gtimer *t)
{
	uint64_t best = UINT64_MAX;
	for (unsigned i = 0; i < GTIMER_COUNT; i++) {
		const struct gtimer_one *o = &t->t[i];
		if ((o->ctl & (GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK)) !=
		    GTIMER_CTL_ENABLE || o->out)
			continue;
		uint64_t at = cval_to_ns(t, o->cval);
		if (at < best)
			best = at;
	}
	return best;
}

static struct gtimer_one *timer_of(struct gtimer *t, enum arm_timer_reg reg)
{
	bool virt = reg == ARM_TIMER_CNTV_CTL || reg == ARM_TIMER_CNTV_CVAL ||
		    reg == ARM_TIMER_CNTV_TVAL;
	return &t->t[virt ? GTIMER_VIRT : GTIMER_PHYS];
}

/* TVAL is the signed 32-bit distance from the count to CompareValue:
 * reads give (CompareValue - count)[31:0], writes set CompareValue to
 * count + SignExtend(TVAL) (B8.1.5, "TimerValue view"). */
uint64_t gtimer_read(void *ctx, enum arm_timer_reg reg)
{
	struct gtimer *t = ctx;
	struct gtimer_one *o = timer_of(t, reg);
	uint64_t count = gtimer_count(t);

	switch (reg) {
	case ARM_TIMER_CNTPCT:
	case ARM_TIMER_CNTVCT:
		return count;
	case ARM_TIMER_CNTP_CTL:
	case ARM_TIMER_CNTV_CTL:
		return ctl_read(o, count);
	case ARM_TIMER_CNTP_CVAL:
	case ARM_TIMER_CNTV_CVAL:
		return o->cval;
	case ARM_TIMER_CNTP_TVAL:
	case ARM_TIMER_CNTV_TVAL:
		return (uint32_t)(o->cval - count);
	}
	return 0;
}

void gtimer_write(void *ctx, enum arm_timer_reg reg, uint64_t val)
{
	struct gtimer *t = ctx;
	struct gtimer_one *o = timer_of(t, reg);

	switch (reg) {
	case ARM_TIMER_CNTPCT:
	case ARM_TIMER_CNTVCT:
		return;   /* read-only counts */
	case ARM_TIMER_CNTP_CTL:
	case ARM_TIMER_CNTV_CTL:
		o->ctl = (uint32_t)val & (GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK);
		break;
	case ARM_TIMER_CNTP_CVAL:
	case ARM_TIMER_CNTV_CVAL:
		o->cval = val;
		break;
	case ARM_TIMER_CNTP_TVAL:
	case ARM_TIMER_CNTV_TVAL:
		o->cval = gtimer_count(t) + (uint64_t)(int64_t)(int32_t)(uint32_t)val;
		break;
	}
	gtimer_update(t);
}

void gtimer_bind_ops(struct gtimer *t, struct arm_timer_ops *ops)
{
	ops->read = gtimer_read;
	ops->write = gtimer_write;
	ops->ctx = t;
	ops->freq_hz = GTIMER_FREQ_HZ;
}
