/* The GDB protocol core (monitor/gdb_proto.c, gdb_packets.c) against a
 * fake ARM target: every packet the stub handles, byte for byte as
 * "Debugging with GDB" appendix E specifies it. Expected replies are
 * written out by hand; their checksums are computed here, independently
 * of the stub. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "monitor/gdb_proto.h"
#include "monitor/gdb_proto_int.h"
#include "tests/unit/gdb_fake.h"

/* ---- the test's own framing ------------------------------------------- */

/* "$payload#cs": the checksum is the modulo-256 sum of the payload bytes
 * in two lower-case hex digits (E.1). */
static const char *frame(const char *payload, size_t len)
{
	static char buf[4 * GDB_PACKET_MAX];
	unsigned sum = 0;

	if (len + sizeof("$#00") > sizeof(buf))
		abort();

	for (size_t i = 0; i < len; i++)
		sum += (uint8_t)payload[i];
	buf[0] = '$';
	memcpy(buf + 1, payload, len);
	snprintf(buf + 1 + len, sizeof(buf) - 1 - len, "#%02x", sum & 0xff);
	return buf;
}

static const char *framestr(const char *payload)
{
	return frame(payload, strlen(payload));
}

static enum gdb_action feed(const char *bytes, size_t n)
{
	enum gdb_action last = GDB_ACT_NONE, a;

	for (size_t i = 0; i < n; i++) {
		a = gdb_feed(&stub, (uint8_t)bytes[i]);
		if (a != GDB_ACT_NONE)
			last = a;
	}
	return last;
}

static enum gdb_action feeds(const char *bytes)
{
	return feed(bytes, strlen(bytes));
}

/* Send payload as a packet; the last action the stub asked for. */
static enum gdb_action send_pkt(const char *payload, size_t len)
{
	fake.out_len = 0;
	return feed(frame(payload, len), len + sizeof("$#00") - 1);
}

static bool out_is(const char *expect, size_t len)
{
	return fake.out_len == len && !memcmp(fake.out, expect, len);
}

static void show_out(const char *what, int line)
{
	fprintf(stderr, "  line %d %s: stub sent \"%.*s\"\n", line, what,
		(int)(fake.out_len > 300 ? 300 : fake.out_len), fake.out);
}

/* The packet gets '+' and then the reply, exactly. */
static void expect_reply_at(int line, const char *payload, size_t len, const char *reply,
			    size_t reply_len, enum gdb_action action)
{
	char want[8192];
	enum gdb_action got = send_pkt(payload, len);
	const char *f = frame(reply, reply_len);
	size_t flen = strlen(f);

	want[0] = '+';
	memcpy(want + 1, f, flen);
	if (out_is(want, flen + 1) && got == action) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "FAIL line %d: packet \"%.*s\": want \"%s\" action %d, got action %d\n",
			line, (int)len, payload, f, action, got);
		show_out("", line);
	}
}

#define EXPECT(pkt, reply) \
	expect_reply_at(__LINE__, pkt, strlen(pkt), reply, strlen(reply), GDB_ACT_NONE)
#define EXPECT_ACT(pkt, reply, act) \
	expect_reply_at(__LINE__, pkt, strlen(pkt), reply, strlen(reply), act)

/* The packet gets '+' and no reply, and the action. */
#define EXPECT_SILENT(pkt, act)                                      \
	do {                                                         \
		enum gdb_action act_ = send_pkt(pkt, strlen(pkt));   \
		CHECK(out_is("+", 1));                               \
		CHECK_EQ(act_, act);                                 \
	} while (0)


/* ---- framing (E.1) ----------------------------------------------------- */

static void test_checksum_helper_matches_manual(void)
{
	/* Packets with checksums as printed in gdb session logs. */
	CHECK(!strcmp(framestr("OK"), "$OK#9a"));
	CHECK(!strcmp(framestr(""), "$#00"));
	CHECK(!strcmp(framestr("g"), "$g#67"));
	CHECK(!strcmp(framestr("qC"), "$qC#b4"));
}

static void test_good_packet_acked_bad_checksum_nacked(void)
{
	fake_reset(false);
	EXPECT("qC", "QC1");
	fake.out_len = 0;
	feeds("$qC#b5");
	CHECK(out_is("-", 1));
	/* Upper-case checksum digits are hex too. */
	fake.out_len = 0;
	feeds("$OK#9A");
	CHECK(out_is("+$#00", 5));
}

static void test_garbage_between_packets_ignored(void)
{
	fake_reset(false);
	fake.out_len = 0;
	feeds("hello#12\x03+++");
	CHECK_EQ(fake.out_len, 0);
	feeds("$qC#b4");
	CHECK(out_is("+$QC1#c5", 8));
}

static void test_nak_retransmits_last_packet(void)
{
	fake_reset(false);
	EXPECT("qC", "QC1");
	fake.out_len = 0;
	feeds("-");
	CHECK(out_is("$QC1#c5", 7));
	fake.out_len = 0;
	feeds("+");
	CHECK_EQ(fake.out_len, 0);
	/* Before anything was sent a '-' has nothing to repeat. */
	fake_reset(false);
	feeds("-");
	CHECK_EQ(fake.out_len, 0);
}

static void test_oversized_packet_nacked_and_resynced(void)
{
	static char big[GDB_PACKET_MAX + 2];

	fake_reset(false);
	memset(big, 'a', sizeof(big) - 1);
	big[0] = 'q';
	send_pkt(big, GDB_PACKET_MAX + 1);
	CHECK(out_is("-", 1));
	/* Exactly GDB_PACKET_MAX is accepted: an unknown query. */
	EXPECT(big + 1, "");
	EXPECT("qC", "QC1");
}

static void test_new_start_inside_packet_restarts(void)
{
	fake_reset(false);
	fake.out_len = 0;
	feeds("$m0,4$qC#b4");
	CHECK(out_is("+$QC1#c5", 8));
	/* A bad checksum digit loses the packet but a '$' there begins
	 * the next one. */
	fake.out_len = 0;
	feeds("$qC#$qC#b4");
	CHECK(out_is("-+$QC1#c5", 9));
	/* A packet may not end inside an escape. */
	fake.out_len = 0;
	feeds(framestr("X100,1:}"));
	CHECK(out_is("-", 1));
}

/* E.1: '}' escapes the next byte, which is XORed with 0x20; gdb escapes
 * '#', '$', '}' and '*' in X data. */
static void test_escaped_binary_data_in_x(void)
{
	static const char pkt[] = "X100,5:}\x03}\x04}]}\x0a\x00";

	fake_reset(false);
	expect_reply_at(__LINE__, pkt, sizeof(pkt) - 1, "OK", 2, GDB_ACT_NONE);
	CHECK(!memcmp(fake.mem + 0x100, "#$}*\0", 5));
}

/* Replies escape the same four bytes, and the checksum covers the
 * escaped form. */
static void test_reply_escapes_special_bytes(void)
{
	const char *want = framestr("a}\x04" "b}\x03" "c}]d}\x0a" "e");

	fake_reset(false);
	fake.out_len = 0;
	gdb_tx_begin(&stub);
	gdb_tx_puts(&stub, "a$b#c}d*e");
	gdb_tx_send(&stub);
	CHECK(out_is(want, strlen(want)));
}

/* ---- stop replies (E.3) and run control -------------------------------- */

static void stop_at(int line, const struct gdb_stop *why, const char *reply)
{
	const char *want = framestr(reply);

	fake.out_len = 0;
	gdb_stopped(&stub, why);
	if (out_is(want, strlen(want)) && !stub.running) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "FAIL line %d: stop reply, want \"%s\"\n", line, want);
		show_out("", line);
	}
}

#define STOP(why, reply) stop_at(__LINE__, why, reply)

static void test_stop_reason_before_any_stop_is_sigtrap(void)
{
	fake_reset(false);
	EXPECT("?", "T05thread:1;0f:00800000;");
	fake.reg_broken[GDB_ARM_REG_PC] = true;
	EXPECT("?", "T05thread:1;");
}

static void test_stop_replies(void)
{
	struct gdb_stop sigint = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGINT };
	struct gdb_stop sw = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP, .sw_break = true };
	struct gdb_stop hw = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP, .hw_break = true };
	struct gdb_stop wr = { .kind = GDB_STOP_WATCH, .watch = GDB_WP_WRITE, .watch_addr = 0x1234 };
	struct gdb_stop rd = { .kind = GDB_STOP_WATCH, .watch = GDB_WP_READ, .watch_addr = 0xfffffffc };
	struct gdb_stop acc = { .kind = GDB_STOP_WATCH, .watch = GDB_WP_ACCESS, .watch_addr = 0 };
	struct gdb_stop off = { .kind = GDB_STOP_EXITED, .exit_code = 0x2a };

	fake_reset(false);
	STOP(&sigint, "T02thread:1;0f:00800000;");
	/* swbreak/hwbreak only when gdb said it understands them. */
	STOP(&sw, "T05thread:1;0f:00800000;");
	STOP(&hw, "T05thread:1;0f:00800000;");
	EXPECT("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+",
	       "PacketSize=1000;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+");
	STOP(&sw, "T05thread:1;0f:00800000;swbreak:;");
	STOP(&hw, "T05thread:1;0f:00800000;hwbreak:;");
	STOP(&wr, "T05thread:1;0f:00800000;watch:1234;");
	STOP(&rd, "T05thread:1;0f:00800000;rwatch:fffffffc;");
	STOP(&acc, "T05thread:1;0f:00800000;awatch:0;");
	EXPECT("?", "T05thread:1;0f:00800000;awatch:0;");
	STOP(&off, "W2a");
	EXPECT("?", "W2a");
	/* A later qSupported without the features takes them back. */
	EXPECT("qSupported:hwbreak+", "PacketSize=1000;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+");
	STOP(&sw, "T05thread:1;0f:00800000;");
	STOP(&hw, "T05thread:1;0f:00800000;hwbreak:;");
	EXPECT("qSupported", "PacketSize=1000;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+");
	STOP(&hw, "T05thread:1;0f:00800000;");
}

static void test_stopped_quiet_sends_nothing(void)
{
	struct gdb_stop sigint = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGINT };

	fake_reset(true);
	CHECK(stub.running);
	fake.out_len = 0;
	gdb_stopped_quiet(&stub, &sigint);
	CHECK_EQ(fake.out_len, 0);
	CHECK(!stub.running);
	EXPECT("?", "T02thread:1;0f:00800000;");
}

static void test_continue_and_step(void)
{
	fake_reset(false);
	EXPECT_SILENT("c", GDB_ACT_CONTINUE);
	CHECK(stub.running);
	fake_reset(false);
	EXPECT_SILENT("c1000", GDB_ACT_CONTINUE);
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0x1000);
	fake_reset(false);
	EXPECT_SILENT("s", GDB_ACT_STEP);
	CHECK(stub.running);
	fake_reset(false);
	EXPECT_SILENT("sABCDEF00", GDB_ACT_STEP);
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0xabcdef00);
	fake_reset(false);
	EXPECT_SILENT("C05", GDB_ACT_CONTINUE);
	fake_reset(false);
	EXPECT_SILENT("C02;2000", GDB_ACT_CONTINUE);
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0x2000);
	fake_reset(false);
	EXPECT_SILENT("S0b;3000", GDB_ACT_STEP);
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0x3000);
	fake_reset(false);
	EXPECT("cxyz", "E01");
	EXPECT("c100000000", "E01");
	EXPECT("C", "E01");
	EXPECT("C100", "E01");
	EXPECT("C05;", "E01");
	EXPECT("S05x", "E01");
	CHECK(!stub.running);
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0x8000);
}

static void test_vcont(void)
{
	fake_reset(false);
	EXPECT("vCont?", "vCont;c;C;s;S");
	EXPECT_SILENT("vCont;c", GDB_ACT_CONTINUE);
	fake_reset(false);
	EXPECT_SILENT("vCont;s:1;c", GDB_ACT_STEP);
	fake_reset(false);
	EXPECT_SILENT("vCont;s:2;c:-1", GDB_ACT_CONTINUE);
	fake_reset(false);
	EXPECT_SILENT("vCont;C05:1", GDB_ACT_CONTINUE);
	fake_reset(false);
	EXPECT_SILENT("vCont;S02", GDB_ACT_STEP);
	fake_reset(false);
	EXPECT("vCont;s:2", "E01");
	EXPECT("vCont", "E01");
	EXPECT("vCont;", "E01");
	EXPECT("vCont;t", "E01");
	EXPECT("vCont;r1000,2000", "E01");
	EXPECT("vCont;c:", "E01");
	EXPECT("vCont;C", "E01");
	EXPECT("vCont;cc", "E01");
	CHECK(!stub.running);
}

static void test_break_in_while_running(void)
{
	struct gdb_stop sigint = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGINT };

	fake_reset(false);
	/* While stopped, Ctrl-C means nothing. */
	fake.out_len = 0;
	CHECK_EQ(feeds("\x03"), GDB_ACT_NONE);
	CHECK_EQ(fake.out_len, 0);
	EXPECT_SILENT("c", GDB_ACT_CONTINUE);
	/* Acks and noise are dropped while running. */
	fake.out_len = 0;
	CHECK_EQ(feeds("+-x#"), GDB_ACT_NONE);
	CHECK_EQ(feeds("\x03"), GDB_ACT_BREAK);
	CHECK_EQ(fake.out_len, 0);
	STOP(&sigint, "T02thread:1;0f:00800000;");
	fake.out_len = 0;
	feeds("+");
	CHECK_EQ(fake.out_len, 0);
}

/* A new gdb connecting to a running machine: its first '$' asks the
 * embedder to stop the target; the packet is then handled as usual. */
static void test_packet_while_running_attaches(void)
{
	struct gdb_stop trap = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP };
	const char *pkt = "$?#3f";

	fake_reset(true);
	fake.out_len = 0;
	CHECK_EQ(feeds("+"), GDB_ACT_NONE);
	CHECK_EQ(gdb_feed(&stub, (uint8_t)pkt[0]), GDB_ACT_ATTACH);
	gdb_stopped_quiet(&stub, &trap);
	CHECK_EQ(feeds(pkt + 1), GDB_ACT_NONE);
	CHECK(out_is("+$T05thread:1;0f:00800000;#6a", 29));
}

/* ---- registers (E.2 g, G, p, P) ----------------------------------------- */

static void test_read_registers(void)
{
	char want[17 * 8 + 1];

	fake_reset(false);
	for (unsigned r = 0; r <= GDB_ARM_REG_PC; r++)
		fake.regs[r] = r;
	fake.regs[GDB_ARM_REG_PC] = 0x12345678;
	EXPECT("g", "00000000" "01000000" "02000000" "03000000" "04000000" "05000000"
		    "06000000" "07000000" "08000000" "09000000" "0a000000" "0b000000"
		    "0c000000" "0d000000" "0e000000" "78563412" "d3010060");
	fake_reset(false);
	expected_g(want);
	EXPECT("g", want);
	/* E.2 'g': an unavailable register reads as 'x' digits. */
	fake.reg_broken[3] = true;
	memcpy(want + 3 * 8, "xxxxxxxx", 8);
	EXPECT("g", want);
}

static void test_write_registers(void)
{
	char pkt[1 + 17 * 8 + sizeof("00")];

	fake_reset(false);
	strcpy(pkt, "G");
	for (unsigned i = 0; i < 17; i++)
		reg_hex(pkt + 1 + 8 * i, 0xa0b0c000u + i);
	EXPECT(pkt, "OK");
	for (unsigned r = 0; r <= GDB_ARM_REG_PC; r++)
		CHECK_EQ(fake.regs[r], 0xa0b0c000u + r);
	CHECK_EQ(fake.regs[GDB_ARM_REG_CPSR], 0xa0b0c010u);
	/* Upper-case hex is hex. */
	pkt[1] = 'F';
	EXPECT(pkt, "OK");
	CHECK_EQ(fake.regs[0], 0xa0b0c0f0u);

	fake_reset(false);
	pkt[1 + 17 * 8 - 1] = '\0';          /* odd */
	EXPECT(pkt, "E01");
	pkt[1 + 17 * 8 - 2] = '\0';          /* one byte short */
	EXPECT(pkt, "E01");
	reg_hex(pkt + 1 + 16 * 8, 0);
	strcat(pkt, "00");                   /* one byte long */
	EXPECT(pkt, "E01");
	pkt[1 + 17 * 8] = '\0';
	pkt[5] = 'g';                        /* not hex */
	EXPECT(pkt, "E01");
	EXPECT("G", "E01");
	CHECK_EQ(fake.regs[0], 0);
}

static void test_one_register(void)
{
	fake_reset(false);
	EXPECT("p0", "00000000");
	EXPECT("pf", "00800000");
	EXPECT("p19", "d3010060");
	EXPECT("pd", "eadddddd");   /* 0x11111111 * 13 + 13 */
	EXPECT("p10", "E01");       /* 16-24: no such register here */
	EXPECT("p1a", "E01");
	EXPECT("p", "E01");
	EXPECT("p1x", "E01");
	EXPECT("p100000000", "E01");
	EXPECT("Pf=78563412", "OK");
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0x12345678);
	EXPECT("P19=00000040", "OK");
	CHECK_EQ(fake.regs[GDB_ARM_REG_CPSR], 0x40000000);
	EXPECT("P10=00000000", "E01");
	EXPECT("Pf=1234", "E01");
	EXPECT("Pf=123456789a", "E01");
	EXPECT("Pf", "E01");
	EXPECT("P=00000000", "E01");
	CHECK_EQ(fake.regs[GDB_ARM_REG_PC], 0x12345678);
}

/* ---- memory (E.2 m, M, X) ---------------------------------------------- */

/* Hex of the fake's bytes at addr, built here. */
static void mem_hex(char *dst, uint32_t addr, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sprintf(dst + 2 * i, "%02x", fake.mem[addr + i]);
}

static void test_read_memory(void)
{
	static char want[GDB_PACKET_MAX + 1];

	fake_reset(false);
	fake.mem[0x100] = 0xde;
	fake.mem[0x101] = 0xad;
	fake.mem[0x102] = 0xbe;
	fake.mem[0x103] = 0xef;
	EXPECT("m100,4", "deadbeef");
	EXPECT("m0100,0004", "deadbeef");
	EXPECT("m7ffe,4", "f5fc");        /* stops at the hole */
	EXPECT("m8000,4", "E14");
	EXPECT("mffff,2", "fc");          /* the last mapped byte */
	EXPECT("m10000,2", "E14");
	EXPECT("m100,0", "");
	/* The reply is cut to what a packet holds. */
	mem_hex(want, 0, GDB_PACKET_MAX / 2);
	EXPECT("m0,ffffffff", want);
	CHECK_EQ(fake.last_read_len, GDB_PACKET_MAX / 2);
	/* ... and never wraps past the top of the address space. */
	EXPECT("mffffffff,ffffffff", "E14");
	CHECK_EQ(fake.last_read_len, 1);
	EXPECT("mfffffffe,10", "E14");
	CHECK_EQ(fake.last_read_len, 2);
	EXPECT("m100000000,4", "E01");
	EXPECT("m100,100000000", "E01");
	EXPECT("m100", "E01");
	EXPECT("m100,", "E01");
	EXPECT("m,4", "E01");
	EXPECT("m-1,4", "E01");
	EXPECT("m100,4x", "E01");
}

static void test_write_memory_hex(void)
{
	fake_reset(false);
	EXPECT("M100,4:01020304", "OK");
	CHECK(!memcmp(fake.mem + 0x100, "\x01\x02\x03\x04", 4));
	EXPECT("M104,2:A0Bf", "OK");
	CHECK(!memcmp(fake.mem + 0x104, "\xa0\xbf", 2));
	EXPECT("M100,0:", "OK");
	EXPECT("M7ffe,4:11223344", "E14");
	CHECK(!memcmp(fake.mem + 0x7ffe, "\x11\x22", 2));
	EXPECT("Mffffffff,2:1122", "E14");
	EXPECT("M100,4:010203", "E01");
	EXPECT("M100,4:0102030405", "E01");
	EXPECT("M100,2:01x2", "E01");
	EXPECT("M100,2", "E01");
	EXPECT("M100,2;0102", "E01");
	EXPECT("M100,ffffffff:00", "E01");
	CHECK(!memcmp(fake.mem + 0x100, "\x01\x02\x03\x04", 4));
}

static void test_write_memory_binary(void)
{
	static const char nul[] = "X200,3:a\0b";

	fake_reset(false);
	/* gdb's probe for X support. */
	EXPECT("X100,0:", "OK");
	EXPECT("X100,4:wxyz", "OK");
	CHECK(!memcmp(fake.mem + 0x100, "wxyz", 4));
	expect_reply_at(__LINE__, nul, sizeof(nul) - 1, "OK", 2, GDB_ACT_NONE);
	CHECK(!memcmp(fake.mem + 0x200, "a\0b", 3));
	EXPECT("X8000,1:q", "E14");
	EXPECT("X7fff,2:qr", "E14");
	CHECK_EQ(fake.mem[0x7fff], 'q');
	EXPECT("X100,4:wxy", "E01");
	EXPECT("X100,4:wxyzz", "E01");
	EXPECT("X100,4", "E01");
	EXPECT("X100:wxyz", "E01");
}

/* ---- breakpoints and watchpoints (E.2 Z, z) ---------------------------- */

static void test_points(void)
{
	fake_reset(false);
	EXPECT("Z0,1000,4", "OK");
	CHECK(fake.points[0].used && fake.points[0].type == GDB_BP_SW &&
	      fake.points[0].addr == 0x1000 && fake.points[0].kind == 4);
	EXPECT("Z1,2000,2", "OK");
	CHECK_EQ(fake.points[1].type, GDB_BP_HW);
	EXPECT("Z2,3000,8", "OK");
	CHECK_EQ(fake.points[2].type, GDB_WP_WRITE);
	EXPECT("Z4,4000,1", "OK");
	CHECK_EQ(fake.points[3].type, GDB_WP_ACCESS);
	EXPECT("Z0,5000,4", "E01");          /* the target refused: full */
	EXPECT("Z3,3000,4", "");             /* this kind unsupported */
	EXPECT("z3,3000,4", "");
	EXPECT("Z5,3000,4", "");             /* no such kind in E.2 */
	EXPECT("z0,1000,4", "OK");
	CHECK(!fake.points[0].used);
	EXPECT("z0,1000,4", "E01");
	EXPECT("z2,3000,8", "OK");
	EXPECT("Z0,ffffffff,ffffffff", "OK");
	CHECK(fake.points[0].addr == 0xffffffff && fake.points[0].kind == 0xffffffff);
	EXPECT("Z0,1000", "E01");
	EXPECT("Z0,1000,", "E01");
	EXPECT("Z0,1000,4;X2,0a", "E01");
	EXPECT("Z", "E01");
	EXPECT("Z0,100000000,4", "E01");
	EXPECT("z,1000,4", "E01");
}

/* ---- the session ------------------------------------------------------- */

static void test_detach_and_kill(void)
{
	fake_reset(false);
	EXPECT("qSupported:swbreak+", "PacketSize=1000;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+");
	EXPECT_ACT("D", "OK", GDB_ACT_DETACH);
	CHECK(stub.running);
	CHECK(!stub.swbreak_ok);
	/* The next gdb's first packet. */
	fake.out_len = 0;
	CHECK_EQ(feeds("+$"), GDB_ACT_ATTACH);
	fake_reset(false);
	EXPECT_ACT("D;1", "OK", GDB_ACT_DETACH);
	fake_reset(false);
	EXPECT("D;", "E01");
	EXPECT("D1", "E01");
	CHECK(!stub.running);
	EXPECT_SILENT("k", GDB_ACT_KILL);
	EXPECT_ACT("vKill;1", "OK", GDB_ACT_KILL);
	EXPECT("vKill", "E01");
	EXPECT("vKill;", "E01");
}

static void test_thread_packets(void)
{
	fake_reset(false);
	EXPECT("qAttached", "1");
	EXPECT("qAttached:1", "1");
	EXPECT("qC", "QC1");
	EXPECT("qfThreadInfo", "m1");
	EXPECT("qsThreadInfo", "l");
	EXPECT("Hg0", "OK");
	EXPECT("Hg1", "OK");
	EXPECT("Hc-1", "OK");
	EXPECT("Hc0", "OK");
	EXPECT("Hg2", "E01");
	EXPECT("Hx0", "E01");
	EXPECT("Hg", "E01");
	EXPECT("H", "E01");
	EXPECT("T1", "OK");
	EXPECT("T2", "E01");
	EXPECT("T", "E01");
}

static void test_unsupported_packets_reply_empty(void)
{
	static const char *const unknown[] = {
		"", "qOffsets", "qSymbol::", "qTStatus", "vMustReplyEmpty",
		"qCRC:0,4", "QStartNoAckMode", "vFile:setfs:0", "!", "qL1200",
		"qCc", "vContx", "qSupportedx", "qXfer:libraries:read::0,fff",
		"qXfer:features:write:target.xml:0,10", "qXfer",
	};

	fake_reset(false);
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		EXPECT(unknown[i], "");
}

/* ---- the target description (qXfer, E.4; G.5.1) ------------------------ */

static void test_target_xml_names_arm_core_registers(void)
{
	static const char *const in_order[] = {
		"<target", "<architecture>arm</architecture>",
		"<feature name=\"org.gnu.gdb.arm.core\">",
		"name=\"r0\"", "name=\"r1\"", "name=\"r2\"", "name=\"r3\"",
		"name=\"r4\"", "name=\"r5\"", "name=\"r6\"", "name=\"r7\"",
		"name=\"r8\"", "name=\"r9\"", "name=\"r10\"", "name=\"r11\"",
		"name=\"r12\"", "name=\"sp\" bitsize=\"32\" type=\"data_ptr\"",
		"name=\"lr\"", "name=\"pc\" bitsize=\"32\" type=\"code_ptr\"",
		"name=\"cpsr\" bitsize=\"32\" regnum=\"25\"", "</feature>", "</target>",
	};
	const char *p = gdb_arm_target_xml;

	for (size_t i = 0; i < sizeof(in_order) / sizeof(in_order[0]); i++) {
		p = strstr(p, in_order[i]);
		CHECK(p != NULL);
		if (!p)
			return;
	}
}

static void test_xfer_target_xml(void)
{
	size_t len = strlen(gdb_arm_target_xml);
	static char want[GDB_PACKET_MAX + 2], pkt[64];

	fake_reset(false);
	/* The description has nothing that needs escaping, so the replies
	 * are 'm'/'l' plus the text itself. */
	CHECK(!strpbrk(gdb_arm_target_xml, "$#}*"));
	CHECK(len < GDB_PACKET_MAX - 1);
	snprintf(want, sizeof(want), "l%s", gdb_arm_target_xml);
	EXPECT("qXfer:features:read:target.xml:0,ffb", want);
	EXPECT("qXfer:features:read:target.xml:0,ffffffff", want);
	snprintf(want, sizeof(want), "m%.16s", gdb_arm_target_xml);
	EXPECT("qXfer:features:read:target.xml:0,10", want);
	snprintf(want, sizeof(want), "m%.16s", gdb_arm_target_xml + 0x10);
	EXPECT("qXfer:features:read:target.xml:10,10", want);
	snprintf(pkt, sizeof(pkt), "qXfer:features:read:target.xml:%zx,10", len - 5);
	snprintf(want, sizeof(want), "l%s", gdb_arm_target_xml + len - 5);
	EXPECT(pkt, want);
	snprintf(pkt, sizeof(pkt), "qXfer:features:read:target.xml:%zx,10", len);
	EXPECT(pkt, "l");
	snprintf(pkt, sizeof(pkt), "qXfer:features:read:target.xml:%zx,10", len + 1);
	EXPECT(pkt, "E01");
	EXPECT("qXfer:features:read:arm-core.xml:0,10", "E00");
	EXPECT("qXfer:features:read::0,10", "E00");
	EXPECT("qXfer:features:read:target.xml:0", "E00");
	EXPECT("qXfer:features:read:target.xml:,10", "E00");
	EXPECT("qXfer:features:read:target.xml:0,10x", "E00");
	EXPECT("qXfer:features:read:target.xml:100000000,10", "E00");
}

/* ---- monitor commands (E.4 qRcmd, E.3 O) ------------------------------- */

/* "qRcmd," and the command in hex. */
static const char *rcmd(const char *cmd)
{
	static char buf[256];

	strcpy(buf, "qRcmd,");
	for (size_t i = 0; cmd[i]; i++)
		sprintf(buf + strlen(buf), "%02x", (uint8_t)cmd[i]);
	return buf;
}

/* '+', then each payload as a packet. */
static void expect_packets_at(int line, const char *pkt, const char *const *payloads, size_t n)
{
	static char want[4 * GDB_PACKET_MAX];
	size_t len = 1;

	send_pkt(pkt, strlen(pkt));
	want[0] = '+';
	for (size_t i = 0; i < n; i++) {
		const char *f = framestr(payloads[i]);

		memcpy(want + len, f, strlen(f));
		len += strlen(f);
	}
	if (out_is(want, len)) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "FAIL line %d: packet \"%s\": want \"%.*s\"\n", line, pkt,
			(int)len, want);
		show_out("", line);
	}
}

#define EXPECT_PACKETS(pkt, ...)                                                  \
	do {                                                                      \
		static const char *const p_[] = { __VA_ARGS__ };                  \
		expect_packets_at(__LINE__, pkt, p_, sizeof(p_) / sizeof(p_[0])); \
	} while (0)

/* Split the stub's output after the '+' into packets: each must be
 * well-formed and fit GDB_PACKET_MAX; their payloads are concatenated
 * to dst. Returns the number of packets, -1 if malformed. */
static int split_packets(const char *s, size_t n, char *dst, size_t *dst_len, char *last)
{
	int count = 0;
	size_t i = 0;

	*dst_len = 0;
	while (i < n) {
		unsigned sum = 0, cs;
		size_t start;

		if (s[i++] != '$')
			return -1;
		start = i;
		while (i < n && s[i] != '#')
			sum += (uint8_t)s[i++];
		if (i + 3 > n || i - start > GDB_PACKET_MAX ||
		    sscanf(s + i + 1, "%2x", &cs) != 1 || cs != (sum & 0xff))
			return -1;
		memcpy(dst + *dst_len, s + start, i - start);
		*dst_len += i - start;
		if (last) {
			memcpy(last, s + start, i - start);
			last[i - start] = '\0';
		}
		i += 3;
		count++;
	}
	return count;
}

static void test_monitor_command_output(void)
{
	static char all[4 * GDB_PACKET_MAX];
	static char text[BIG_TEXT_LEN + 1];
	static char last[GDB_PACKET_MAX + 1];
	size_t len;
	int packets;

	fake_reset(false);
	EXPECT_PACKETS(rcmd("hello"), "O68690a", "OK");
	EXPECT_PACKETS(rcmd("fmt"), "O34322d61622d6666", "OK");
	EXPECT_PACKETS(rcmd("silent"), "OK");
	EXPECT_PACKETS(rcmd("bad"), "O756e6b6e6f776e3a206261640a", "E01");
	EXPECT_PACKETS("qRcmd,", "O756e6b6e6f776e3a200a", "E01");
	EXPECT("qRcmd,6", "E01");
	EXPECT("qRcmd,zz", "E01");
	EXPECT("qRcmd", "E01");
	/* Long output: several 'O' packets, none above the limit, whose
	 * text adds up to the command's. */
	send_pkt(rcmd("big"), strlen(rcmd("big")));
	CHECK(fake.out_len > 0 && fake.out[0] == '+');
	packets = split_packets(fake.out + 1, fake.out_len - 1, all, &len, last);
	CHECK_EQ(packets, 4);
	CHECK(!strcmp(last, "OK"));
	for (int i = 0; i < BIG_TEXT_LEN; i++)
		text[i] = (char)('0' + i % 10);
	CHECK_EQ(len, 3 + 2 * BIG_TEXT_LEN + 2);
	for (size_t i = 0, o = 0; i + 2 < len && o < BIG_TEXT_LEN; o++) {
		unsigned b;

		if (all[i] == 'O')
			i++;
		if (sscanf(all + i, "%2x", &b) != 1 || b != (uint8_t)text[o]) {
			CHECK(!"monitor text reassembles");
			break;
		}
		i += 2;
	}
}

int main(void)
{
	test_checksum_helper_matches_manual();
	test_good_packet_acked_bad_checksum_nacked();
	test_garbage_between_packets_ignored();
	test_nak_retransmits_last_packet();
	test_oversized_packet_nacked_and_resynced();
	test_new_start_inside_packet_restarts();
	test_escaped_binary_data_in_x();
	test_reply_escapes_special_bytes();
	test_stop_reason_before_any_stop_is_sigtrap();
	test_stop_replies();
	test_stopped_quiet_sends_nothing();
	test_continue_and_step();
	test_vcont();
	test_break_in_while_running();
	test_packet_while_running_attaches();
	test_read_registers();
	test_write_registers();
	test_one_register();
	test_read_memory();
	test_write_memory_hex();
	test_write_memory_binary();
	test_points();
	test_detach_and_kill();
	test_thread_packets();
	test_unsupported_packets_reply_empty();
	test_target_xml_names_arm_core_registers();
	test_xfer_target_xml();
	test_monitor_command_output();
	return check_report("gdb-proto");
}
