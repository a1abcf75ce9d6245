/* PL031 RTC model (ARM DDI 0224). The counter is never stored: RTCDR is
 * computed from the host clock and an offset, and the match is kept as
 * the host second at which the counter will equal RTCMR, so the embedder
 * needs no periodic tick, only a timer for that second. */
#include "guest-arm/pl031.h"

/* RTCDR and RTCMR are 32-bit counts of seconds: a match recurs every 2^32
 * seconds after the counter wraps. */
#define COUNTER_PERIOD_S (1ull << 32)

/* RTCPeriphID0-3 and RTCPCellID0-3 (3.3) as QEMU reports them: part
 * 0x031, designer ARM (0x41), revision 1. Linux's AMBA bus matches the
 * rtc-pl031 driver on these. */
static const uint8_t id_regs[8] = { 0x31, 0x10, 0x14, 0x00,
				    0x0D, 0xF0, 0x05, 0xB1 };

bool pl031_irq_line(const struct pl031 *rtc)
{
	return (rtc->ris & rtc->imsc) != 0;
}

static void update_line(struct pl031 *rtc)
{
	bool level = pl031_irq_line(rtc);

	if (level == rtc->line)
		return;
	rtc->line = level;
	if (rtc->ops.irq_changed)
		rtc->ops.irq_changed(rtc->ops.ctx, level);
}

static void set_alarm(struct pl031 *rtc, uint64_t at_s)
{
	rtc->alarm_s = at_s;
	if (rtc->ops.alarm_changed)
		rtc->ops.alarm_changed(rtc->ops.ctx, at_s);
}

/* The counter reaches MR in (MR - DR) mod 2^32 seconds; when they are
 * equal already, the next match is a full period away. Returns whether
 * they are equal. */
static bool schedule(struct pl031 *rtc)
{
	uint64_t now = rtc->ops.now_s(rtc->ops.ctx);
	uint32_t wait = rtc->mr - ((uint32_t)now + rtc->offset);

	set_alarm(rtc, now + (wait ? wait : COUNTER_PERIOD_S));
	return wait == 0;
}

/* After RTCMR or RTCLR changes: a match that holds at once is raised at
 * once, as QEMU does. */
static void rearm(struct pl031 *rtc)
{
	if (schedule(rtc))
		rtc->ris |= PL031_INT_MATCH;
	update_line(rtc);
}

bool pl031_poll(struct pl031 *rtc)
{
	uint64_t now = rtc->ops.now_s(rtc->ops.ctx);

	if (now >= rtc->alarm_s) {
		uint64_t periods = (now - rtc->alarm_s) / COUNTER_PERIOD_S + 1;

		rtc->ris |= PL031_INT_MATCH;
		set_alarm(rtc, rtc->alarm_s + periods * COUNTER_PERIOD_S);
		update_line(rtc);
	}
	return pl031_irq_line(rtc);
}

uint64_t pl031_next_alarm(const struct pl031 *rtc)
{
	return rtc->alarm_s;
}

void pl031_reset(struct pl031 *rtc)
{
	rtc->mr = 0;
	rtc->lr = 0;
	rtc->imsc = 0;
	rtc->ris = 0;
	/* The counter meeting the cleared RTCMR is no guest request: reset
	 * only schedules it. */
	schedule(rtc);
	update_line(rtc);
}

void pl031_init(struct pl031 *rtc, const struct pl031_ops *ops)
{
	rtc->ops = *ops;
	rtc->offset = 0;
	rtc->line = false;
	pl031_reset(rtc);
}

static void bad_access(struct pl031 *rtc, bool write, uint32_t offset)
{
	if (rtc->ops.log_bad_access)
		rtc->ops.log_bad_access(rtc->ops.ctx, write, offset);
}

static bool reg_access_ok(uint32_t offset, unsigned size)
{
	return (size == 1 || size == 2 || size == 4) && (offset & 3) == 0 &&
	       offset < PL031_MMIO_SIZE;
}

static bool read_reg(struct pl031 *rtc, uint32_t offset, uint32_t *out)
{
	switch (offset) {
	case PL031_DR:
		*out = (uint32_t)rtc->ops.now_s(rtc->ops.ctx) + rtc->offset;
		return true;
	case PL031_MR: *out = rtc->mr; return true;
	case PL031_LR: *out = rtc->lr; return true;
	/* The counter always runs, as in QEMU; RTCStart reads as set. */
	case PL031_CR: *out = PL031_CR_START; return true;
	case PL031_IMSC: *out = rtc->imsc; return true;
	case PL031_RIS: pl031_poll(rtc); *out = rtc->ris; return true;
	case PL031_MIS:
		pl031_poll(rtc);
		*out = rtc->ris & rtc->imsc;
		return true;
	}
	if (offset >= PL031_PERIPHID0 && offset <= PL031_PCELLID3) {
		*out = id_regs[(offset - PL031_PERIPHID0) / 4];
		return true;
	}
	return false;
}

uint32_t pl031_read(void *ctx, uint32_t offset, unsigned size)
{
	struct pl031 *rtc = ctx;
	uint32_t v;

	if (!reg_access_ok(offset, size) || !read_reg(rtc, offset, &v)) {
		bad_access(rtc, false, offset);
		return 0;
	}
	return size == 4 ? v : v & ((1u << (8 * size)) - 1);
}

/* RTCLR sets the counter: DR takes the written value now and counts on
 * from it. */
static void write_lr(struct pl031 *rtc, uint32_t value)
{
	uint32_t now = (uint32_t)rtc->ops.now_s(rtc->ops.ctx);

	rtc->lr = value;
	rtc->offset = value - now;
	rearm(rtc);
}

static bool write_reg(struct pl031 *rtc, uint32_t offset, uint32_t value)
{
	switch (offset) {
	case PL031_MR: rtc->mr = value; rearm(rtc); return true;
	case PL031_LR: write_lr(rtc, value); return true;
	/* Once started the counter cannot be stopped (3.3 RTCCR), and this
	 * one is started from reset, so writes change nothing. */
	case PL031_CR: return true;
	case PL031_IMSC: rtc->imsc = value & PL031_INT_MATCH; break;
	case PL031_ICR: rtc->ris &= ~(value & PL031_INT_MATCH); break;
	default: return false;
	}
	update_line(rtc);
	return true;
}

void pl031_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	struct pl031 *rtc = ctx;

	if (!reg_access_ok(offset, size) || !write_reg(rtc, offset, value))
		bad_access(rtc, true, offset);
}
