/* The generic timer model (guest-arm/gtimer.c) against a fake host
 * clock. Expected values follow ARM DDI 0406C B8.1 (counter and timers:
 * B8.1.5 CompareValue and TimerValue views) and B4.1.26/B4.1.30 (CTL
 * bits), with QEMU virt's 62.5 MHz counter (16 ns per tick). */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "guest-arm/gic.h"
#include "guest-arm/gtimer.h"

#define START_NS 5000000u      /* the host clock when the guest resets */

static uint64_t clock_ns;
static struct gtimer timer;
static struct arm_timer_ops ops;
static unsigned irq_calls;
static bool ppi_level[32];

static uint64_t fake_now(void *ctx)
{
	(void)ctx;
	return clock_ns;
}

static void fake_irq(void *ctx, unsigned ppi, bool level)
{
	(void)ctx;
	irq_calls++;
	ppi_level[ppi] = level;
}

static void reset(void)
{
	memset(&timer, 0, sizeof(timer));
	memset(ppi_level, 0, sizeof(ppi_level));
	irq_calls = 0;
	clock_ns = START_NS;
	timer.now_ns = fake_now;
	timer.set_irq = fake_irq;
	gtimer_init(&timer);
	gtimer_bind_ops(&timer, &ops);
}

static uint64_t rd(enum arm_timer_reg r) { return ops.read(ops.ctx, r); }
static void wr(enum arm_timer_reg r, uint64_t v) { ops.write(ops.ctx, r, v); }

static void advance_ticks(uint64_t ticks)
{
	clock_ns += ticks * 16;
	gtimer_update(&timer);
}

/* CNTFRQ 62500000 as on QEMU virt; the count advances one tick per 16 ns
 * from reset (B8.1.1), rounding down; CNTVCT equals CNTPCT with CNTVOFF
 * 0 (B8.1.2). */
static void test_counter(void)
{
	reset();
	CHECK_EQ(ops.freq_hz, 62500000);
	CHECK_EQ(rd(ARM_TIMER_CNTPCT), 0);
	clock_ns += 1000;
	CHECK_EQ(rd(ARM_TIMER_CNTPCT), 62);
	CHECK_EQ(rd(ARM_TIMER_CNTVCT), 62);
	clock_ns = START_NS + 62500000ull * 16 * 3;   /* 3 s later */
	CHECK_EQ(rd(ARM_TIMER_CNTPCT), 187500000ull);
	wr(ARM_TIMER_CNTPCT, 5);                       /* read-only */
	CHECK_EQ(rd(ARM_TIMER_CNTPCT), 187500000ull);
}

/* B8.1.5: TVAL reads (CVAL - count)[31:0] and a TVAL write sets CVAL to
 * count + SignExtend(TVAL); TVAL goes negative once the count passes
 * CVAL. */
static void test_tval_cval(void)
{
	reset();
	advance_ticks(1000);
	wr(ARM_TIMER_CNTP_TVAL, 100);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CVAL), 1100);
	CHECK_EQ(rd(ARM_TIMER_CNTP_TVAL), 100);
	advance_ticks(40);
	CHECK_EQ(rd(ARM_TIMER_CNTP_TVAL), 60);
	advance_ticks(70);
	CHECK_EQ(rd(ARM_TIMER_CNTP_TVAL), 0xfffffff6);   /* -10 */
	wr(ARM_TIMER_CNTP_TVAL, 0xffffff00);               /* -256 */
	CHECK_EQ(rd(ARM_TIMER_CNTP_CVAL), 1110 - 256);
	wr(ARM_TIMER_CNTP_CVAL, 0x123456789aull);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CVAL), 0x123456789aull);
	CHECK_EQ(rd(ARM_TIMER_CNTP_TVAL), (uint32_t)(0x123456789aull - 1110));
	/* The virtual timer has its own registers. */
	wr(ARM_TIMER_CNTV_TVAL, 7);
	CHECK_EQ(rd(ARM_TIMER_CNTV_CVAL), 1117);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CVAL), 0x123456789aull);
}

/* B4.1.26: ISTATUS reports the condition while the timer is enabled,
 * whatever IMASK says; the output is ENABLE && !IMASK && ISTATUS;
 * ISTATUS is read-only. */
static void test_ctl_and_output(void)
{
	reset();
	wr(ARM_TIMER_CNTP_CVAL, 50);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 0);
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE | GTIMER_CTL_ISTATUS);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 1);
	CHECK_EQ(irq_calls, 0);
	advance_ticks(49);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 1);
	CHECK(!ppi_level[30]);
	advance_ticks(1);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 5);
	CHECK(ppi_level[30]);
	CHECK_EQ(irq_calls, 1);
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 7);
	CHECK(!ppi_level[30]);
	CHECK_EQ(irq_calls, 2);
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE);
	CHECK(ppi_level[30]);
	/* Moving CVAL ahead clears the condition and the output. */
	wr(ARM_TIMER_CNTP_TVAL, 10);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 1);
	CHECK(!ppi_level[30]);
	advance_ticks(10);
	CHECK(ppi_level[30]);
	wr(ARM_TIMER_CNTP_CTL, 0);
	CHECK(!ppi_level[30]);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 0);
	CHECK_EQ(irq_calls, 6);
	/* Repeated updates report nothing new. */
	gtimer_update(&timer);
	CHECK_EQ(irq_calls, 6);
}

/* The virtual timer drives PPI 27, the physical one PPI 30. */
static void test_virtual_timer_ppi(void)
{
	reset();
	wr(ARM_TIMER_CNTV_TVAL, 0);
	wr(ARM_TIMER_CNTV_CTL, GTIMER_CTL_ENABLE);
	CHECK(ppi_level[27]);
	CHECK(!ppi_level[30]);
	CHECK_EQ(rd(ARM_TIMER_CNTV_CTL), 5);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 0);
}

/* The next host deadline: the earliest CVAL of an enabled, unmasked
 * timer not already firing, in host ns (origin + CVAL * 16). */
static void test_deadlines(void)
{
	reset();
	CHECK_EQ(gtimer_next_deadline_ns(&timer), UINT64_MAX);
	wr(ARM_TIMER_CNTP_CVAL, 1000);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), UINT64_MAX);   /* disabled */
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), START_NS + 16000);
	wr(ARM_TIMER_CNTV_CVAL, 500);
	wr(ARM_TIMER_CNTV_CTL, GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), START_NS + 16000);
	wr(ARM_TIMER_CNTV_CTL, GTIMER_CTL_ENABLE);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), START_NS + 8000);
	/* One ns before the deadline the count is still 499. */
	clock_ns = START_NS + 8000 - 1;
	gtimer_update(&timer);
	CHECK(!ppi_level[27]);
	clock_ns = START_NS + 8000;
	gtimer_update(&timer);
	CHECK(ppi_level[27]);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), START_NS + 16000);
	clock_ns = START_NS + 16000;
	gtimer_update(&timer);
	CHECK(ppi_level[30]);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), UINT64_MAX);
	/* A compare value beyond the host clock's range never fires. */
	wr(ARM_TIMER_CNTP_CVAL, UINT64_MAX);
	CHECK(!ppi_level[30]);
	wr(ARM_TIMER_CNTV_CTL, 0);
	CHECK_EQ(gtimer_next_deadline_ns(&timer), UINT64_MAX);
}

/* gtimer_init is the reset: both timers off, outputs low, count 0. */
static void test_reset_keeps_callbacks(void)
{
	reset();
	clock_ns += 1600;
	gtimer_init(&timer);
	CHECK_EQ(rd(ARM_TIMER_CNTPCT), 0);
	CHECK_EQ(rd(ARM_TIMER_CNTP_CTL), 0);
	CHECK_EQ(rd(ARM_TIMER_CNTV_CVAL), 0);
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE);
	CHECK(ppi_level[30]);          /* CVAL 0 <= count 0 */
}

static void to_gic(void *ctx, unsigned ppi, bool level)
{
	gic_set_irq(ctx, ppi, level);
}

/* The board's wiring: the physical timer's output reaches the CPU as
 * PPI 30 through the GIC, and Linux's handler sequence (acknowledge,
 * mask the timer with IMASK, EOI) leaves nothing pending (IHI 0048B 3.2,
 * level-sensitive interrupts). */
static void test_timer_drives_gic(void)
{
	static struct gic gic;
	reset();
	gic_init(&gic);
	timer.set_irq = to_gic;
	timer.irq_ctx = &gic;
	gic_dist_write(&gic, 0x000, 4, 1);
	gic_cpu_write(&gic, 0x00, 4, 1);
	gic_cpu_write(&gic, 0x04, 4, 0xf0);
	gic_dist_write(&gic, 0x400 + GTIMER_PPI_PHYS, 1, 0xa0);
	gic_dist_write(&gic, 0x100, 4, 1u << GTIMER_PPI_PHYS);
	wr(ARM_TIMER_CNTP_TVAL, 100);
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE);
	advance_ticks(99);
	CHECK(!gic_irq_line(&gic));
	advance_ticks(1);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(gic_cpu_read(&gic, 0x0c, 4), GTIMER_PPI_PHYS);
	CHECK(!gic_irq_line(&gic));
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK);
	gic_cpu_write(&gic, 0x10, 4, GTIMER_PPI_PHYS);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(gic_cpu_read(&gic, 0x0c, 4), GIC_SPURIOUS);
	/* Re-arming: a new TVAL clears the condition, unmasking is safe. */
	wr(ARM_TIMER_CNTP_TVAL, 50);
	wr(ARM_TIMER_CNTP_CTL, GTIMER_CTL_ENABLE);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(gtimer_next_deadline_ns(&timer), START_NS + (100 + 50) * 16);
}

int main(void)
{
	test_counter();
	test_tval_cval();
	test_ctl_and_output();
	test_virtual_timer_ppi();
	test_deadlines();
	test_reset_keeps_callbacks();
	test_timer_drives_gic();
	return check_report("gtimer");
}
