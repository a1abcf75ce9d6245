/* Host CMOS RTC: reading the time registers without tearing an update,
 * and turning their BCD or binary, 12- or 24-hour contents into Unix
 * seconds (Motorola MC146818A data sheet; Intel PCH data sheets, "RTC
 * Indexed Registers"). */
#include "arch/x86_64/cmos.h"

#include <stdbool.h>

#include "arch/x86_64/x86.h"

/* Index and data ports; bit 7 of the index would mask NMI, left clear. */
#define CMOS_INDEX_PORT 0x70
#define CMOS_DATA_PORT 0x71

/* Register indexes (MC146818A, address map). */
#define CMOS_REG_SECONDS 0x00
#define CMOS_REG_MINUTES 0x02
#define CMOS_REG_HOURS 0x04
#define CMOS_REG_DAY 0x07
#define CMOS_REG_MONTH 0x08
#define CMOS_REG_YEAR 0x09
#define CMOS_REG_A 0x0A
#define CMOS_REG_B 0x0B

/* Register A bit 7, UIP: an update is in progress or starts within
 * 244 us, so the time registers may be torn. */
#define CMOS_A_UIP (1u << 7)
/* Register B bit 1, 24/12: 24-hour mode; bit 2, DM: binary, not BCD. */
#define CMOS_B_24H (1u << 1)
#define CMOS_B_BINARY (1u << 2)
/* Hours register bit 7 in 12-hour mode: PM. */
#define CMOS_HOUR_PM (1u << 7)

/* An update keeps UIP set for under 2 ms; each port read takes about a
 * microsecond on ISA-speed ports, so this bounds the wait well above it. */
#define CMOS_UIP_SPINS 100000
#define CMOS_READ_ATTEMPTS 5

#define CMOS_BASE_YEAR 2000
#define UNIX_EPOCH_YEAR 1970
#define SECONDS_PER_DAY 86400u

static bool decode(uint8_t raw, bool binary, unsigned *out)
{
	unsigned hi = raw >> 4, lo = raw & 0xF;

	if (binary) {
		*out = raw;
		return true;
	}
	if (hi > 9 || lo > 9)
		return false;
	*out = hi * 10 + lo;
	return true;
}

/* 12-hour mode keeps 12 for midnight and noon, with bit 7 for PM. */
static bool decode_hours(uint8_t raw, uint8_t status_b, unsigned *out)
{
	bool binary = (status_b & CMOS_B_BINARY) != 0;
	unsigned h;

	if (status_b & CMOS_B_24H)
		return decode(raw, binary, out) && *out < 24;
	if (!decode(raw & ~CMOS_HOUR_PM, binary, &h) || h < 1 || h > 12)
		return false;
	*out = h % 12 + ((raw & CMOS_HOUR_PM) ? 12 : 0);
	return true;
}

static bool is_leap(unsigned year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static unsigned days_in_month(unsigned year, unsigned month)
{
	static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30,
					  31, 31, 30, 31, 30, 31 };

	return days[month - 1] + (month == 2 && is_leap(year));
}

/* Days from 1 January of year 1 (proleptic Gregorian) to 1 January of
 * year: 365 a year plus the leap days of the years before it. */
static uint64_t days_before_year(unsigned year)
{
	uint64_t y = year - 1;

	return y * 365 + y / 4 - y / 100 + y / 400;
}

static uint64_t unix_days(unsigned year, unsigned month, unsigned day)
{
	uint64_t days = days_before_year(year) - days_before_year(UNIX_EPOCH_YEAR);

	for (unsigned m = 1; m < month; m++)
		days += days_in_month(year, m);
	return days + day - 1;
}

int cmos_regs_to_unix(const struct cmos_regs *r, uint64_t *out)
{
	bool binary = (r->status_b & CMOS_B_BINARY) != 0;
	unsigned sec, min, hour, day, month, year;

	if (!decode(r->seconds, binary, &sec) || sec > 59 ||
	    !decode(r->minutes, binary, &min) || min > 59 ||
	    !decode_hours(r->hours, r->status_b, &hour) ||
	    !decode(r->year, binary, &year) || year > 99 ||
	    !decode(r->month, binary, &month) || month < 1 || month > 12 ||
	    !decode(r->day, binary, &day) || day < 1)
		return CMOS_ERR_INVALID;
	year += CMOS_BASE_YEAR;
	if (day > days_in_month(year, month))
		return CMOS_ERR_INVALID;
	*out = unix_days(year, month, day) * SECONDS_PER_DAY +
	       hour * 3600u + min * 60u + sec;
	return 0;
}

static uint8_t cmos_in(uint8_t reg)
{
	outb(CMOS_INDEX_PORT, reg);
	return inb(CMOS_DATA_PORT);
}

static bool wait_not_updating(void)
{
	for (int i = 0; i < CMOS_UIP_SPINS; i++)
		if (!(cmos_in(CMOS_REG_A) & CMOS_A_UIP))
			return true;
	return false;
}

static bool read_regs(struct cmos_regs *r)
{
	if (!wait_not_updating())
		return false;
	r->seconds = cmos_in(CMOS_REG_SECONDS);
	r->minutes = cmos_in(CMOS_REG_MINUTES);
	r->hours = cmos_in(CMOS_REG_HOURS);
	r->day = cmos_in(CMOS_REG_DAY);
	r->month = cmos_in(CMOS_REG_MONTH);
	r->year = cmos_in(CMOS_REG_YEAR);
	r->status_b = cmos_in(CMOS_REG_B);
	return true;
}

static bool same_regs(const struct cmos_regs *a, const struct cmos_regs *b)
{
	return a->seconds == b->seconds && a->minutes == b->minutes &&
	       a->hours == b->hours && a->day == b->day &&
	       a->month == b->month && a->year == b->year &&
	       a->status_b == b->status_b;
}

/* UIP clear only promises no update for the next 244 us; a slow read (an
 * SMI, a trapping hypervisor) can still straddle one, so two reads must
 * agree. */
int cmos_read_unix_time(uint64_t *out)
{
	struct cmos_regs prev, cur;

	if (!read_regs(&prev))
		return CMOS_ERR_BUSY;
	for (int i = 0; i < CMOS_READ_ATTEMPTS; i++) {
		if (!read_regs(&cur))
			return CMOS_ERR_BUSY;
		if (same_regs(&prev, &cur))
			return cmos_regs_to_unix(&cur, out);
		prev = cur;
	}
	return CMOS_ERR_BUSY;
}
