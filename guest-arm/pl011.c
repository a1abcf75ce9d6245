/* PL011 UART model (ARM DDI 0183G). The transmitter sends each byte at
 * once, so its FIFO is always empty; the receive FIFO holds host input
 * until the guest reads UARTDR. Interrupt behaviour follows QEMU's pl011,
 * so that a guest prints the same on both (see push_rx and write_dr for
 * the two places where time would matter on hardware). The UARTCR enable
 * bits are kept but do not gate the data path, as in QEMU: Linux's
 * earlycon writes UARTDR without enabling the UART first. */
#include "guest-arm/pl011.h"

#include <string.h>

/* Writable widths of the registers (3.2, Table 3-1). */
#define DR_DATA_MASK 0xFFu
#define ILPR_MASK 0xFFu
#define IBRD_MASK 0xFFFFu
#define FBRD_MASK 0x3Fu
#define LCR_H_MASK 0xFFu
#define CR_MASK 0xFFFFu
#define IFLS_MASK 0x3Fu
#define DMACR_MASK 0x7u

/* Reset values (3.2, Table 3-1): transmitter and receiver enabled, both
 * FIFO levels at half full. */
#define CR_RESET (PL011_CR_TXE | PL011_CR_RXE)
#define IFLS_RESET 0x12u

/* UARTIFLS RXIFLSEL, bits [5:3] (3.3.9): b000 1/8 ... b100 7/8 full;
 * b101-b111 are reserved and taken as 7/8, the highest defined level. */
#define IFLS_RX_SHIFT 3
#define IFLS_RX_MASK 0x7u
static const uint8_t rx_levels[8] = {
	PL011_FIFO_DEPTH / 8, PL011_FIFO_DEPTH / 4, PL011_FIFO_DEPTH / 2,
	PL011_FIFO_DEPTH * 3 / 4, PL011_FIFO_DEPTH * 7 / 8,
	PL011_FIFO_DEPTH * 7 / 8, PL011_FIFO_DEPTH * 7 / 8,
	PL011_FIFO_DEPTH * 7 / 8,
};

/* UARTPeriphID0-3 and UARTPCellID0-3 (3.3.15-3.3.16) as QEMU reports them:
 * part 0x011, designer ARM (0x41), revision 1. Linux's AMBA bus matches
 * the driver on these. */
static const uint8_t id_regs[8] = { 0x11, 0x10, 0x14, 0x00,
				    0x0D, 0xF0, 0x05, 0xB1 };

static bool fifo_enabled(const struct pl011 *u)
{
	return (u->lcr_h & PL011_LCR_H_FEN) != 0;
}

static unsigned rx_depth(const struct pl011 *u)
{
	return fifo_enabled(u) ? PL011_FIFO_DEPTH : 1;
}

/* Fill at or above which UARTRXINTR is asserted (3.4.2): the IFLS level
 * with the FIFO on, the one holding register with it off. */
static unsigned rx_level(const struct pl011 *u)
{
	if (!fifo_enabled(u))
		return 1;
	return rx_levels[(u->ifls >> IFLS_RX_SHIFT) & IFLS_RX_MASK];
}

static void update_line(struct pl011 *u)
{
	bool level = pl011_irq_line(u);

	if (level == u->line)
		return;
	u->line = level;
	if (u->ops.irq_changed)
		u->ops.irq_changed(u->ops.ctx, level);
}

static void flush_rx(struct pl011 *u)
{
	u->rx_head = 0;
	u->rx_count = 0;
}

static bool push_rx(struct pl011 *u, uint8_t byte)
{
	if (u->rx_count >= rx_depth(u))
		return false;
	u->rx_fifo[(u->rx_head + u->rx_count) % PL011_FIFO_DEPTH] = byte;
	u->rx_count++;
	if (u->rx_count >= rx_level(u))
		u->ris |= PL011_INT_RX;
	/* The TRM raises RTIS after 32 bit periods without new input while
	 * data waits (3.4.4). The model has no line timing and the host
	 * hands input over in bursts, so that silence is taken to follow
	 * every burst at once: RTIS goes up with any unread data, which is
	 * what QEMU gives with its receive trigger of one character. */
	u->ris |= PL011_INT_RT;
	return true;
}

void pl011_reset(struct pl011 *u)
{
	struct pl011_ops ops = u->ops;

	memset(u, 0, sizeof(*u));
	u->ops = ops;
	u->cr = CR_RESET;
	u->ifls = IFLS_RESET;
}

void pl011_init(struct pl011 *u, const struct pl011_ops *ops)
{
	u->ops = *ops;
	pl011_reset(u);
}

size_t pl011_rx_room(const struct pl011 *u)
{
	return rx_depth(u) - u->rx_count;
}

size_t pl011_receive(struct pl011 *u, const uint8_t *buf, size_t n)
{
	size_t taken = 0;

	/* In loopback the receiver listens to the transmitter only (3.3.8
	 * LBE); QEMU drops host input meanwhile, and so does the model. */
	if (u->cr & PL011_CR_LBE)
		return n;
	while (taken < n && push_rx(u, buf[taken]))
		taken++;
	update_line(u);
	return taken;
}

bool pl011_irq_line(const struct pl011 *u)
{
	return (u->ris & u->imsc) != 0;
}

/* A read of an empty FIFO returns 0 (the TRM leaves the value undefined).
 * Received bytes never carry errors, so bits [11:8] and UARTRSR are 0. */
static uint32_t read_dr(struct pl011 *u)
{
	uint8_t byte;

	if (u->rx_count == 0)
		return 0;
	byte = u->rx_fifo[u->rx_head];
	u->rx_head = (u->rx_head + 1) % PL011_FIFO_DEPTH;
	u->rx_count--;
	/* RXIS clears once reads take the FIFO below its level (3.4.2),
	 * RTIS once it is empty (3.4.4). */
	if (u->rx_count < rx_level(u))
		u->ris &= ~PL011_INT_RX;
	if (u->rx_count == 0)
		u->ris &= ~PL011_INT_RT;
	update_line(u);
	return byte;
}

/* The byte leaves at once, so the transmit FIFO drops back to empty,
 * at or below any TXIFLSEL level, and TXIS is raised (3.4.3) as QEMU
 * does on every write; only UARTICR clears it, since nothing ever fills
 * the FIFO above the level. */
static void write_dr(struct pl011 *u, uint32_t value)
{
	uint8_t byte = (uint8_t)(value & DR_DATA_MASK);

	if (u->ops.transmit)
		u->ops.transmit(u->ops.ctx, byte);
	if (u->cr & PL011_CR_LBE)
		push_rx(u, byte);
	u->ris |= PL011_INT_TX;
	update_line(u);
}

static uint32_t read_fr(const struct pl011 *u)
{
	uint32_t fr = PL011_FR_TXFE;

	if (u->rx_count == 0)
		fr |= PL011_FR_RXFE;
	if (u->rx_count == rx_depth(u))
		fr |= PL011_FR_RXFF;
	return fr;
}

static void bad_access(struct pl011 *u, bool write, uint32_t offset)
{
	if (u->ops.log_bad_access)
		u->ops.log_bad_access(u->ops.ctx, write, offset);
}

static bool reg_access_ok(uint32_t offset, unsigned size)
{
	return (size == 1 || size == 2 || size == 4) && (offset & 3) == 0 &&
	       offset < PL011_MMIO_SIZE;
}

static bool read_reg(struct pl011 *u, uint32_t offset, uint32_t *out)
{
	switch (offset) {
	case PL011_DR: *out = read_dr(u); return true;
	case PL011_RSR: *out = u->rsr; return true;
	case PL011_FR: *out = read_fr(u); return true;
	case PL011_ILPR: *out = u->ilpr; return true;
	case PL011_IBRD: *out = u->ibrd; return true;
	case PL011_FBRD: *out = u->fbrd; return true;
	case PL011_LCR_H: *out = u->lcr_h; return true;
	case PL011_CR: *out = u->cr; return true;
	case PL011_IFLS: *out = u->ifls; return true;
	case PL011_IMSC: *out = u->imsc; return true;
	case PL011_RIS: *out = u->ris; return true;
	case PL011_MIS: *out = u->ris & u->imsc; return true;
	case PL011_DMACR: *out = u->dmacr; return true;
	}
	if (offset >= PL011_PERIPHID0 && offset <= PL011_PCELLID3) {
		*out = id_regs[(offset - PL011_PERIPHID0) / 4];
		return true;
	}
	return false;
}

uint32_t pl011_read(void *ctx, uint32_t offset, unsigned size)
{
	struct pl011 *u = ctx;
	uint32_t v;

	if (!reg_access_ok(offset, size) || !read_reg(u, offset, &v)) {
		bad_access(u, false, offset);
		return 0;
	}
	return size == 4 ? v : v & ((1u << (8 * size)) - 1);
}

static void write_lcr_h(struct pl011 *u, uint32_t value)
{
	/* Switching the FIFOs on or off empties them, as in QEMU; the TRM
	 * does not say what they hold across the change. */
	if ((u->lcr_h ^ value) & PL011_LCR_H_FEN) {
		flush_rx(u);
		u->ris &= ~(PL011_INT_RX | PL011_INT_RT);
	}
	u->lcr_h = value & LCR_H_MASK;
}

static bool write_reg(struct pl011 *u, uint32_t offset, uint32_t value)
{
	switch (offset) {
	case PL011_DR: write_dr(u, value); return true;
	/* Any write to UARTECR clears the error flags (3.3.2). */
	case PL011_RSR: u->rsr = 0; return true;
	case PL011_ILPR: u->ilpr = value & ILPR_MASK; return true;
	case PL011_IBRD: u->ibrd = value & IBRD_MASK; return true;
	case PL011_FBRD: u->fbrd = value & FBRD_MASK; return true;
	case PL011_LCR_H: write_lcr_h(u, value); break;
	case PL011_CR: u->cr = value & CR_MASK; return true;
	case PL011_IFLS: u->ifls = value & IFLS_MASK; return true;
	case PL011_IMSC: u->imsc = value & PL011_INT_ALL; break;
	case PL011_ICR: u->ris &= ~(value & PL011_INT_ALL); break;
	/* Kept for reads only: the virt board wires no DMA to the UART,
	 * so Linux never turns DMA on without a dmas property. */
	case PL011_DMACR: u->dmacr = value & DMACR_MASK; return true;
	default: return false;
	}
	update_line(u);
	return true;
}

void pl011_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	struct pl011 *u = ctx;

	if (!reg_access_ok(offset, size) || !write_reg(u, offset, value))
		bad_access(u, true, offset);
}
