/* The GDB remote serial protocol core: framing of received bytes into
 * packets, building and checksumming replies, stop replies and qRcmd
 * output. The packets themselves are executed in gdb_packets.c.
 * Reference: "Debugging with GDB", appendix E.1 Overview. */
#include "monitor/gdb_proto.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/printf.h"
#include "monitor/gdb_proto_int.h"

/* Framing bytes (E.1): a packet is '$' payload '#' and two hex digits of
 * the modulo-256 sum of the payload; '}' escapes the next byte (XORed
 * with 0x20) in binary data; '*' starts a run-length code in replies. */
#define GDB_PKT_START '$'
#define GDB_PKT_END '#'
#define GDB_PKT_ESCAPE '}'
#define GDB_PKT_RLE '*'
#define GDB_ESCAPE_XOR 0x20
#define GDB_ACK '+'
#define GDB_NAK '-'
/* Ctrl-C: gdb's request to stop a running target (E.1 "Interrupts"). */
#define GDB_INTERRUPT 0x03
/* '$', '#' and two checksum digits around the payload. */
#define GDB_FRAME_BYTES 4

enum gdb_rx_state {
	RX_IDLE,       /* between packets: acks, Ctrl-C, noise */
	RX_DATA,       /* inside the payload */
	RX_ESCAPE,     /* the byte after a '}' */
	RX_CSUM_HI,    /* first checksum digit */
	RX_CSUM_LO,    /* second checksum digit */
};

_Static_assert(sizeof(((struct gdb *)0)->tx_buf) >= GDB_PACKET_MAX + GDB_FRAME_BYTES,
	       "tx_buf holds a full packet with its frame");

static const char hex_digits[] = "0123456789abcdef";

int gdb_hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void put(struct gdb *g, const char *buf, size_t n)
{
	g->cfg.ops->put(g->cfg.ctx, buf, n);
}

/* ---- transmit ---------------------------------------------------------- */

void gdb_tx_begin(struct gdb *g)
{
	g->tx_buf[0] = GDB_PKT_START;
	g->tx_len = 1;
}

size_t gdb_tx_payload_len(const struct gdb *g)
{
	return g->tx_len - 1;
}

/* Append one payload byte, escaped when gdb would take it for framing
 * or for a run-length code; false (nothing appended) when the payload
 * would outgrow GDB_PACKET_MAX. */
bool gdb_tx_putc(struct gdb *g, uint8_t c)
{
	bool escape = c == GDB_PKT_START || c == GDB_PKT_END ||
		      c == GDB_PKT_ESCAPE || c == GDB_PKT_RLE;
	size_t need = escape ? 2 : 1;

	if (gdb_tx_payload_len(g) + need > GDB_PACKET_MAX)
		return false;
	if (escape) {
		g->tx_buf[g->tx_len++] = GDB_PKT_ESCAPE;
		c ^= GDB_ESCAPE_XOR;
	}
	g->tx_buf[g->tx_len++] = (char)c;
	return true;
}

void gdb_tx_puts(struct gdb *g, const char *s)
{
	while (*s && gdb_tx_putc(g, (uint8_t)*s))
		s++;
}

void gdb_tx_hex_byte(struct gdb *g, uint8_t b)
{
	gdb_tx_putc(g, (uint8_t)hex_digits[b >> 4]);
	gdb_tx_putc(g, (uint8_t)hex_digits[b & 0xf]);
}

/* A 32-bit register in the target's byte order (little-endian ARM), as
 * 'g', 'p' and stop replies carry it. */
void gdb_tx_reg(struct gdb *g, uint32_t v)
{
	for (unsigned i = 0; i < sizeof(v); i++)
		gdb_tx_hex_byte(g, (uint8_t)(v >> (8 * i)));
}

/* Close the packet with its checksum and send it; it stays in tx_buf
 * for a retransmit. */
void gdb_tx_send(struct gdb *g)
{
	uint8_t sum = 0;

	for (size_t i = 1; i < g->tx_len; i++)
		sum += (uint8_t)g->tx_buf[i];
	g->tx_buf[g->tx_len++] = GDB_PKT_END;
	g->tx_buf[g->tx_len++] = hex_digits[sum >> 4];
	g->tx_buf[g->tx_len++] = hex_digits[sum & 0xf];
	put(g, g->tx_buf, g->tx_len);
}

void gdb_reply(struct gdb *g, const char *payload)
{
	gdb_tx_begin(g);
	gdb_tx_puts(g, payload);
	gdb_tx_send(g);
}

/* ---- monitor text as 'O' packets (E.3 "O XX...") ----------------------- */

static struct gdb *out_owner(struct gdb_out *o)
{
	return (struct gdb *)((char *)o - offsetof(struct gdb, out));
}

void gdb_out_write(struct gdb_out *o, const char *s, size_t n)
{
	struct gdb *g = out_owner(o);

	for (size_t i = 0; i < n; i++) {
		if (!o->open) {
			gdb_tx_begin(g);
			gdb_tx_putc(g, 'O');
			o->open = true;
		}
		gdb_tx_hex_byte(g, (uint8_t)s[i]);
		/* Each byte takes two hex digits: send before the next one
		 * would not fit. */
		if (gdb_tx_payload_len(g) + 2 > GDB_PACKET_MAX) {
			gdb_tx_send(g);
			o->open = false;
		}
	}
}

/* One call's text is formatted whole into scratch, so it is cut at
 * GDB_PACKET_MAX bytes; longer output takes several calls. */
void gdb_out_printf(struct gdb_out *o, const char *fmt, ...)
{
	struct gdb *g = out_owner(o);
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(g->scratch, sizeof(g->scratch), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(g->scratch))
		n = sizeof(g->scratch) - 1;
	gdb_out_write(o, g->scratch, (size_t)n);
}

void gdb_out_flush(struct gdb *g)
{
	if (g->out.open) {
		gdb_tx_send(g);
		g->out.open = false;
	}
}

/* ---- stop replies (E.3) ------------------------------------------------ */

/* The "watch", "rwatch" and "awatch" stop reasons by GDB_WP_* type. */
static const char *const watch_reason[] = {
	[GDB_WP_WRITE] = "watch",
	[GDB_WP_READ] = "rwatch",
	[GDB_WP_ACCESS] = "awatch",
};

static void tx_stop_reasons(struct gdb *g, const struct gdb_stop *why)
{
	char addr[sizeof("ffffffff")];

	if (why->kind == GDB_STOP_WATCH) {
		if ((unsigned)why->watch >= sizeof(watch_reason) / sizeof(watch_reason[0]) ||
		    !watch_reason[why->watch])
			return;
		ksnprintf(addr, sizeof(addr), "%x", (unsigned)why->watch_addr);
		gdb_tx_puts(g, watch_reason[why->watch]);
		gdb_tx_putc(g, ':');
		gdb_tx_puts(g, addr);
		gdb_tx_putc(g, ';');
		return;
	}
	if (why->sw_break && g->swbreak_ok)
		gdb_tx_puts(g, "swbreak:;");
	if (why->hw_break && g->hwbreak_ok)
		gdb_tx_puts(g, "hwbreak:;");
}

/* "T AA n:r;..." with the thread, the pc (saves gdb a 'p' on every
 * stop) and why; "W AA" once the machine is off. */
void gdb_tx_stop_reply(struct gdb *g)
{
	const struct gdb_stop *why = &g->last;
	uint32_t pc;

	gdb_tx_begin(g);
	if (why->kind == GDB_STOP_EXITED) {
		gdb_tx_putc(g, 'W');
		gdb_tx_hex_byte(g, why->exit_code);
		gdb_tx_send(g);
		return;
	}
	gdb_tx_putc(g, 'T');
	gdb_tx_hex_byte(g, why->kind == GDB_STOP_WATCH ? GDB_SIGTRAP : why->signal);
	gdb_tx_puts(g, "thread:" GDB_THREAD_ID ";");
	if (g->cfg.ops->read_reg(g->cfg.ctx, GDB_ARM_REG_PC, &pc) == 0) {
		gdb_tx_hex_byte(g, GDB_ARM_REG_PC);
		gdb_tx_putc(g, ':');
		gdb_tx_reg(g, pc);
		gdb_tx_putc(g, ';');
	}
	tx_stop_reasons(g, why);
	gdb_tx_send(g);
}

void gdb_stopped_quiet(struct gdb *g, const struct gdb_stop *why)
{
	g->last = *why;
	g->running = false;
}

void gdb_stopped(struct gdb *g, const struct gdb_stop *why)
{
	gdb_stopped_quiet(g, why);
	gdb_tx_stop_reply(g);
}

/* ---- receive ----------------------------------------------------------- */

void gdb_init(struct gdb *g, const struct gdb_config *cfg)
{
	memset(g, 0, sizeof(*g));
	g->cfg = *cfg;
	g->running = cfg->start_running;
	g->last.kind = GDB_STOP_SIGNAL;
	g->last.signal = GDB_SIGTRAP;
	g->rx_state = RX_IDLE;
}

static void rx_start(struct gdb *g)
{
	g->rx_state = RX_DATA;
	g->rx_len = 0;
	g->rx_sum = 0;
	g->rx_overflow = false;
	g->rx_bad = false;
}

/* Between packets. While the target runs only a break-in or a new
 * packet matter; while it is stopped a '-' asks for the last packet
 * again. */
static enum gdb_action rx_idle(struct gdb *g, uint8_t byte)
{
	if (byte == GDB_PKT_START) {
		rx_start(g);
		return g->running ? GDB_ACT_ATTACH : GDB_ACT_NONE;
	}
	if (g->running)
		return byte == GDB_INTERRUPT ? GDB_ACT_BREAK : GDB_ACT_NONE;
	if (byte == GDB_NAK && g->tx_len)
		put(g, g->tx_buf, g->tx_len);
	return GDB_ACT_NONE;
}

static void rx_store(struct gdb *g, uint8_t byte)
{
	if (g->rx_len >= GDB_PACKET_MAX)
		g->rx_overflow = true;
	else
		g->rx_buf[g->rx_len++] = (char)byte;
}

/* A payload byte. '#' always ends the payload and '$' always starts a
 * new one, even after a '}': gdb escapes both inside binary data, so
 * seeing them raw means the previous packet was cut off. */
static void rx_data(struct gdb *g, uint8_t byte)
{
	if (byte == GDB_PKT_START) {
		rx_start(g);
		return;
	}
	if (byte == GDB_PKT_END) {
		g->rx_bad = g->rx_state == RX_ESCAPE;
		g->rx_state = RX_CSUM_HI;
		return;
	}
	g->rx_sum += byte;
	if (g->rx_state == RX_ESCAPE) {
		rx_store(g, byte ^ GDB_ESCAPE_XOR);
		g->rx_state = RX_DATA;
	} else if (byte == GDB_PKT_ESCAPE) {
		g->rx_state = RX_ESCAPE;
	} else {
		rx_store(g, byte);
	}
}

/* The checksum is complete: acknowledge and execute a good packet,
 * ask for a bad or oversized one again. */
static enum gdb_action rx_packet(struct gdb *g)
{
	static const char ack = GDB_ACK, nak = GDB_NAK;

	g->rx_state = RX_IDLE;
	if (g->rx_sum != g->rx_csum || g->rx_overflow || g->rx_bad) {
		put(g, &nak, 1);
		return GDB_ACT_NONE;
	}
	put(g, &ack, 1);
	g->rx_buf[g->rx_len] = '\0';
	return gdb_execute(g, g->rx_buf, g->rx_len);
}

static enum gdb_action rx_checksum(struct gdb *g, uint8_t byte)
{
	static const char nak = GDB_NAK;
	int v = gdb_hex_value(byte);

	if (v < 0) {
		/* Not a checksum: the packet is lost, and the byte may
		 * begin the next one. */
		put(g, &nak, 1);
		g->rx_state = RX_IDLE;
		return rx_idle(g, byte);
	}
	if (g->rx_state == RX_CSUM_HI) {
		g->rx_csum = (uint8_t)(v << 4);
		g->rx_state = RX_CSUM_LO;
		return GDB_ACT_NONE;
	}
	g->rx_csum |= (uint8_t)v;
	return rx_packet(g);
}

enum gdb_action gdb_feed(struct gdb *g, uint8_t byte)
{
	switch (g->rx_state) {
	case RX_DATA:
	case RX_ESCAPE:
		rx_data(g, byte);
		return GDB_ACT_NONE;
	case RX_CSUM_HI:
	case RX_CSUM_LO:
		return rx_checksum(g, byte);
	default:
		return rx_idle(g, byte);
	}
}
