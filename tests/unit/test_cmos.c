/* CMOS RTC decoding (arch/x86_64/cmos.c, cmos_regs_to_unix): BCD and
 * binary data modes, 12- and 24-hour formats (MC146818A register B), and
 * dates converted to Unix seconds, each expected value computed with
 * Python's calendar.timegm. The port I/O side runs on the monitor only. */
#include <stdbool.h>

#include "arch/x86_64/cmos.h"
#include "check.h"

#define B_24H_BCD 0x02u
#define B_24H_BINARY 0x06u
#define B_12H_BCD 0x00u
#define B_12H_BINARY 0x04u
#define PM 0x80u

static uint64_t convert(uint8_t s, uint8_t mi, uint8_t h, uint8_t d,
			uint8_t mo, uint8_t y, uint8_t b)
{
	const struct cmos_regs r = { s, mi, h, d, mo, y, b };
	uint64_t t = 0;

	CHECK_EQ(cmos_regs_to_unix(&r, &t), 0);
	return t;
}

static bool invalid(uint8_t s, uint8_t mi, uint8_t h, uint8_t d,
		    uint8_t mo, uint8_t y, uint8_t b)
{
	const struct cmos_regs r = { s, mi, h, d, mo, y, b };
	uint64_t t = 0;

	return cmos_regs_to_unix(&r, &t) == CMOS_ERR_INVALID;
}

static void test_bcd_24h(void)
{
	/* calendar.timegm((2000, 1, 1, 0, 0, 0)) */
	CHECK_EQ(convert(0x00, 0x00, 0x00, 0x01, 0x01, 0x00, B_24H_BCD),
		 946684800);
	/* (2000, 2, 29, 12, 34, 56): leap day of a year divisible by 400 */
	CHECK_EQ(convert(0x56, 0x34, 0x12, 0x29, 0x02, 0x00, B_24H_BCD),
		 951827696);
	/* (2026, 11, 23, 0, 0, 0) */
	CHECK_EQ(convert(0x00, 0x00, 0x00, 0x23, 0x11, 0x26, B_24H_BCD),
		 1795392000);
	/* (2024, 3, 1, 0, 0, 0): the day after a leap February */
	CHECK_EQ(convert(0x00, 0x00, 0x00, 0x01, 0x03, 0x24, B_24H_BCD),
		 1709251200);
	/* (2038, 1, 19, 3, 14, 8): past 2^31 - 1 */
	CHECK_EQ(convert(0x08, 0x14, 0x03, 0x19, 0x01, 0x38, B_24H_BCD),
		 2147483648u);
	/* (2099, 12, 31, 23, 59, 59): the last second the registers hold */
	CHECK_EQ(convert(0x59, 0x59, 0x23, 0x31, 0x12, 0x99, B_24H_BCD),
		 4102444799u);
}

static void test_binary_24h(void)
{
	/* (2026, 11, 23, 13, 5, 9) */
	CHECK_EQ(convert(9, 5, 13, 23, 11, 26, B_24H_BINARY), 1795439109);
	CHECK_EQ(convert(59, 59, 23, 31, 12, 99, B_24H_BINARY), 4102444799u);
}

/* 12-hour mode: 12 AM is midnight, 12 PM noon, bit 7 marks PM. */
static void test_12h(void)
{
	/* (2026, 11, 23, 0, 30, 0) */
	CHECK_EQ(convert(0x00, 0x30, 0x12, 0x23, 0x11, 0x26, B_12H_BCD),
		 1795393800);
	/* (2026, 11, 23, 12, 30, 0) */
	CHECK_EQ(convert(0x00, 0x30, PM | 0x12, 0x23, 0x11, 0x26, B_12H_BCD),
		 1795437000);
	/* (2026, 11, 23, 13, 5, 9) */
	CHECK_EQ(convert(0x09, 0x05, PM | 0x01, 0x23, 0x11, 0x26, B_12H_BCD),
		 1795439109);
	CHECK_EQ(convert(9, 5, PM | 1, 23, 11, 26, B_12H_BINARY), 1795439109);
	CHECK_EQ(convert(0, 30, 12, 23, 11, 26, B_12H_BINARY), 1795393800);
}

static void test_invalid(void)
{
	CHECK(invalid(0x5A, 0, 0, 1, 1, 0, B_24H_BCD));       /* not BCD */
	CHECK(invalid(0x60, 0, 0, 1, 1, 0, B_24H_BCD));       /* 60 s */
	CHECK(invalid(0, 0x60, 0, 1, 1, 0, B_24H_BCD));       /* 60 min */
	CHECK(invalid(0, 0, 0x24, 1, 1, 0, B_24H_BCD));       /* hour 24 */
	CHECK(invalid(0, 0, 0x00, 1, 1, 0, B_12H_BCD));       /* hour 0 in 12h */
	CHECK(invalid(0, 0, 0x13, 1, 1, 0, B_12H_BCD));       /* hour 13 in 12h */
	CHECK(invalid(0, 0, 0, 0x00, 1, 0, B_24H_BCD));       /* day 0 */
	CHECK(invalid(0, 0, 0, 0x29, 0x02, 0x25, B_24H_BCD)); /* 2025-02-29 */
	CHECK(invalid(0, 0, 0, 0x31, 0x04, 0x26, B_24H_BCD)); /* 31 April */
	CHECK(invalid(0, 0, 0, 1, 0x13, 0, B_24H_BCD));       /* month 13 */
	CHECK(invalid(0, 0, 0, 1, 0, 0, B_24H_BCD));          /* month 0 */
	CHECK(invalid(0, 0, 0, 1, 1, 100, B_24H_BINARY));     /* year 100 */
}

int main(void)
{
	test_bcd_24h();
	test_binary_24h();
	test_12h();
	test_invalid();
	return check_report("cmos");
}
