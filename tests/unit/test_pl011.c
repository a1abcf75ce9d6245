/* PL011 UART model (guest-arm/pl011.c) against ARM DDI 0183G: reset values
 * and register widths from 3.2 Table 3-1, flag bits from 3.3.3, FIFO
 * levels from 3.3.9, interrupt rules from 3.4; the identification bytes
 * and the transmit interrupt as qemu-system-arm's pl011 reports them. */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "guest-arm/pl011.h"

static uint8_t sent[64];
static unsigned nsent, irq_changes, bad_accesses;
static bool irq_level;

static void fake_transmit(void *ctx, uint8_t byte)
{
	(void)ctx;
	if (nsent < sizeof(sent))
		sent[nsent] = byte;
	nsent++;
}

static void fake_irq(void *ctx, bool level)
{
	(void)ctx;
	irq_level = level;
	irq_changes++;
}

static void fake_log(void *ctx, bool write, uint32_t offset)
{
	(void)ctx;
	(void)write;
	(void)offset;
	bad_accesses++;
}

static void setup(struct pl011 *u)
{
	const struct pl011_ops ops = { fake_transmit, fake_irq, fake_log, NULL };

	nsent = irq_changes = bad_accesses = 0;
	irq_level = false;
	pl011_init(u, &ops);
}

static uint32_t rd(struct pl011 *u, uint32_t off)
{
	return pl011_read(u, off, 4);
}

static void wr(struct pl011 *u, uint32_t off, uint32_t v)
{
	pl011_write(u, off, 4, v);
}

/* Table 3-1 reset values: FR 0b-10010--- (TXFE, RXFE; modem inputs low),
 * CR 0x0300, IFLS 0x12, everything else 0. */
static void test_reset_values(void)
{
	struct pl011 u;

	setup(&u);
	CHECK_EQ(rd(&u, PL011_FR), 0x90);
	CHECK_EQ(rd(&u, PL011_CR), 0x300);
	CHECK_EQ(rd(&u, PL011_IFLS), 0x12);
	CHECK_EQ(rd(&u, PL011_RSR), 0);
	CHECK_EQ(rd(&u, PL011_ILPR), 0);
	CHECK_EQ(rd(&u, PL011_IBRD), 0);
	CHECK_EQ(rd(&u, PL011_FBRD), 0);
	CHECK_EQ(rd(&u, PL011_LCR_H), 0);
	CHECK_EQ(rd(&u, PL011_IMSC), 0);
	CHECK_EQ(rd(&u, PL011_RIS), 0);
	CHECK_EQ(rd(&u, PL011_MIS), 0);
	CHECK_EQ(rd(&u, PL011_DMACR), 0);
	CHECK(!pl011_irq_line(&u));
	CHECK_EQ(bad_accesses, 0);
}

/* Table 3-1 widths: IBRD 16, FBRD 6, LCR_H 8, CR 16, IFLS 6, IMSC 11,
 * DMACR 3, ILPR 8 bits. */
static void test_register_masks(void)
{
	struct pl011 u;

	setup(&u);
	wr(&u, PL011_IBRD, ~0u);
	wr(&u, PL011_FBRD, ~0u);
	wr(&u, PL011_LCR_H, ~0u);
	wr(&u, PL011_CR, ~0u);
	wr(&u, PL011_IFLS, ~0u);
	wr(&u, PL011_DMACR, ~0u);
	wr(&u, PL011_ILPR, ~0u);
	CHECK_EQ(rd(&u, PL011_IBRD), 0xFFFF);
	CHECK_EQ(rd(&u, PL011_FBRD), 0x3F);
	CHECK_EQ(rd(&u, PL011_LCR_H), 0xFF);
	CHECK_EQ(rd(&u, PL011_CR), 0xFFFF);
	CHECK_EQ(rd(&u, PL011_IFLS), 0x3F);
	CHECK_EQ(rd(&u, PL011_DMACR), 0x7);
	CHECK_EQ(rd(&u, PL011_ILPR), 0xFF);
	wr(&u, PL011_CR, 0);
	wr(&u, PL011_IMSC, ~0u);
	CHECK_EQ(rd(&u, PL011_IMSC), 0x7FF);
	/* Read-only registers ignore writes, and say so. */
	wr(&u, PL011_FR, 0);
	wr(&u, PL011_RIS, ~0u);
	CHECK_EQ(rd(&u, PL011_FR), 0x90);
	CHECK_EQ(rd(&u, PL011_RIS), 0);
	CHECK_EQ(bad_accesses, 2);
}

/* 3.3.15/3.3.16 layout; the bytes are those qemu-system-arm -M virt
 * returns (part 0x011, designer 0x41, revision 1; cell 0xB105F00D). */
static void test_id_registers(void)
{
	static const uint32_t expect[8] = { 0x11, 0x10, 0x14, 0x00,
					    0x0D, 0xF0, 0x05, 0xB1 };
	struct pl011 u;

	setup(&u);
	for (unsigned i = 0; i < 8; i++)
		CHECK_EQ(rd(&u, PL011_PERIPHID0 + 4 * i), expect[i]);
	CHECK_EQ(pl011_read(&u, PL011_PCELLID3, 1), 0xB1);
}

static void test_bad_accesses(void)
{
	struct pl011 u;

	setup(&u);
	CHECK_EQ(rd(&u, 0x008), 0);     /* reserved */
	CHECK_EQ(rd(&u, PL011_ICR), 0); /* write-only */
	CHECK_EQ(pl011_read(&u, PL011_FR + 1, 1), 0);
	CHECK_EQ(pl011_read(&u, PL011_FR, 8), 0);
	CHECK_EQ(bad_accesses, 4);
}

static void test_transmit(void)
{
	struct pl011 u;

	setup(&u);
	wr(&u, PL011_DR, 0x141); /* bits above the data byte are dropped */
	pl011_write(&u, PL011_DR, 1, 'B');
	CHECK_EQ(nsent, 2);
	CHECK_EQ(sent[0], 0x41);
	CHECK_EQ(sent[1], 'B');
	/* Always-ready transmitter: FIFO empty, never full, never busy. */
	CHECK_EQ(rd(&u, PL011_FR) & (PL011_FR_TXFE | PL011_FR_TXFF |
				      PL011_FR_BUSY), PL011_FR_TXFE);
	/* TXIS is raised by each write (as QEMU) and cleared by UARTICR. */
	CHECK_EQ(rd(&u, PL011_RIS), PL011_INT_TX);
	CHECK(!pl011_irq_line(&u));
	wr(&u, PL011_IMSC, PL011_INT_TX);
	CHECK(pl011_irq_line(&u));
	CHECK(irq_level);
	CHECK_EQ(rd(&u, PL011_MIS), PL011_INT_TX);
	wr(&u, PL011_ICR, PL011_INT_TX);
	CHECK(!pl011_irq_line(&u));
	CHECK(!irq_level);
	CHECK_EQ(irq_changes, 2);
}

/* FEN off: a one-character holding register (3.3.7 FEN). */
static void test_rx_holding_register(void)
{
	static const uint8_t in[3] = { 'x', 'y', 'z' };
	struct pl011 u;

	setup(&u);
	CHECK_EQ(pl011_rx_room(&u), 1);
	CHECK_EQ(pl011_receive(&u, in, 3), 1);
	CHECK_EQ(rd(&u, PL011_FR), PL011_FR_TXFE | PL011_FR_RXFF);
	CHECK_EQ(pl011_rx_room(&u), 0);
	CHECK_EQ(rd(&u, PL011_RIS), PL011_INT_RX | PL011_INT_RT);
	CHECK_EQ(rd(&u, PL011_DR), 'x');
	CHECK_EQ(rd(&u, PL011_FR), PL011_FR_TXFE | PL011_FR_RXFE);
	CHECK_EQ(rd(&u, PL011_RIS), 0);
	CHECK_EQ(pl011_receive(&u, in + 1, 2), 1);
	CHECK_EQ(pl011_read(&u, PL011_DR, 1), 'y');
	CHECK_EQ(rd(&u, PL011_DR), 0); /* empty */
	CHECK_EQ(rd(&u, PL011_RSR), 0);
}

/* FEN on: 16 entries (the depth Linux derives from revision 1), filled
 * and drained in order, wrapping around the ring. */
static void test_rx_fifo(void)
{
	uint8_t in[20];
	struct pl011 u;

	for (unsigned i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)('a' + i);
	setup(&u);
	wr(&u, PL011_LCR_H, PL011_LCR_H_FEN);
	CHECK_EQ(pl011_receive(&u, in, 5), 5);
	for (unsigned i = 0; i < 5; i++)
		CHECK_EQ(rd(&u, PL011_DR), in[i]);
	CHECK_EQ(pl011_rx_room(&u), 16);
	CHECK_EQ(pl011_receive(&u, in, sizeof(in)), 16);
	CHECK_EQ(rd(&u, PL011_FR) & (PL011_FR_RXFF | PL011_FR_RXFE),
		 PL011_FR_RXFF);
	CHECK_EQ(pl011_receive(&u, in + 16, 4), 0);
	CHECK_EQ(rd(&u, PL011_DR), 'a');
	CHECK_EQ(rd(&u, PL011_FR) & (PL011_FR_RXFF | PL011_FR_RXFE), 0);
	CHECK_EQ(pl011_receive(&u, in + 16, 4), 1);
	for (unsigned i = 1; i < 17; i++)
		CHECK_EQ(rd(&u, PL011_DR), in[i]);
	CHECK_EQ(rd(&u, PL011_FR) & PL011_FR_RXFE, PL011_FR_RXFE);
	/* Turning the FIFO off empties it. */
	CHECK_EQ(pl011_receive(&u, in, 3), 3);
	wr(&u, PL011_LCR_H, 0);
	CHECK_EQ(rd(&u, PL011_FR) & PL011_FR_RXFE, PL011_FR_RXFE);
	CHECK_EQ(rd(&u, PL011_RIS), 0);
}

/* 3.3.9 RXIFLSEL: 1/8, 1/4, 1/2, 3/4, 7/8 of 16 entries; RXIS is raised
 * when the fill reaches the level and cleared when reads take it below
 * (3.4.2). */
static void test_rx_levels(void)
{
	static const unsigned level[5] = { 2, 4, 8, 12, 14 };
	uint8_t in[16] = { 0 };
	struct pl011 u;

	for (unsigned sel = 0; sel < 5; sel++) {
		setup(&u);
		wr(&u, PL011_LCR_H, PL011_LCR_H_FEN);
		wr(&u, PL011_IFLS, sel << 3);
		CHECK_EQ(pl011_receive(&u, in, level[sel] - 1), level[sel] - 1);
		CHECK_EQ(rd(&u, PL011_RIS) & PL011_INT_RX, 0);
		CHECK_EQ(pl011_receive(&u, in, 1), 1);
		CHECK_EQ(rd(&u, PL011_RIS) & PL011_INT_RX, PL011_INT_RX);
		(void)rd(&u, PL011_DR);
		CHECK_EQ(rd(&u, PL011_RIS) & PL011_INT_RX, 0);
	}
}

/* RTIS stands for "unread data" (the model's receive timeout, as
 * documented in pl011.c); it clears when the FIFO empties (3.4.4) or by
 * UARTICR; the line follows RIS & IMSC (3.4). */
static void test_rx_timeout_and_line(void)
{
	static const uint8_t in[3] = { '1', '2', '3' };
	struct pl011 u;

	setup(&u);
	wr(&u, PL011_LCR_H, PL011_LCR_H_FEN);
	wr(&u, PL011_IMSC, PL011_INT_RX | PL011_INT_RT);
	CHECK_EQ(pl011_receive(&u, in, 3), 3);
	CHECK_EQ(rd(&u, PL011_RIS), PL011_INT_RT);
	CHECK_EQ(rd(&u, PL011_MIS), PL011_INT_RT);
	CHECK(irq_level);
	wr(&u, PL011_ICR, PL011_INT_RT);
	CHECK(!irq_level);
	CHECK_EQ(pl011_receive(&u, in, 1), 1);
	CHECK(irq_level);
	for (unsigned i = 0; i < 3; i++) {
		(void)rd(&u, PL011_DR);
		CHECK(irq_level);
	}
	(void)rd(&u, PL011_DR);
	CHECK(!irq_level);
	CHECK_EQ(rd(&u, PL011_RIS), 0);
	CHECK_EQ(irq_changes, 4);
	/* Masked interrupts stay raw only. */
	wr(&u, PL011_IMSC, PL011_INT_TX);
	CHECK_EQ(pl011_receive(&u, in, 1), 1);
	CHECK(!irq_level);
	CHECK_EQ(rd(&u, PL011_MIS), 0);
}

/* 3.3.8 LBE: transmitted bytes come back on the receive side; host
 * input is ignored meanwhile. */
static void test_loopback(void)
{
	static const uint8_t in[2] = { 'h', 'i' };
	struct pl011 u;

	setup(&u);
	wr(&u, PL011_CR, 0x300 | PL011_CR_LBE);
	CHECK_EQ(pl011_receive(&u, in, 2), 2);
	CHECK_EQ(rd(&u, PL011_FR) & PL011_FR_RXFE, PL011_FR_RXFE);
	wr(&u, PL011_DR, 'L');
	CHECK_EQ(nsent, 1);
	CHECK_EQ(rd(&u, PL011_DR), 'L');
}

int main(void)
{
	test_reset_values();
	test_register_masks();
	test_id_registers();
	test_bad_accesses();
	test_transmit();
	test_rx_holding_register();
	test_rx_fifo();
	test_rx_levels();
	test_rx_timeout_and_line();
	test_loopback();
	return check_report("pl011");
}
