/* The packets of an all-stop, one-thread ARM stub: parse each received
 * packet, call the target, reply. Reference: "Debugging with GDB",
 * appendix E.2 Packets, E.4 General Query Packets; the 'g' layout and
 * the qXfer object follow the target description in gdb_arm_xml.c. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/printf.h"
#include "monitor/gdb_proto.h"
#include "monitor/gdb_proto_int.h"

/* Replies. Error numbers are errno values by gdb convention; gdb shows
 * them but does not interpret them. */
#define REPLY_OK "OK"
#define REPLY_UNSUPPORTED ""
#define REPLY_E_INVALID "E01"   /* malformed packet or refused request */
#define REPLY_E_FAULT "E14"     /* EFAULT: memory not accessible */
#define REPLY_E_XFER "E00"      /* qXfer: malformed request or annex */

/* 'g'/'G' carry r0-r15 (GDB_ARM_REG_PC is the last) then cpsr. */
#define G_CORE_REGS (GDB_ARM_REG_PC + 1)
#define G_REGS (G_CORE_REGS + 1)
/* A register 'g' cannot read: one 'x' per hex digit (E.2 'g'). */
#define REG_UNAVAILABLE "xxxxxxxx"
/* Bytes an 'm' reply can hold as hex. */
#define MEM_READ_MAX (GDB_PACKET_MAX / 2)
/* Signal numbers in C, S and vCont are one byte. */
#define SIGNAL_MAX 0xff
/* The 32-bit guest address space, as a length. */
#define ADDR_SPACE_SIZE ((uint64_t)UINT32_MAX + 1)

/* Unparsed rest of a packet. */
struct cursor {
	char *p, *end;
};

static bool cur_end(const struct cursor *c)
{
	return c->p == c->end;
}

static bool cur_eat(struct cursor *c, char ch)
{
	if (cur_end(c) || *c->p != ch)
		return false;
	c->p++;
	return true;
}

static bool cur_eat_str(struct cursor *c, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n))
		return false;
	c->p += n;
	return true;
}

/* A hex number of at least one digit that fits 32 bits. */
static bool cur_hex(struct cursor *c, uint32_t *val)
{
	uint32_t v = 0;
	int d;

	if (cur_end(c) || gdb_hex_value(*c->p) < 0)
		return false;
	while (!cur_end(c) && (d = gdb_hex_value(*c->p)) >= 0) {
		if (v > UINT32_MAX >> 4)
			return false;
		v = v << 4 | (uint32_t)d;
		c->p++;
	}
	*val = v;
	return true;
}

static bool cur_byte(struct cursor *c, uint8_t *b)
{
	int hi, lo;

	if (c->end - c->p < 2)
		return false;
	hi = gdb_hex_value(c->p[0]);
	lo = gdb_hex_value(c->p[1]);
	if (hi < 0 || lo < 0)
		return false;
	*b = (uint8_t)(hi << 4 | lo);
	c->p += 2;
	return true;
}

/* A register value as 'G' and 'P' carry it: 8 digits, little-endian. */
static bool cur_reg(struct cursor *c, uint32_t *val)
{
	uint32_t v = 0;
	uint8_t b;

	for (unsigned i = 0; i < sizeof(v); i++) {
		if (!cur_byte(c, &b))
			return false;
		v |= (uint32_t)b << (8 * i);
	}
	*val = v;
	return true;
}

/* A thread id (E.1): -1 all threads, 0 any thread, else one thread. */
static bool cur_thread(struct cursor *c, bool *ours)
{
	uint32_t id;

	if (cur_eat_str(c, "-1")) {
		*ours = true;
		return true;
	}
	if (!cur_hex(c, &id))
		return false;
	*ours = id == 0 || id == 1;
	return true;
}

static enum gdb_action reply(struct gdb *g, const char *payload)
{
	gdb_reply(g, payload);
	return GDB_ACT_NONE;
}

static const struct gdb_target_ops *ops(const struct gdb *g)
{
	return g->cfg.ops;
}

/* ---- registers --------------------------------------------------------- */

static unsigned g_regno(unsigned i)
{
	return i < G_CORE_REGS ? i : GDB_ARM_REG_CPSR;
}

static enum gdb_action pkt_read_regs(struct gdb *g, struct cursor *c)
{
	uint32_t v;

	(void)c;
	gdb_tx_begin(g);
	for (unsigned i = 0; i < G_REGS; i++) {
		if (ops(g)->read_reg(g->cfg.ctx, g_regno(i), &v) == 0)
			gdb_tx_reg(g, v);
		else
			gdb_tx_puts(g, REG_UNAVAILABLE);
	}
	gdb_tx_send(g);
	return GDB_ACT_NONE;
}

static enum gdb_action pkt_write_regs(struct gdb *g, struct cursor *c)
{
	uint32_t v[G_REGS];

	for (unsigned i = 0; i < G_REGS; i++)
		if (!cur_reg(c, &v[i]))
			return reply(g, REPLY_E_INVALID);
	if (!cur_end(c))
		return reply(g, REPLY_E_INVALID);
	for (unsigned i = 0; i < G_REGS; i++)
		if (ops(g)->write_reg(g->cfg.ctx, g_regno(i), v[i]))
			return reply(g, REPLY_E_INVALID);
	return reply(g, REPLY_OK);
}

static enum gdb_action pkt_read_reg(struct gdb *g, struct cursor *c)
{
	uint32_t regno, v;

	if (!cur_hex(c, &regno) || !cur_end(c) ||
	    ops(g)->read_reg(g->cfg.ctx, regno, &v))
		return reply(g, REPLY_E_INVALID);
	gdb_tx_begin(g);
	gdb_tx_reg(g, v);
	gdb_tx_send(g);
	return GDB_ACT_NONE;
}

static enum gdb_action pkt_write_reg(struct gdb *g, struct cursor *c)
{
	uint32_t regno, v;

	if (!cur_hex(c, &regno) || !cur_eat(c, '=') || !cur_reg(c, &v) ||
	    !cur_end(c) || ops(g)->write_reg(g->cfg.ctx, regno, v))
		return reply(g, REPLY_E_INVALID);
	return reply(g, REPLY_OK);
}

/* ---- memory ------------------------------------------------------------ */

/* "addr,len" with the separator that follows ('\0' for none). */
static bool cur_addr_len(struct cursor *c, uint32_t *addr, uint32_t *len, char sep)
{
	if (!cur_hex(c, addr) || !cur_eat(c, ',') || !cur_hex(c, len))
		return false;
	return sep ? cur_eat(c, sep) : cur_end(c);
}

/* How much of len bytes at addr lies below the top of the address
 * space: an access never wraps around to address 0. */
static size_t clamp_to_space(uint32_t addr, size_t len)
{
	uint64_t room = ADDR_SPACE_SIZE - addr;

	return len < room ? len : (size_t)room;
}

static enum gdb_action pkt_read_mem(struct gdb *g, struct cursor *c)
{
	uint8_t *buf = (uint8_t *)g->scratch;
	uint32_t addr, len;
	size_t n, done;

	if (!cur_addr_len(c, &addr, &len, '\0'))
		return reply(g, REPLY_E_INVALID);
	/* E.2 'm': the reply may hold fewer bytes than asked for. */
	n = clamp_to_space(addr, len < MEM_READ_MAX ? len : MEM_READ_MAX);
	if (n == 0)
		return reply(g, "");
	done = ops(g)->read_mem(g->cfg.ctx, addr, buf, n);
	if (done == 0)
		return reply(g, REPLY_E_FAULT);
	if (done > n)
		done = n;
	gdb_tx_begin(g);
	for (size_t i = 0; i < done; i++)
		gdb_tx_hex_byte(g, buf[i]);
	gdb_tx_send(g);
	return GDB_ACT_NONE;
}

static enum gdb_action write_mem(struct gdb *g, uint32_t addr, const uint8_t *buf,
				 size_t len)
{
	size_t n = clamp_to_space(addr, len);

	if (len == 0)
		return reply(g, REPLY_OK);
	if (n < len || ops(g)->write_mem(g->cfg.ctx, addr, buf, n) != n)
		return reply(g, REPLY_E_FAULT);
	return reply(g, REPLY_OK);
}

static enum gdb_action pkt_write_mem_hex(struct gdb *g, struct cursor *c)
{
	uint8_t *buf = (uint8_t *)g->scratch;
	uint32_t addr, len;

	if (!cur_addr_len(c, &addr, &len, ':') ||
	    (uint64_t)(c->end - c->p) != (uint64_t)len * 2)
		return reply(g, REPLY_E_INVALID);
	for (uint32_t i = 0; i < len; i++)
		if (!cur_byte(c, &buf[i]))
			return reply(g, REPLY_E_INVALID);
	return write_mem(g, addr, buf, len);
}

/* 'X': the data are raw bytes, already unescaped by the framing. gdb
 * probes for 'X' support with a zero-length write. */
static enum gdb_action pkt_write_mem_bin(struct gdb *g, struct cursor *c)
{
	uint32_t addr, len;

	if (!cur_addr_len(c, &addr, &len, ':') || (uint64_t)(c->end - c->p) != len)
		return reply(g, REPLY_E_INVALID);
	return write_mem(g, addr, (const uint8_t *)c->p, len);
}

/* ---- run control ------------------------------------------------------- */

static enum gdb_action resume(struct gdb *g, enum gdb_action act)
{
	g->running = true;
	return act;
}

/* c [addr], s [addr], C sig[;addr], S sig[;addr]: the signal is the
 * one gdb would deliver to a process; a machine has none to take, so it
 * is checked and dropped. */
static enum gdb_action resume_at(struct gdb *g, struct cursor *c, bool has_signal,
				 enum gdb_action act)
{
	uint32_t sig, addr;
	bool has_addr;

	if (has_signal && (!cur_hex(c, &sig) || sig > SIGNAL_MAX))
		return reply(g, REPLY_E_INVALID);
	has_addr = has_signal ? cur_eat(c, ';') : !cur_end(c);
	if ((has_addr && !cur_hex(c, &addr)) || !cur_end(c))
		return reply(g, REPLY_E_INVALID);
	if (has_addr && ops(g)->write_reg(g->cfg.ctx, GDB_ARM_REG_PC, addr))
		return reply(g, REPLY_E_INVALID);
	return resume(g, act);
}

static enum gdb_action pkt_continue(struct gdb *g, struct cursor *c)
{
	return resume_at(g, c, false, GDB_ACT_CONTINUE);
}

static enum gdb_action pkt_step(struct gdb *g, struct cursor *c)
{
	return resume_at(g, c, false, GDB_ACT_STEP);
}

static enum gdb_action pkt_continue_signal(struct gdb *g, struct cursor *c)
{
	return resume_at(g, c, true, GDB_ACT_CONTINUE);
}

static enum gdb_action pkt_step_signal(struct gdb *g, struct cursor *c)
{
	return resume_at(g, c, true, GDB_ACT_STEP);
}

static enum gdb_action pkt_vcont_query(struct gdb *g, struct cursor *c)
{
	(void)c;
	return reply(g, "vCont;c;C;s;S");
}

/* One vCont action "c", "Csig", "s" or "Ssig", with an optional
 * ":thread"; *ours is false when it names another thread. */
static bool cur_vcont_action(struct cursor *c, enum gdb_action *act, bool *ours)
{
	uint32_t sig;
	char a;

	if (cur_end(c))
		return false;
	a = *c->p++;
	if (a == 'c' || a == 'C')
		*act = GDB_ACT_CONTINUE;
	else if (a == 's' || a == 'S')
		*act = GDB_ACT_STEP;
	else
		return false;
	if ((a == 'C' || a == 'S') && (!cur_hex(c, &sig) || sig > SIGNAL_MAX))
		return false;
	*ours = true;
	return !cur_eat(c, ':') || cur_thread(c, ours);
}

/* vCont;action[:thread]...: the leftmost action that applies to our one
 * thread is the one taken (E.2 "vCont"). */
static enum gdb_action pkt_vcont(struct gdb *g, struct cursor *c)
{
	enum gdb_action act = GDB_ACT_NONE, this;
	bool ours;

	if (cur_end(c))
		return reply(g, REPLY_E_INVALID);
	while (!cur_end(c)) {
		if (!cur_eat(c, ';') || !cur_vcont_action(c, &this, &ours))
			return reply(g, REPLY_E_INVALID);
		if (act == GDB_ACT_NONE && ours)
			act = this;
	}
	if (act == GDB_ACT_NONE)
		return reply(g, REPLY_E_INVALID);
	return resume(g, act);
}

/* ---- breakpoints and watchpoints (Z, z) -------------------------------- */

static enum gdb_action point(struct gdb *g, struct cursor *c, bool insert)
{
	uint32_t type, addr, kind;
	int r;

	if (!cur_hex(c, &type) || !cur_eat(c, ',') || !cur_hex(c, &addr) ||
	    !cur_eat(c, ',') || !cur_hex(c, &kind) || !cur_end(c))
		return reply(g, REPLY_E_INVALID);
	if (type > GDB_WP_ACCESS)
		return reply(g, REPLY_UNSUPPORTED);
	if (insert)
		r = ops(g)->insert_point(g->cfg.ctx, (enum gdb_point)type, addr, kind);
	else
		r = ops(g)->remove_point(g->cfg.ctx, (enum gdb_point)type, addr, kind);
	if (r == 1)
		return reply(g, REPLY_UNSUPPORTED);
	return reply(g, r == 0 ? REPLY_OK : REPLY_E_INVALID);
}

static enum gdb_action pkt_insert_point(struct gdb *g, struct cursor *c)
{
	return point(g, c, true);
}

static enum gdb_action pkt_remove_point(struct gdb *g, struct cursor *c)
{
	return point(g, c, false);
}

/* ---- the session ------------------------------------------------------- */

/* "D" or "D;pid". The target runs on without a debugger, and the next
 * gdb to connect starts afresh (its '$' is GDB_ACT_ATTACH). */
static enum gdb_action pkt_detach(struct gdb *g, struct cursor *c)
{
	uint32_t pid;

	if (!cur_end(c) && (!cur_eat(c, ';') || !cur_hex(c, &pid) || !cur_end(c)))
		return reply(g, REPLY_E_INVALID);
	gdb_reply(g, REPLY_OK);
	g->swbreak_ok = false;
	g->hwbreak_ok = false;
	g->running = true;
	return GDB_ACT_DETACH;
}

/* 'k' has no reply (E.2); vKill does. */
static enum gdb_action pkt_kill(struct gdb *g, struct cursor *c)
{
	(void)g;
	(void)c;
	return GDB_ACT_KILL;
}

static enum gdb_action pkt_vkill(struct gdb *g, struct cursor *c)
{
	uint32_t pid;

	if (!cur_eat(c, ';') || !cur_hex(c, &pid) || !cur_end(c))
		return reply(g, REPLY_E_INVALID);
	gdb_reply(g, REPLY_OK);
	return GDB_ACT_KILL;
}

static enum gdb_action pkt_stop_reason(struct gdb *g, struct cursor *c)
{
	(void)c;
	gdb_tx_stop_reply(g);
	return GDB_ACT_NONE;
}

/* ---- threads: one, id 1 ------------------------------------------------ */

/* H op thread: select the thread for later operations ('g' for
 * registers and memory, 'c' for resuming). */
static enum gdb_action pkt_set_thread(struct gdb *g, struct cursor *c)
{
	bool ours;

	if (cur_end(c) || (*c->p != 'g' && *c->p != 'c'))
		return reply(g, REPLY_E_INVALID);
	c->p++;
	if (!cur_thread(c, &ours) || !cur_end(c) || !ours)
		return reply(g, REPLY_E_INVALID);
	return reply(g, REPLY_OK);
}

/* T thread: is it alive? */
static enum gdb_action pkt_thread_alive(struct gdb *g, struct cursor *c)
{
	bool ours;

	if (!cur_thread(c, &ours) || !cur_end(c) || !ours)
		return reply(g, REPLY_E_INVALID);
	return reply(g, REPLY_OK);
}

static enum gdb_action pkt_current_thread(struct gdb *g, struct cursor *c)
{
	(void)c;
	return reply(g, "QC" GDB_THREAD_ID);
}

static enum gdb_action pkt_first_thread(struct gdb *g, struct cursor *c)
{
	(void)c;
	return reply(g, "m" GDB_THREAD_ID);
}

static enum gdb_action pkt_next_thread(struct gdb *g, struct cursor *c)
{
	(void)c;
	return reply(g, "l");
}

/* qAttached: "1", gdb attached to an existing machine, so quitting
 * gdb detaches rather than kills. */
static enum gdb_action pkt_attached(struct gdb *g, struct cursor *c)
{
	(void)c;
	return reply(g, "1");
}

/* ---- general queries (E.4) --------------------------------------------- */

/* qSupported[:feature;...]: what gdb offers, answered with what the
 * stub does. PacketSize is hex. */
static enum gdb_action pkt_supported(struct gdb *g, struct cursor *c)
{
	char answer[sizeof("PacketSize=;qXfer:features:read+;swbreak+;hwbreak+;"
			   "vContSupported+") + sizeof(size_t) * 2];

	g->swbreak_ok = false;
	g->hwbreak_ok = false;
	if (cur_eat(c, ':')) {
		while (!cur_end(c)) {
			struct cursor f = { c->p, c->p };

			while (f.end < c->end && *f.end != ';')
				f.end++;
			if (cur_eat_str(&f, "swbreak+") && cur_end(&f))
				g->swbreak_ok = true;
			f.p = c->p;
			if (cur_eat_str(&f, "hwbreak+") && cur_end(&f))
				g->hwbreak_ok = true;
			c->p = f.end < c->end ? f.end + 1 : c->end;
		}
	}
	ksnprintf(answer, sizeof(answer),
		  "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+",
		  (unsigned)GDB_PACKET_MAX);
	return reply(g, answer);
}

/* Up to len bytes of the object from offset, as "m" (more may follow)
 * or "l" (the end), escaped binary, as much as fits a packet. */
static void tx_xfer_chunk(struct gdb *g, const char *obj, size_t obj_len,
			  uint32_t offset, uint32_t len)
{
	size_t pos = offset, end = obj_len, kind_at;

	if (obj_len - offset > len)
		end = offset + (size_t)len;
	gdb_tx_begin(g);
	kind_at = g->tx_len;
	gdb_tx_putc(g, 'm');
	while (pos < end && gdb_tx_putc(g, (uint8_t)obj[pos]))
		pos++;
	if (pos == obj_len)
		g->tx_buf[kind_at] = 'l';
	gdb_tx_send(g);
}

/* qXfer:features:read:annex:offset,length; the only object is the
 * target description, and other objects are not supported. */
static enum gdb_action pkt_xfer(struct gdb *g, struct cursor *c)
{
	size_t xml_len = strlen(gdb_arm_target_xml);
	uint32_t offset, len;

	if (!cur_eat_str(c, ":features:read:"))
		return reply(g, REPLY_UNSUPPORTED);
	if (!cur_eat_str(c, "target.xml:") || !cur_hex(c, &offset) ||
	    !cur_eat(c, ',') || !cur_hex(c, &len) || !cur_end(c))
		return reply(g, REPLY_E_XFER);
	if (offset > xml_len)
		return reply(g, REPLY_E_INVALID);
	tx_xfer_chunk(g, gdb_arm_target_xml, xml_len, offset, len);
	return GDB_ACT_NONE;
}

/* qRcmd,hex: a monitor command. Its text goes out as 'O' packets, then
 * "OK", or an error when the command is unknown. The command is decoded
 * in place: each byte comes from two hex digits at or after it. */
static enum gdb_action pkt_monitor(struct gdb *g, struct cursor *c)
{
	char *cmd;
	size_t n = 0;
	uint8_t b;
	int r;

	if (!cur_eat(c, ',') || (c->end - c->p) % 2)
		return reply(g, REPLY_E_INVALID);
	cmd = c->p;
	while (!cur_end(c)) {
		if (!cur_byte(c, &b))
			return reply(g, REPLY_E_INVALID);
		cmd[n++] = (char)b;
	}
	cmd[n] = '\0';
	g->out.open = false;
	r = ops(g)->monitor(g->cfg.ctx, cmd, &g->out);
	gdb_out_flush(g);
	return reply(g, r == 0 ? REPLY_OK : REPLY_E_INVALID);
}

/* ---- dispatch ---------------------------------------------------------- */

struct packet {
	const char *name;
	enum gdb_action (*run)(struct gdb *g, struct cursor *args);
};

static const struct packet packets[] = {
	{ "?", pkt_stop_reason },
	{ "g", pkt_read_regs },
	{ "G", pkt_write_regs },
	{ "p", pkt_read_reg },
	{ "P", pkt_write_reg },
	{ "m", pkt_read_mem },
	{ "M", pkt_write_mem_hex },
	{ "X", pkt_write_mem_bin },
	{ "c", pkt_continue },
	{ "s", pkt_step },
	{ "C", pkt_continue_signal },
	{ "S", pkt_step_signal },
	{ "vCont?", pkt_vcont_query },
	{ "vCont", pkt_vcont },
	{ "Z", pkt_insert_point },
	{ "z", pkt_remove_point },
	{ "D", pkt_detach },
	{ "k", pkt_kill },
	{ "vKill", pkt_vkill },
	{ "H", pkt_set_thread },
	{ "T", pkt_thread_alive },
	{ "qSupported", pkt_supported },
	{ "qXfer", pkt_xfer },
	{ "qRcmd", pkt_monitor },
	{ "qAttached", pkt_attached },
	{ "qC", pkt_current_thread },
	{ "qfThreadInfo", pkt_first_thread },
	{ "qsThreadInfo", pkt_next_thread },
};

/* A packet's name is its first letter, except for the query ('q', 'Q')
 * and multi-letter ('v') packets, whose names run to the first ':', ','
 * or ';' (E.2, E.4). */
static size_t name_len(const char *pkt, size_t len)
{
	size_t n;

	if (len == 0 || (pkt[0] != 'q' && pkt[0] != 'Q' && pkt[0] != 'v'))
		return len ? 1 : 0;
	for (n = 1; n < len; n++)
		if (pkt[n] == ':' || pkt[n] == ',' || pkt[n] == ';')
			break;
	return n;
}

/* Packets not in the table (qOffsets, qSymbol, qTStatus,
 * vMustReplyEmpty, ...) get the empty reply: not supported. */
enum gdb_action gdb_execute(struct gdb *g, char *pkt, size_t len)
{
	size_t n = name_len(pkt, len);
	struct cursor args = { pkt + n, pkt + len };

	for (size_t i = 0; i < sizeof(packets) / sizeof(packets[0]); i++)
		if (strlen(packets[i].name) == n && !memcmp(packets[i].name, pkt, n))
			return packets[i].run(g, &args);
	return reply(g, REPLY_UNSUPPORTED);
}
