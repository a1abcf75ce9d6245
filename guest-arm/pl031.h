/* The PL031 real-time clock of the virt board (ARM DDI 0224): a 32-bit
 * seconds counter read from the host clock plus the offset the guest sets
 * through RTCLR, and a match interrupt when the counter reaches RTCMR
 * (SPI 2 on virt). */
#ifndef GUEST_ARM_PL031_H
#define GUEST_ARM_PL031_H

#include <stdbool.h>
#include <stdint.h>

/* Register offsets (ARM DDI 0224 3.2, Table 3-1). */
#define PL031_DR 0x000
#define PL031_MR 0x004
#define PL031_LR 0x008
#define PL031_CR 0x00C
#define PL031_IMSC 0x010
#define PL031_RIS 0x014
#define PL031_MIS 0x018
#define PL031_ICR 0x01C
#define PL031_PERIPHID0 0xFE0
#define PL031_PCELLID3 0xFFC
#define PL031_MMIO_SIZE 0x1000

/* RTCIMSC/RTCRIS/RTCMIS/RTCICR bit 0: the match interrupt (3.3). */
#define PL031_INT_MATCH 1u
/* RTCCR bit 0, RTCStart (3.3). */
#define PL031_CR_START 1u

struct pl031_ops {
	/* Host time in seconds; the model's clock (UTC from the CMOS RTC on
	 * the monitor). Must not go backwards. */
	uint64_t (*now_s)(void *ctx);
	/* The interrupt line changed (may be NULL: poll pl031_irq_line). */
	void (*irq_changed)(void *ctx, bool level);
	/* The next match moved to host second at_s (may be NULL: ask
	 * pl031_next_alarm after each write). */
	void (*alarm_changed)(void *ctx, uint64_t at_s);
	/* An access to an offset without a register (may be NULL). */
	void (*log_bad_access)(void *ctx, bool write, uint32_t offset);
	void *ctx;
};

struct pl031 {
	struct pl031_ops ops;
	uint32_t offset; /* RTCDR = now_s + offset, modulo 2^32 */
	uint32_t mr, lr, imsc, ris;
	uint64_t alarm_s; /* host second at which RTCDR next equals RTCMR */
	bool line;
};

/* Sets up the model with its host side: RTCDR starts at now_s(). */
void pl031_init(struct pl031 *rtc, const struct pl031_ops *ops);
/* Clears the match, load, mask and status registers; the counter keeps
 * its time, as an RTC does across a system reset (and QEMU's). */
void pl031_reset(struct pl031 *rtc);

/* struct gpa_device callbacks (shadow/gpa.h); ctx is the struct pl031.
 * Accesses of size 1, 2 or 4 at a register's offset see its low bytes;
 * other offsets are bad accesses. */
uint32_t pl031_read(void *ctx, uint32_t offset, unsigned size);
void pl031_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

/* Host second (now_s's clock) at which RTCDR next equals RTCMR. The
 * embedder arms a host timer for it and calls pl031_poll when it
 * expires; reads of RTCRIS and RTCMIS poll as well. */
uint64_t pl031_next_alarm(const struct pl031 *rtc);
/* Raises the match interrupt if the alarm time has come, then moves the
 * alarm to the next match (2^32 s later). Returns pl031_irq_line. */
bool pl031_poll(struct pl031 *rtc);

/* RTCINTR: (RTCRIS & RTCIMSC) != 0. */
bool pl031_irq_line(const struct pl031 *rtc);

#endif
