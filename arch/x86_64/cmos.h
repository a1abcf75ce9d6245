/* The host's CMOS real-time clock (MC146818-compatible, ports 0x70/0x71)
 * read as Unix seconds, the time base of the guest's PL031. The clock is
 * taken to keep UTC. */
#ifndef ARCH_CMOS_H
#define ARCH_CMOS_H

#include <stdint.h>

#define CMOS_ERR_BUSY (-1)    /* the clock kept updating while read */
#define CMOS_ERR_INVALID (-2) /* the registers do not hold a valid date */

/* The time and date registers as read, before decoding. */
struct cmos_regs {
	uint8_t seconds, minutes, hours;
	uint8_t day, month, year; /* day of month 1-31, month 1-12, year 0-99 */
	uint8_t status_b;         /* register B: data mode and hour format */
};

/* Decodes BCD or binary and 12- or 24-hour values as register B says and
 * converts the date to Unix seconds. The two-digit year is taken as
 * 2000-2099 (the century register's index is not fixed across chipsets).
 * Returns 0 or CMOS_ERR_INVALID. */
int cmos_regs_to_unix(const struct cmos_regs *r, uint64_t *out);

/* Reads the host clock once it is between updates and stable over two
 * reads. Monitor only (port I/O). Returns 0, CMOS_ERR_BUSY or
 * CMOS_ERR_INVALID. */
int cmos_read_unix_time(uint64_t *out);

#endif
