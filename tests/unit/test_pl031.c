/* PL031 RTC model (guest-arm/pl031.c) against ARM DDI 0224 (register map
 * and reset values, 3.2 Table 3-1; match interrupt, 3.3) with a fake host
 * clock; identification bytes and the always-running counter as
 * qemu-system-arm's pl031 reports them. */
#include <stdbool.h>

#include "check.h"
#include "guest-arm/pl031.h"

/* 2026-11-23 00:00:00 UTC (Python: calendar.timegm). */
#define HOST_START 1795392000ull

static uint64_t host_now;
static unsigned irq_changes, alarm_changes, bad_accesses;
static bool irq_level;
static uint64_t alarm_at;

static uint64_t fake_now(void *ctx)
{
	(void)ctx;
	return host_now;
}

static void fake_irq(void *ctx, bool level)
{
	(void)ctx;
	irq_level = level;
	irq_changes++;
}

static void fake_alarm(void *ctx, uint64_t at_s)
{
	(void)ctx;
	alarm_at = at_s;
	alarm_changes++;
}

static void fake_log(void *ctx, bool write, uint32_t offset)
{
	(void)ctx;
	(void)write;
	(void)offset;
	bad_accesses++;
}

static void setup(struct pl031 *rtc)
{
	const struct pl031_ops ops = { fake_now, fake_irq, fake_alarm, fake_log,
				       NULL };

	host_now = HOST_START;
	irq_changes = alarm_changes = bad_accesses = 0;
	irq_level = false;
	alarm_at = 0;
	pl031_init(rtc, &ops);
}

static uint32_t rd(struct pl031 *rtc, uint32_t off)
{
	return pl031_read(rtc, off, 4);
}

static void wr(struct pl031 *rtc, uint32_t off, uint32_t v)
{
	pl031_write(rtc, off, 4, v);
}

/* Table 3-1: MR, LR, IMSC, RIS, MIS reset to 0; DR is the host time. */
static void test_reset_values(void)
{
	struct pl031 rtc;

	setup(&rtc);
	CHECK_EQ(rd(&rtc, PL031_DR), 1795392000u);
	CHECK_EQ(rd(&rtc, PL031_MR), 0);
	CHECK_EQ(rd(&rtc, PL031_LR), 0);
	CHECK_EQ(rd(&rtc, PL031_CR), 1); /* QEMU: permanently started */
	CHECK_EQ(rd(&rtc, PL031_IMSC), 0);
	CHECK_EQ(rd(&rtc, PL031_RIS), 0);
	CHECK_EQ(rd(&rtc, PL031_MIS), 0);
	CHECK(!pl031_irq_line(&rtc));
	CHECK_EQ(bad_accesses, 0);
	host_now += 5;
	CHECK_EQ(rd(&rtc, PL031_DR), 1795392005u);
}

static void test_id_registers(void)
{
	static const uint32_t expect[8] = { 0x31, 0x10, 0x14, 0x00,
					    0x0D, 0xF0, 0x05, 0xB1 };
	struct pl031 rtc;

	setup(&rtc);
	for (unsigned i = 0; i < 8; i++)
		CHECK_EQ(rd(&rtc, PL031_PERIPHID0 + 4 * i), expect[i]);
}

/* RTCLR loads the counter, which then counts on; RTCLR reads back the
 * last value written. The counter is 32 bits and wraps. */
static void test_load(void)
{
	struct pl031 rtc;

	setup(&rtc);
	wr(&rtc, PL031_LR, 1000);
	CHECK_EQ(rd(&rtc, PL031_DR), 1000);
	CHECK_EQ(rd(&rtc, PL031_LR), 1000);
	host_now += 7;
	CHECK_EQ(rd(&rtc, PL031_DR), 1007);
	CHECK_EQ(rd(&rtc, PL031_LR), 1000);
	wr(&rtc, PL031_LR, 0xFFFFFFFEu);
	host_now += 3;
	CHECK_EQ(rd(&rtc, PL031_DR), 1);
	/* DR is read-only; CR writes do not stop the counter. */
	wr(&rtc, PL031_DR, 5);
	wr(&rtc, PL031_CR, 0);
	CHECK_EQ(rd(&rtc, PL031_DR), 1);
	CHECK_EQ(rd(&rtc, PL031_CR), 1);
	CHECK_EQ(bad_accesses, 1);
}

/* The match interrupt: RIS goes up when DR reaches MR, MIS and the line
 * follow IMSC, ICR clears (3.3). */
static void test_alarm(void)
{
	struct pl031 rtc;

	setup(&rtc);
	wr(&rtc, PL031_LR, 100);
	wr(&rtc, PL031_MR, 130);
	CHECK_EQ(rd(&rtc, PL031_MR), 130);
	CHECK_EQ(pl031_next_alarm(&rtc), HOST_START + 30);
	CHECK_EQ(alarm_at, HOST_START + 30);
	wr(&rtc, PL031_IMSC, ~0u);
	CHECK_EQ(rd(&rtc, PL031_IMSC), PL031_INT_MATCH);
	host_now += 29;
	CHECK(!pl031_poll(&rtc));
	CHECK_EQ(rd(&rtc, PL031_RIS), 0);
	host_now += 1;
	CHECK_EQ(rd(&rtc, PL031_DR), 130);
	CHECK(pl031_poll(&rtc));
	CHECK(irq_level);
	CHECK_EQ(rd(&rtc, PL031_RIS), 1);
	CHECK_EQ(rd(&rtc, PL031_MIS), 1);
	/* The next match is one counter period later. */
	CHECK_EQ(pl031_next_alarm(&rtc), HOST_START + 30 + (1ull << 32));
	wr(&rtc, PL031_ICR, 1);
	CHECK(!irq_level);
	CHECK_EQ(rd(&rtc, PL031_RIS), 0);
	CHECK_EQ(irq_changes, 2);
}

/* A masked match still shows in RIS, found by a read without a poll. */
static void test_masked_alarm_seen_by_read(void)
{
	struct pl031 rtc;

	setup(&rtc);
	wr(&rtc, PL031_MR, 1795392010u);
	host_now += 50; /* the embedder's timer fired late */
	CHECK_EQ(rd(&rtc, PL031_RIS), 1);
	CHECK_EQ(rd(&rtc, PL031_MIS), 0);
	CHECK(!irq_level);
	wr(&rtc, PL031_IMSC, 1);
	CHECK(irq_level);
	wr(&rtc, PL031_IMSC, 0);
	CHECK(!irq_level);
}

/* Writing MR equal to DR, or loading DR with MR, matches at once. */
static void test_immediate_match(void)
{
	struct pl031 rtc;

	setup(&rtc);
	wr(&rtc, PL031_IMSC, 1);
	wr(&rtc, PL031_MR, 1795392000u);
	CHECK(irq_level);
	wr(&rtc, PL031_ICR, 1);
	CHECK(!irq_level);
	wr(&rtc, PL031_MR, 42);
	wr(&rtc, PL031_LR, 42);
	CHECK(irq_level);
	CHECK_EQ(alarm_changes, 4); /* init, MR, MR, LR */
	pl031_reset(&rtc);
	CHECK(!irq_level);
	CHECK_EQ(rd(&rtc, PL031_DR), 42); /* time survives reset */
	CHECK_EQ(rd(&rtc, PL031_MR), 0);
}

static void test_bad_accesses(void)
{
	struct pl031 rtc;

	setup(&rtc);
	CHECK_EQ(rd(&rtc, 0x020), 0);
	CHECK_EQ(rd(&rtc, PL031_ICR), 0);
	CHECK_EQ(pl031_read(&rtc, PL031_MR + 2, 2), 0);
	wr(&rtc, PL031_RIS, 1);
	CHECK_EQ(bad_accesses, 4);
	CHECK_EQ(pl031_read(&rtc, PL031_DR, 2), 1795392000u & 0xFFFF);
}

int main(void)
{
	test_reset_values();
	test_id_registers();
	test_load();
	test_alarm();
	test_masked_alarm_seen_by_read();
	test_immediate_match();
	test_bad_accesses();
	return check_report("pl031");
}
