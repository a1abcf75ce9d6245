/* The performance monitors (ARM DDI 0406C C12, PMUv2) and the generic
 * timer's CP15 registers (B8, B4.1.21-B4.1.34). The PMU keeps what
 * Linux's driver and perf program and read back; there is no guest
 * cycle or event count to report, so the cycle counter runs at the
 * generic timer's rate and event counters count only SW_INCR (event
 * 0x00, written through PMSWINC). Overflow interrupts are not raised. The timer
 * registers go to the board through arm_timer_ops. */
#include "guest-arm/cp15.h"

/* PMCR (B4.1.117). */
#define PMCR_E (1u << 0)
#define PMCR_P (1u << 1)
#define PMCR_C (1u << 2)
#define PMCR_D (1u << 3)
#define PMCR_X (1u << 4)
#define PMCR_DP (1u << 5)
#define PMCR_WRITABLE (PMCR_E | PMCR_D | PMCR_X | PMCR_DP)
#define PMCR_N_SHIFT 11
#define PMCR_IDCODE_A15 (0x0fu << 16)
#define PMCR_IMP_ARM (0x41u << 24)
#define PMCR_ID (PMCR_IMP_ARM | PMCR_IDCODE_A15 | \
		 ((uint32_t)ARM_PMU_COUNTERS << PMCR_N_SHIFT))
#define PMCR_D_DIVIDER 64    /* PMCR.D: count every 64th cycle */

/* Counter bits of PMCNTENSET/CLR, PMOVSR, PMINTENSET/CLR (B4.1.118). */
#define PMU_CYCLE_BIT (1u << 31)
#define PMU_EVENT_BITS ((1u << ARM_PMU_COUNTERS) - 1)
#define PMU_BITS (PMU_CYCLE_BIT | PMU_EVENT_BITS)
#define PMU_CYCLE_SEL 31      /* PMSELR.SEL of the cycle counter (C12.8.7) */
#define PMU_SEL_MASK 0x1fu
/* PMXEVTYPER: P and U filter bits, event number (B4.1.127). */
#define PMXEVTYPER_WRITABLE 0xc00000ffu
#define PMXEVTYPER_EVENT 0xffu
#define PMU_EVENT_SW_INCR 0x00u

static uint64_t timer_now(const struct arm_sys *s)
{
	return s->timer ? s->timer->read(s->timer->ctx, ARM_TIMER_CNTPCT) : 0;
}

static bool cycles_counting(const struct arm_sys *s)
{
	return (s->cp15.pmcr & PMCR_E) && (s->cp15.pmcnten & PMU_CYCLE_BIT);
}

static uint32_t cycles(const struct arm_sys *s)
{
	if (!cycles_counting(s))
		return s->cp15.pmccntr;
	uint64_t delta = timer_now(s) - s->cp15.pmccntr_at;
	if (s->cp15.pmcr & PMCR_D)
		delta /= PMCR_D_DIVIDER;
	return s->cp15.pmccntr + (uint32_t)delta;
}

/* Called before anything that changes whether or how PMCCNTR counts. */
static void cycles_sync(struct arm_sys *s)
{
	s->cp15.pmccntr = cycles(s);
	s->cp15.pmccntr_at = timer_now(s);
}

void cp_pmu_reset(struct arm_sys *s)
{
	s->cp15.pmcr = PMCR_ID;
}

uint32_t cp_pmcr_read(struct sys_ctx *c)
{
	return (c->s->cp15.pmcr & PMCR_WRITABLE) | PMCR_ID;
}

void cp_pmcr_write(struct sys_ctx *c, uint32_t v)
{
	struct arm_cp15 *p = &c->s->cp15;

	cycles_sync(c->s);
	if (v & PMCR_C)
		p->pmccntr = 0;
	if (v & PMCR_P)
		for (unsigned i = 0; i < ARM_PMU_COUNTERS; i++)
			p->pmevcntr[i] = 0;
	p->pmcr = (p->pmcr & ~PMCR_WRITABLE) | (v & PMCR_WRITABLE);
}

uint32_t cp_pmcnten_read(struct sys_ctx *c)
{
	return c->s->cp15.pmcnten;
}

void cp_pmcntenset_write(struct sys_ctx *c, uint32_t v)
{
	cycles_sync(c->s);
	c->s->cp15.pmcnten |= v & PMU_BITS;
}

void cp_pmcntenclr_write(struct sys_ctx *c, uint32_t v)
{
	cycles_sync(c->s);
	c->s->cp15.pmcnten &= ~v;
}

uint32_t cp_pmovsr_read(struct sys_ctx *c)
{
	return c->s->cp15.pmovsr;
}

void cp_pmovsr_write(struct sys_ctx *c, uint32_t v)
{
	c->s->cp15.pmovsr &= ~v;    /* write one to clear */
}

void cp_pmswinc_write(struct sys_ctx *c, uint32_t v)
{
	struct arm_cp15 *p = &c->s->cp15;

	for (unsigned i = 0; i < ARM_PMU_COUNTERS; i++) {
		bool on = (p->pmcr & PMCR_E) && (p->pmcnten & (1u << i));
		if (!(v & (1u << i)) || !on ||
		    (p->pmxevtyper[i] & PMXEVTYPER_EVENT) != PMU_EVENT_SW_INCR)
			continue;
		if (++p->pmevcntr[i] == 0)
			p->pmovsr |= 1u << i;
	}
}

uint32_t cp_pmccntr_read(struct sys_ctx *c)
{
	return cycles(c->s);
}

void cp_pmccntr_write(struct sys_ctx *c, uint32_t v)
{
	c->s->cp15.pmccntr = v;
	c->s->cp15.pmccntr_at = timer_now(c->s);
}

/* PMSELR values past the implemented counters (other than the cycle
 * counter's 31 for PMXEVTYPER) are UNPREDICTABLE: read as zero, ignore
 * writes. */
static bool sel_counter(const struct sys_ctx *c, unsigned *sel)
{
	*sel = c->s->cp15.pmselr & PMU_SEL_MASK;
	return *sel < ARM_PMU_COUNTERS;
}

uint32_t cp_pmxevtyper_read(struct sys_ctx *c)
{
	unsigned sel;
	bool ok = sel_counter(c, &sel) || sel == PMU_CYCLE_SEL;
	return ok ? c->s->cp15.pmxevtyper[sel] : 0;
}

void cp_pmxevtyper_write(struct sys_ctx *c, uint32_t v)
{
	unsigned sel;
	if (sel_counter(c, &sel) || sel == PMU_CYCLE_SEL)
		c->s->cp15.pmxevtyper[sel] = v & PMXEVTYPER_WRITABLE;
}

uint32_t cp_pmxevcntr_read(struct sys_ctx *c)
{
	unsigned sel;
	return sel_counter(c, &sel) ? c->s->cp15.pmevcntr[sel] : 0;
}

void cp_pmxevcntr_write(struct sys_ctx *c, uint32_t v)
{
	unsigned sel;
	if (sel_counter(c, &sel))
		c->s->cp15.pmevcntr[sel] = v;
}

uint32_t cp_pmintenset_read(struct sys_ctx *c)
{
	return c->s->cp15.pmintenset;
}

void cp_pmintenset_write(struct sys_ctx *c, uint32_t v)
{
	c->s->cp15.pmintenset |= v & PMU_BITS;
}

void cp_pmintenclr_write(struct sys_ctx *c, uint32_t v)
{
	c->s->cp15.pmintenset &= ~v;
}

/* ---- generic timer -------------------------------------------------------- */

static uint32_t timer_read(struct sys_ctx *c, enum arm_timer_reg reg)
{
	const struct arm_timer_ops *t = c->s->timer;
	return (uint32_t)t->read(t->ctx, reg);
}

static void timer_write(struct sys_ctx *c, enum arm_timer_reg reg, uint32_t v)
{
	const struct arm_timer_ops *t = c->s->timer;
	t->write(t->ctx, reg, v);
}

uint32_t cp_cntp_tval_read(struct sys_ctx *c)
{
	return timer_read(c, ARM_TIMER_CNTP_TVAL);
}

void cp_cntp_tval_write(struct sys_ctx *c, uint32_t v)
{
	timer_write(c, ARM_TIMER_CNTP_TVAL, v);
}

uint32_t cp_cntp_ctl_read(struct sys_ctx *c)
{
	return timer_read(c, ARM_TIMER_CNTP_CTL);
}

void cp_cntp_ctl_write(struct sys_ctx *c, uint32_t v)
{
	timer_write(c, ARM_TIMER_CNTP_CTL, v);
}

uint32_t cp_cntv_tval_read(struct sys_ctx *c)
{
	return timer_read(c, ARM_TIMER_CNTV_TVAL);
}

void cp_cntv_tval_write(struct sys_ctx *c, uint32_t v)
{
	timer_write(c, ARM_TIMER_CNTV_TVAL, v);
}

uint32_t cp_cntv_ctl_read(struct sys_ctx *c)
{
	return timer_read(c, ARM_TIMER_CNTV_CTL);
}

void cp_cntv_ctl_write(struct sys_ctx *c, uint32_t v)
{
	timer_write(c, ARM_TIMER_CNTV_CTL, v);
}
