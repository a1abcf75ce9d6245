/* The PL011 UART of the virt board (ARM DDI 0183G), as Linux's amba-pl011
 * driver and its earlycon use it: an always-ready transmitter that hands
 * each byte to the embedder, a receive FIFO the embedder fills from host
 * input, and the combined interrupt line UARTINTR (SPI 1 on virt). */
#ifndef GUEST_ARM_PL011_H
#define GUEST_ARM_PL011_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Register offsets (ARM DDI 0183G 3.2, Table 3-1). */
#define PL011_DR 0x000
#define PL011_RSR 0x004 /* UARTRSR on read, UARTECR on write */
#define PL011_FR 0x018
#define PL011_ILPR 0x020
#define PL011_IBRD 0x024
#define PL011_FBRD 0x028
#define PL011_LCR_H 0x02C
#define PL011_CR 0x030
#define PL011_IFLS 0x034
#define PL011_IMSC 0x038
#define PL011_RIS 0x03C
#define PL011_MIS 0x040
#define PL011_ICR 0x044
#define PL011_DMACR 0x048
#define PL011_PERIPHID0 0xFE0
#define PL011_PCELLID3 0xFFC
#define PL011_MMIO_SIZE 0x1000

/* UARTFR bits (3.3.3). */
#define PL011_FR_BUSY (1u << 3)
#define PL011_FR_RXFE (1u << 4)
#define PL011_FR_TXFF (1u << 5)
#define PL011_FR_RXFF (1u << 6)
#define PL011_FR_TXFE (1u << 7)

/* UARTLCR_H bits (3.3.7). */
#define PL011_LCR_H_FEN (1u << 4)

/* UARTCR bits (3.3.8). */
#define PL011_CR_LBE (1u << 7)
#define PL011_CR_TXE (1u << 8)
#define PL011_CR_RXE (1u << 9)

/* Interrupt bits shared by UARTIMSC, UARTRIS, UARTMIS and UARTICR
 * (3.3.10-3.3.13). */
#define PL011_INT_RX (1u << 4)
#define PL011_INT_TX (1u << 5)
#define PL011_INT_RT (1u << 6)
#define PL011_INT_ALL 0x7FFu

/* Depth of the receive FIFO with FEN set. The PeriphID this model reports
 * (revision 1, as QEMU's) tells Linux the FIFOs are 16 deep (amba-pl011
 * gives 32 only from revision 3), so the model has 16 entries. */
#define PL011_FIFO_DEPTH 16

struct pl011_ops {
	/* One byte written to UARTDR; the transmitter is always ready. */
	void (*transmit)(void *ctx, uint8_t byte);
	/* UARTINTR changed to level (may be NULL: poll pl011_irq_line). */
	void (*irq_changed)(void *ctx, bool level);
	/* An access to an offset the PL011 has no register at (may be NULL). */
	void (*log_bad_access)(void *ctx, bool write, uint32_t offset);
	void *ctx;
};

struct pl011 {
	struct pl011_ops ops;
	uint8_t rx_fifo[PL011_FIFO_DEPTH];
	unsigned rx_head, rx_count;
	uint32_t rsr, ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, ris, dmacr;
	bool line;
};

/* Sets up the model with its host side and puts it in its reset state. */
void pl011_init(struct pl011 *u, const struct pl011_ops *ops);
void pl011_reset(struct pl011 *u);

/* struct gpa_device callbacks (shadow/gpa.h); ctx is the struct pl011.
 * Registers are word-aligned; an access of size 1, 2 or 4 at a register's
 * offset sees its low bytes, any other offset is a bad access. */
uint32_t pl011_read(void *ctx, uint32_t offset, unsigned size);
void pl011_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

/* Pushes host input into the receive FIFO; returns how many bytes of buf
 * it took (fewer than n when the FIFO fills: the caller keeps the rest and
 * offers it again after the guest has read UARTDR). Input is ignored (and
 * counted as taken) in loopback mode, whose receive side is the
 * transmitter. */
size_t pl011_receive(struct pl011 *u, const uint8_t *buf, size_t n);
/* Free entries in the receive FIFO. */
size_t pl011_rx_room(const struct pl011 *u);

/* UARTINTR: (UARTRIS & UARTIMSC) != 0 (3.4). */
bool pl011_irq_line(const struct pl011 *u);

#endif
