/* The GDB protocol core fuzzed: random and damaged packet streams (bit
 * flips, cuts, insertions, bad checksums, escapes at the end, numbers
 * that overflow, fields missing, packets at and over GDB_PACKET_MAX)
 * through gdb_feed, under ASan and UBSan, with the fake target of
 * gdb_fake.h and an embedder that acts on each gdb_action. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "monitor/gdb_proto.h"
#include "tests/unit/gdb_fake.h"

#define FUZZ_CASES 100000
#define FUZZ_SEED 0x9e3779b97f4a7c15ull
#define FUZZ_STREAM_MAX (4 * GDB_PACKET_MAX)
#define FUZZ_REPORT_MAX 5

/* xorshift64*: a fixed sequence, so a failing case number reproduces. */
static uint64_t rng_state = FUZZ_SEED;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static uint32_t below(uint32_t n)
{
	return (uint32_t)(rnd() % n);
}

/* Checks every byte the stub sends, as gdb's reader would see them:
 * single '+'/'-', or '$' payload '#' and the right checksum, with no
 * raw '$' or '*' (run-length code) inside, escapes only of the four
 * bytes E.1 names, and no payload above GDB_PACKET_MAX. */
static struct out_checker {
	enum { OC_IDLE, OC_DATA, OC_ESCAPE, OC_CS1, OC_CS2 } state;
	unsigned sum, got;
	size_t len;
	char payload[GDB_PACKET_MAX + 1];
	char last[GDB_PACKET_MAX + 1];   /* the last complete payload */
	const char *error;
} oc;

static int lower_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static void oc_payload_byte(uint8_t c)
{
	if (oc.len >= GDB_PACKET_MAX) {
		oc.error = "payload above GDB_PACKET_MAX";
		return;
	}
	oc.payload[oc.len++] = (char)c;
	oc.sum += c;
}

static void oc_byte(uint8_t c)
{
	switch (oc.state) {
	case OC_IDLE:
		if (c == '$') {
			oc.state = OC_DATA;
			oc.len = 0;
			oc.sum = 0;
		} else if (c != '+' && c != '-') {
			oc.error = "stray byte between packets";
		}
		break;
	case OC_DATA:
		if (c == '#')
			oc.state = OC_CS1;
		else if (c == '$' || c == '*')
			oc.error = "raw '$' or '*' in a payload";
		else
			oc_payload_byte(c);
		if (c == '}')
			oc.state = OC_ESCAPE;
		break;
	case OC_ESCAPE:
		if (c != ('$' ^ 0x20) && c != ('#' ^ 0x20) && c != ('}' ^ 0x20) &&
		    c != ('*' ^ 0x20))
			oc.error = "escape of a byte that needs none";
		oc_payload_byte(c);
		oc.state = OC_DATA;
		break;
	case OC_CS1:
	case OC_CS2:
		if (lower_hex(c) < 0) {
			oc.error = "checksum not two lower-case hex digits";
			break;
		}
		if (oc.state == OC_CS1) {
			oc.got = (unsigned)lower_hex(c);
			oc.state = OC_CS2;
			break;
		}
		oc.got = oc.got << 4 | (unsigned)lower_hex(c);
		if (oc.got != (oc.sum & 0xff))
			oc.error = "wrong checksum";
		memcpy(oc.last, oc.payload, oc.len);
		oc.last[oc.len] = '\0';
		oc.state = OC_IDLE;
		break;
	}
}

/* Check what the stub sent since the last call, then forget it. */
static void oc_drain(void)
{
	for (size_t i = 0; i < fake.out_len && !oc.error; i++)
		oc_byte((uint8_t)fake.out[i]);
	fake.out_len = 0;
}

/* The embedder's side: what monitor/gdbstub.c does with each action. */
static void embed_feed(const uint8_t *bytes, size_t n)
{
	struct gdb_stop trap = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP };
	struct gdb_stop sigint = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGINT };

	for (size_t i = 0; i < n; i++) {
		switch (gdb_feed(&stub, bytes[i])) {
		case GDB_ACT_STEP:
			gdb_stopped(&stub, &trap);
			break;
		case GDB_ACT_BREAK:
			gdb_stopped(&stub, &sigint);
			break;
		case GDB_ACT_ATTACH:
			gdb_stopped_quiet(&stub, &trap);
			break;
		case GDB_ACT_DETACH:
			memset(fake.points, 0, sizeof(fake.points));
			break;
		default:
			break;
		}
		oc_drain();
	}
}

/* Valid packets, the ones gdb sends and some it could. */
static const char *const corpus[] = {
	"g", "?", "p0", "pf", "p19", "Pf=00800000", "P0=deadbeef",
	"G000000000100000002000000030000000400000005000000060000000700000008000000"
	"090000000a0000000b0000000c0000000d0000000e00000000800000d3010060",
	"m0,100", "m7ff0,20", "m0,fff", "M100,4:01020304", "X100,4:abcd",
	"X100,4:}\x03}]}\x04}\x0a", "X100,0:", "c", "s", "c8000", "s8000",
	"C05", "S02;8000", "vCont?", "vCont;c", "vCont;s:1;c", "vCont;C05:-1",
	"Z0,1000,4", "z0,1000,4", "Z1,2000,2", "Z2,3000,8", "Z3,3000,4",
	"Z4,4000,1", "z4,4000,1", "D", "D;1", "k", "vKill;1",
	"qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+",
	"qXfer:features:read:target.xml:0,ffb", "qXfer:features:read:target.xml:10,20",
	"qRcmd,68656c6c6f", "qRcmd,626967", "qRcmd,666d74", "qRcmd,626164",
	"qAttached", "qC", "qfThreadInfo", "qsThreadInfo", "Hg0", "Hc-1", "T1",
	"qOffsets", "qSymbol::", "qTStatus", "vMustReplyEmpty", "QStartNoAckMode",
	/* Hostile numbers and missing fields. */
	"mffffffff,ffffffff", "m-1,4", "m100,fffffffffffffffffff", "m,", "m",
	"M0,ffffffff:00", "Mffffffff,2:0000", "X0,ffffffff:", "Xffffffff,1:a",
	"qXfer:features:read:target.xml:ffffffff,ffffffff",
	"qXfer:features:read:target.xml:-1,-1", "Z0,,", "Z,,", "Zffffffff,0,0",
	"P=", "P19=", "p-1", "vCont;", "vCont;C", "C;", "S", "qRcmd,", "qRcmd,0",
	"qXfer:features:read:target.xml:0,", "D;", "vKill", "H", "T",
};

#define CORPUS_N (sizeof(corpus) / sizeof(corpus[0]))

struct stream {
	uint8_t b[FUZZ_STREAM_MAX];
	size_t n;
};

static void put_byte(struct stream *s, uint8_t c)
{
	if (s->n < FUZZ_STREAM_MAX)
		s->b[s->n++] = c;
}

/* '$', payload, '#', and the right checksum or a random one. */
static void put_packet(struct stream *s, const char *payload, size_t len, bool good_sum)
{
	uint8_t sum = 0;
	char cs[3];

	put_byte(s, '$');
	for (size_t i = 0; i < len; i++) {
		put_byte(s, (uint8_t)payload[i]);
		sum += (uint8_t)payload[i];
	}
	if (!good_sum)
		sum = (uint8_t)rnd();
	snprintf(cs, sizeof(cs), "%02x", sum);
	put_byte(s, '#');
	put_byte(s, (uint8_t)cs[0]);
	put_byte(s, (uint8_t)cs[1]);
}

/* A byte, biased towards the ones the protocol gives a meaning. */
static uint8_t interesting_byte(void)
{
	static const char special[] = "$#}*+-\x03:,;=0fF9";

	if (below(2))
		return (uint8_t)special[below(sizeof(special) - 1)];
	return (uint8_t)rnd();
}

/* Bit flips, cuts, insertions, escapes and checksum damage to a
 * well-framed packet. */
static void put_mutated(struct stream *s)
{
	uint8_t tmp[GDB_PACKET_MAX];
	struct stream one = { .n = 0 };
	const char *p = corpus[below(CORPUS_N)];

	put_packet(&one, p, strlen(p), true);
	for (unsigned m = 1 + below(3); m; m--) {
		size_t at = below((uint32_t)one.n);

		switch (below(5)) {
		case 0:
			one.b[at] ^= (uint8_t)(1u << below(8));
			break;
		case 1:
			one.n = at;
			break;
		case 2:
			if (one.n < sizeof(tmp)) {
				memcpy(tmp, one.b + at, one.n - at);
				one.b[at] = interesting_byte();
				memcpy(one.b + at + 1, tmp, one.n - at);
				one.n++;
			}
			break;
		case 3:
			/* An escape just before the end. */
			if (one.n >= 3 && one.b[one.n - 3] == '#') {
				memcpy(tmp, one.b + one.n - 3, 3);
				one.b[one.n - 3] = '}';
				memcpy(one.b + one.n - 2, tmp, 3);
				one.n++;
			}
			break;
		default:
			one.b[at] = interesting_byte();
			break;
		}
		if (one.n == 0)
			break;
	}
	for (size_t i = 0; i < one.n; i++)
		put_byte(s, one.b[i]);
}

/* A packet near GDB_PACKET_MAX, under or over it. */
static void put_huge(struct stream *s)
{
	static char payload[GDB_PACKET_MAX + 16];
	static const char *const heads[] = { "M100,7fe:", "X100,ffc:", "m", "qRcmd,", "G" };
	size_t len = GDB_PACKET_MAX - 8 + below(16);
	const char *head = heads[below(sizeof(heads) / sizeof(heads[0]))];
	size_t hl = strlen(head);

	memcpy(payload, head, hl);
	for (size_t i = hl; i < len; i++)
		payload[i] = head[0] == 'X' ? (char)(0x20 + below(0x5f)) : "0123456789abcdef"[below(16)];
	for (size_t i = hl; i < len; i++)
		if (payload[i] == '$' || payload[i] == '#' || payload[i] == '}' || payload[i] == '*')
			payload[i] = 'a';
	put_packet(s, payload, len, below(8) != 0);
}

/* A packet with random numbers where numbers go. */
static void put_random_numbers(struct stream *s)
{
	char p[160];
	uint64_t a = rnd() >> below(64), b = rnd() >> below(64), c = rnd() >> below(64);

	switch (below(8)) {
	case 0: snprintf(p, sizeof(p), "m%" PRIx64 ",%" PRIx64, a, b); break;
	case 1: snprintf(p, sizeof(p), "M%" PRIx64 ",%" PRIx64 ":%04" PRIx64, a, b & 3, c & 0xffff); break;
	case 2: snprintf(p, sizeof(p), "X%" PRIx64 ",%" PRIx64 ":ab", a, b & 3); break;
	case 3: snprintf(p, sizeof(p), "Z%" PRIx64 ",%" PRIx64 ",%" PRIx64, a & 7, b, c); break;
	case 4: snprintf(p, sizeof(p), "p%" PRIx64, a); break;
	case 5: snprintf(p, sizeof(p), "P%" PRIx64 "=%08" PRIx64, a & 0x1f, b); break;
	case 6: snprintf(p, sizeof(p), "qXfer:features:read:target.xml:%" PRIx64 ",%" PRIx64, a, b); break;
	default: snprintf(p, sizeof(p), "vCont;%c%02" PRIx64 ":%" PRIx64, "cCsSt"[below(5)], a & 0xff, b & 3); break;
	}
	put_packet(s, p, strlen(p), true);
}

static void fuzz_stream(struct stream *s)
{
	s->n = 0;
	for (unsigned items = 1 + below(4); items; items--) {
		uint32_t kind = below(20);

		if (kind < 5) {
			const char *p = corpus[below(CORPUS_N)];

			put_packet(s, p, strlen(p), true);
		} else if (kind < 11) {
			put_mutated(s);
		} else if (kind < 14) {
			for (unsigned n = below(48); n; n--)
				put_byte(s, interesting_byte());
		} else if (kind < 15) {
			put_huge(s);
		} else if (kind < 18) {
			put_random_numbers(s);
		} else {
			put_byte(s, "+-\x03"[below(3)]);
		}
	}
}

static void fuzz_report(unsigned n, const char *what, const struct stream *s)
{
	fprintf(stderr, "FAIL fuzz case %u: %s; input:", n, what);
	for (size_t i = 0; i < s->n && i < 200; i++)
		fprintf(stderr, isprint(s->b[i]) ? "%c" : "\\x%02x", s->b[i]);
	fprintf(stderr, "\n");
}

/* Random and damaged streams: the stub must not crash (ASan, UBSan),
 * must only ever send well-formed packets, and must still answer a
 * plain 'g' correctly afterwards. */
static void test_fuzz(void)
{
	static struct stream s;
	static const uint8_t g_pkt[] = "$g#67";
	char want[17 * 8 + 1];
	unsigned bad_output = 0, bad_g = 0;

	fake_reset(false);
	memset(&oc, 0, sizeof(oc));
	for (unsigned n = 0; n < FUZZ_CASES; n++) {
		fuzz_stream(&s);
		embed_feed(s.b, s.n);
		oc.last[0] = '\0';
		embed_feed(g_pkt, sizeof(g_pkt) - 1);
		if (oc.error) {
			if (bad_output++ < FUZZ_REPORT_MAX)
				fuzz_report(n, oc.error, &s);
			memset(&oc, 0, sizeof(oc));
		}
		expected_g(want);
		if (strcmp(oc.last, want) || oc.state != OC_IDLE) {
			if (bad_g++ < FUZZ_REPORT_MAX)
				fuzz_report(n, "'g' no longer answered right", &s);
		}
	}
	printf("fuzz: %u cases, %u with bad output, %u with a wrong 'g' after\n",
	       FUZZ_CASES, bad_output, bad_g);
	CHECK_EQ(bad_output, 0);
	CHECK_EQ(bad_g, 0);
}

int main(void)
{
	test_fuzz();
	return check_report("gdb-fuzz");
}
