/* The 32-bit T32 decoder (t32_decode_wide) checked against an independent
 * reference, GNU objdump in forced Thumb mode. Seeded random words from
 * the 32-bit space (hw1 bits 15:11 = 11101, 11110 or 11111) and words
 * aimed at every encoding-table entry are written as two little-endian
 * halfwords and disassembled; for each the decoder must agree on defined
 * vs UNDEFINED, on the mnemonic, on the registers and on the immediates
 * and branch targets. Words the decoder flags UNPREDICTABLE are counted,
 * not compared: the manual allows any behaviour there.
 *
 * A second mode checks compiled Thumb code: every 32-bit instruction
 * objdump finds in an ELF must decode, defined and not UNPREDICTABLE, and
 * agree the same way.
 *
 * usage: test_t32_decode OBJDUMP WORKDIR [SEED]
 *        test_t32_decode OBJDUMP --elf THUMB-ELF */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbt/t32_decode.h"
#include "dbt/t32_decode_tab.h"
#include "t32_objdump_expect.h"

#define N_RANDOM 150000
#define PER_ENTRY 160
#define MAX_ENTRIES 512
#define MAX_WORDS (N_RANDOM + MAX_ENTRIES * PER_ENTRY)
#define MAX_FAIL_PRINT 100

static uint32_t *words;
static size_t n_words;

static void add(uint32_t w)
{
	if (n_words < MAX_WORDS)
		words[n_words++] = w;
}

/* A random word of the 32-bit space (A6.1). */
static uint32_t random_wide(void)
{
	return (a32x_random() & 0x07ffffffu) | (0x1du + a32x_random() % 3) << 27;
}

/* Words in group g matching one entry, the rest random; mostly with the
 * (0)/(1) bits as required. Returns how many decode as the entry's op:
 * none means an earlier entry shadows it. */
static int gen_entry(const struct t32_group *g, const struct t32_pattern *p)
{
	int hits = 0;

	for (int i = 0; i < PER_ENTRY; i++) {
		struct a32_insn d;
		uint32_t w = (a32x_random() & ~p->mask) | (p->value & p->mask);

		if (i % 4 != 0)
			w = (w & ~p->sbmask) | (p->value & p->sbmask);
		w = (w & ~g->mask) | g->value;
		add(w);
		t32_decode_wide(w, &d);
		hits += d.op == p->op;
	}
	return hits;
}

/* Returns the number of table entries no word reached. */
static unsigned gen_words(void)
{
	unsigned shadowed = 0;

	for (int i = 0; i < N_RANDOM; i++)
		add(random_wide());
	for (size_t gi = 0; gi < t32_group_count; gi++) {
		const struct t32_group *g = &t32_groups[gi];

		if (g->mask == 0)
			continue;       /* the catch-all: no entries of its own */
		for (size_t i = 0; i < g->table->len; i++) {
			const struct t32_pattern *p = &g->table->pat[i];
			if (p->mask == 0 || gen_entry(g, p))
				continue;
			printf("FAIL: table entry %08x/%08x (%s) is shadowed\n",
			       p->value, p->mask,
			       a32_op_name((enum a32_op)p->op));
			shadowed++;
		}
	}
	return shadowed;
}

/* ---- objdump's side ------------------------------------------------------ */

struct dis {
	uint32_t word;
	bool wide;                  /* two halfwords on the line */
	char mnem[32];
	char ops[A32X_MAX_OPS];     /* operands, without the trailing comment */
	bool undefined, unpredictable;
};

static bool hex4(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* The mnemonic without objdump's width suffix. */
static void set_mnem(struct dis *out, const char *m, size_t len)
{
	snprintf(out->mnem, sizeof(out->mnem), "%.*s", (int)len, m);
	len = strlen(out->mnem);
	if (len > 2 && (!strcmp(out->mnem + len - 2, ".w") ||
			!strcmp(out->mnem + len - 2, ".n")))
		out->mnem[len - 2] = 0;
}

/* One objdump line: "   addr:\thw1 hw2 \tmnem\toperands\t@ comment" (a
 * 16-bit encoding has one halfword; ARM code a single 8-digit word). */
static long parse_line(char *line, struct dis *out)
{
	char *colon = strchr(line, ':');
	char *h, *tab;

	if (!colon || colon == line)
		return -1;
	for (char *p = line; p < colon; p++)
		if (!isxdigit((unsigned char)*p) && *p != ' ')
			return -1;
	memset(out, 0, sizeof(*out));
	h = colon + 2;
	if (colon[1] != '\t' || !hex4(h))
		return -1;
	out->wide = h[4] == ' ' && hex4(h + 5);
	if (!out->wide && h[4] != ' ')
		return -1;          /* an ARM word */
	/* hw1 << 16 | hw2, or the one halfword of a 16-bit encoding. */
	out->word = (uint32_t)strtoul(h, NULL, 16);
	if (out->wide)
		out->word = out->word << 16 | (uint32_t)strtoul(h + 5, NULL, 16);
	tab = strchr(h, '\t');
	if (!tab)
		return -1;
	/* objdump marks what it cannot decode in several ways: the word
	 * "undefined" as mnemonic or operand, or "??" in the mnemonic. */
	out->undefined = strstr(tab, "UNDEFINED") != NULL ||
			 strstr(tab, "<undefined>") != NULL ||
			 !strncmp(tab + 1, "undefined", 9);
	out->unpredictable = strstr(tab, "UNPREDICTABLE") != NULL;
	char *m = tab + 1;
	char *end = m + strcspn(m, "\t\n");
	set_mnem(out, m, (size_t)(end - m));
	if (strstr(out->mnem, "??"))
		out->undefined = true;
	if (*end == '\t') {
		char *o = end + 1;
		size_t len = strcspn(o, "@;\n");
		snprintf(out->ops, sizeof(out->ops), "%.*s", (int)len, o);
	}
	return strtol(line, NULL, 16);
}

/* ---- comparison ----------------------------------------------------------- */

/* hw1 = 111x 11xx with coprocessor 10 or 11 (A6.3.18). */
static bool vfp_space(uint32_t w)
{
	return (w & 0xec000000u) == 0xec000000u && (w >> 9 & 7u) == 5u;
}

/* Checked by class only: VFP/NEON are left whole to the monitor;
 * coprocessors other than 14/15 do not exist in ARMv7-A but objdump
 * knows other architectures' encodings there, and for T = 1 the cp10/11
 * space is ARMv8 SIMD to objdump; the unallocated hints are NOPs in
 * ARMv7 that later architectures (and so objdump) gave names. */
static bool loose_op(const struct a32_insn *d)
{
	if (d->op == A32_VFP || d->op == A32_NEON)
		return true;
	if (a32x_is_coproc(d) && d->coproc != 14 && d->coproc != 15)
		return true;
	if (d->op == A32_UNDEF && vfp_space(d->raw))
		return true;
	if (d->op == A32_NOP && (d->raw & 0xfe700000u) == 0xf8300000u)
		return true;    /* unallocated memory hints (Table A6-20) */
	return d->op == A32_NOP && d->imm != 0;
}

/* Encodings the decoder calls UNDEFINED (rightly, for ARMv7-A) that
 * objdump decodes: it knows no architecture limit in binary mode, so it
 * shows ARMv8-A and ARMv8-M instructions, FPA/Maverick coprocessor
 * forms, and LDC/STC with P = U = D = W = 0 (A6.3.18 "00000x"); it
 * accepts stores with Rn = PC (A8.8.203 and the other stores: "if Rn ==
 * '1111' then UNDEFINED") and register offsets with hw2 11:6 other than
 * 000000 (A6.3.7 Table A6-18 and its byte/halfword/store siblings). */
static bool objdump_lenient(uint32_t w, const char *mnem)
{
	static const char *const later[] = {
		"bf", "wls", "dls", "le", "lctp", "stl", "lda", "crc32", "v",
		"cf", "sfm", "lfm", "ldf", "stf", "tt", "sg", "setpan", "hlt",
	};

	for (size_t i = 0; i < sizeof(later) / sizeof(later[0]); i++)
		if (!strncmp(mnem, later[i], strlen(later[i])))
			return true;
	if ((w & 0x0fe00000u) == 0x0c000000u)
		return true;
	if ((w & 0xff100000u) == 0xf8000000u && (w >> 16 & 0xfu) == 0xfu)
		return true;
	return (w & 0xfe000000u) == 0xf8000000u && !(w & 0x800u);
}

/* objdump's decodings this test knows to be wrong: the literal loads
 * whose offset looks like the unprivileged form's (hw2 11:8 = 1110)
 * come out as LDRT etc., but "if Rn == '1111' then SEE LDR (literal)"
 * comes first in A8.8.92 LDRT and its siblings. */
static bool objdump_wrong(const struct a32_insn *d, const char *mnem)
{
	size_t len = strlen(mnem);

	return d->pc_align && d->rn == 15 && len > 1 && mnem[len - 1] == 't' &&
	       !strncmp(mnem, a32_op_name(d->op), len - 1);
}

static const char *compare(const struct a32_insn *d, uint32_t addr,
			   const struct dis *x)
{
	char mn[A32X_MAX_MNEM][24];
	uint8_t want[A32X_MAX_REGS], got[A32X_MAX_REGS];
	int n, nw, ng, i;

	if (loose_op(d))
		return NULL;
	if (d->op == A32_UNDEF && !x->undefined &&
	    objdump_lenient(d->raw, x->mnem))
		return NULL;
	if (objdump_wrong(d, x->mnem))
		return NULL;
	if (d->op == A32_UNDEF)
		return x->undefined ? NULL : "objdump: defined, decoder: UNDEF";
	if (x->undefined)
		return "objdump: UNDEFINED, decoder: defined";
	n = t32x_mnemonics(d, mn);
	for (i = 0; i < n && strcmp(mn[i], x->mnem); i++)
		;
	if (i == n)
		return "mnemonic";
	if (x->unpredictable)
		return "objdump: UNPREDICTABLE, decoder: not";
	nw = t32x_regs(d, x->mnem, want);
	if (nw >= 0) {
		ng = a32x_parse_regs(x->ops, got);
		/* 16-bit encodings with Rd = Rn (or Rd = Rm in MULS):
		 * objdump names it once ("adds r0, #1", "muls r1, r0"). */
		bool rdn_once = !x->wide && nw == ng + 1 && nw >= 2 &&
				((want[0] == want[1] &&
				  !memcmp(want + 1, got, (size_t)ng)) ||
				 (want[0] == want[nw - 1] &&
				  !memcmp(want, got, (size_t)ng)));
		if (!rdn_once && (ng != nw || memcmp(want, got, (size_t)nw)))
			return "registers";
	}
	return t32x_operands(d, addr, x->ops);
}

#define IT_STRIDE 10   /* bytes: a halfword and four NOPs */

struct tally {
	bool skip_pad;              /* 16-bit stream: check every IT_STRIDE */
	unsigned pass, fail, unpred, loose, narrow;
	unsigned per_op[A32_OP_COUNT];
};

/* In compiled code (strict) nothing may be UNPREDICTABLE or UNDEFINED. */
static void check_line(const struct dis *x, long addr, bool strict,
		       struct tally *t)
{
	struct a32_insn d;
	const char *why;

	if (x->wide)
		t32_decode_wide(x->word, &d);
	else
		t16_decode((uint16_t)x->word, &d);
	if (d.op != A32_UNDEF && d.unpred != A32_UNPRED_NONE && !strict) {
		t->unpred++;
		return;
	}
	if (strict && (d.op == A32_UNDEF || d.unpred != A32_UNPRED_NONE))
		why = "compiled code decodes as UNDEF or UNPREDICTABLE";
	else
		why = compare(&d, (uint32_t)addr, x);
	if (why) {
		if (t->fail++ < MAX_FAIL_PRINT)
			printf("FAIL %08" PRIx32 ": %s (decoder %s cond %u s %u"
			       " unpred %u; objdump '%s %s')\n", x->word, why,
			       a32_op_name(d.op), d.cond, d.s, d.unpred,
			       x->mnem, x->ops);
		return;
	}
	t->pass++;
	if (loose_op(&d))
		t->loose++;
	t->per_op[d.op]++;
}

/* Disassemble a raw file of halfword pairs (elf == false) or an ELF's
 * code. Returns the number of 32-bit encodings compared. */
static long run_objdump(const char *objdump, const char *bin, bool elf,
			struct tally *t)
{
	char cmd[1024], line[512];
	struct dis x;
	long seen = 0;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "%s %s -M reg-names-std '%s'", objdump,
		 elf ? "-d" : "-D -b binary -marm -M force-thumb -EL", bin);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		long addr = parse_line(line, &x);
		if (addr < 0 || x.mnem[0] == '.')
			continue;
		if (!x.wide)
			t->narrow++;
		/* In the 16-bit stream, the NOPs padding each IT block. */
		if (!x.wide && !elf && t->skip_pad && addr % IT_STRIDE)
			continue;
		check_line(&x, addr, elf, t);
		seen++;
	}
	return pclose(f) == 0 ? seen : -1;
}

/* Every op the tables can produce must have been compared at least once
 * (VFP/NEON are checked by class). */
static unsigned coverage_failures(const struct tally *t)
{
	bool in_tables[A32_OP_COUNT] = { false };
	unsigned missing = 0;

	for (size_t g = 0; g < t32_group_count; g++)
		for (size_t i = 0; i < t32_groups[g].table->len; i++)
			in_tables[t32_groups[g].table->pat[i].op] = true;
	for (int op = 1; op < A32_OP_COUNT; op++) {
		if (!in_tables[op] || op == A32_VFP || op == A32_NEON ||
		    t->per_op[op])
			continue;
		printf("FAIL: no word decoded as %s was compared\n",
		       a32_op_name((enum a32_op)op));
		missing++;
	}
	return missing;
}

static int report(const char *what, long seen, struct tally *t)
{
	printf("%s: %ld encodings (%u 16-bit): %u agree (%u checked by class "
	       "only), %u UNPREDICTABLE (not compared), %u disagree\n", what,
	       seen, t->narrow, t->pass, t->loose, t->unpred, t->fail);
	printf("suite t32_decode: %u passed, %u failed\n", t->pass, t->fail);
	return t->fail ? 1 : 0;
}

static int write_words(const char *bin)
{
	FILE *f = fopen(bin, "wb");

	if (!f)
		return -1;
	for (size_t i = 0; i < n_words; i++) {
		uint8_t b[4] = { (uint8_t)(words[i] >> 16),
				 (uint8_t)(words[i] >> 24),
				 (uint8_t)words[i], (uint8_t)(words[i] >> 8) };
		if (fwrite(b, 1, 4, f) != 4) {
			fclose(f);
			return -1;
		}
	}
	return fclose(f);
}

/* Random and table-aimed words; every word must come back from objdump
 * and every op must be compared at least once. */
static int check_words(const char *objdump, const char *workdir,
		       uint64_t seed, struct tally *t)
{
	char bin[512];
	unsigned shadowed;
	long seen;

	a32x_seed(seed);
	words = calloc(MAX_WORDS, sizeof(*words));
	if (!words)
		return -1;
	shadowed = gen_words();
	snprintf(bin, sizeof(bin), "%s/t32_decode_words.bin", workdir);
	if (write_words(bin)) {
		printf("cannot write %s\n", bin);
		return -1;
	}
	seen = run_objdump(objdump, bin, false, t);
	if (seen != (long)n_words || t->narrow) {
		printf("FAIL: objdump printed %ld of %zu words (%u as 16-bit)\n",
		       seen, n_words, t->narrow);
		t->fail++;
	}
	t->fail += coverage_failures(t) + shadowed;
	free(words);
	return report("random and per-encoding words", seen, t);
}

/* Every 16-bit encoding, each at an address that is a multiple of
 * IT_STRIDE bytes: objdump applies an IT instruction's conditions to the
 * instructions after it, so each halfword is followed by NOPs enough to
 * end any IT block. */
#define T16_NOP 0xbf00u

static int check_halfwords(const char *objdump, const char *workdir,
			   struct tally *t)
{
	char bin[512];
	unsigned n = 0;
	snprintf(bin, sizeof(bin), "%s/t16_decode_halfwords.bin", workdir);
	FILE *f = fopen(bin, "wb");
	if (!f)
		return -1;
	for (uint32_t h = 0; h < 0x10000u; h++) {
		if (t32_is_wide((uint16_t)h))
			continue;
		uint16_t group[IT_STRIDE / 2] = { (uint16_t)h };
		for (unsigned i = 1; i < IT_STRIDE / 2; i++)
			group[i] = T16_NOP;
		fwrite(group, sizeof(group[0]), IT_STRIDE / 2, f);
		n++;
	}
	if (fclose(f))
		return -1;
	t->skip_pad = true;
	long seen = run_objdump(objdump, bin, false, t);
	if (seen != (long)n) {
		printf("FAIL: objdump printed %ld of %u halfwords\n", seen, n);
		t->fail++;
	}
	for (int op = 1; op < A32_OP_COUNT; op++) {
		struct a32_insn d;
		bool made = false;
		for (uint32_t h = 0; h < 0x10000u && !made; h++)
			made = !t32_is_wide((uint16_t)h) &&
			       !t16_decode((uint16_t)h, &d) && d.op == op;
		if (made && !t->per_op[op]) {
			printf("FAIL: no halfword decoded as %s was compared\n",
			       a32_op_name((enum a32_op)op));
			t->fail++;
		}
	}
	printf("suite t16_decode: %u passed, %u failed\n", t->pass, t->fail);
	return t->fail ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct tally t;

	memset(&t, 0, sizeof(t));
	if (argc == 4 && !strcmp(argv[2], "--elf")) {
		long seen = run_objdump(argv[1], argv[3], true, &t);
		if (seen <= 0) {
			printf("FAIL: objdump -d %s\n", argv[3]);
			t.fail++;
		}
		return report(argv[3], seen, &t);
	}
	if (argc == 4 && !strcmp(argv[2], "--t16"))
		return check_halfwords(argv[1], argv[3], &t) ? 1 : 0;
	if (argc < 3) {
		fprintf(stderr, "usage: %s OBJDUMP WORKDIR [SEED]\n"
			"       %s OBJDUMP --elf THUMB-ELF\n"
			"       %s OBJDUMP --t16 WORKDIR\n", argv[0], argv[0],
			argv[0]);
		return 2;
	}
	return check_words(argv[1], argv[2],
			   argc > 3 ? strtoull(argv[3], NULL, 0) : 0x7132decull,
			   &t) ? 1 : 0;
}
