/* The A32 decoder checked against an independent reference, GNU objdump.
 * Seeded random words and words aimed at every encoding-table entry are
 * disassembled by objdump; for each word the decoder must agree on
 * defined vs UNDEFINED, on the mnemonic (with condition and S suffix),
 * on the registers named and on the cheap-to-parse immediates.
 * Words the decoder flags UNPREDICTABLE are counted, not compared: the
 * manual allows any behaviour there and objdump prints a guess.
 *
 * A second mode checks compiled code: every ARM instruction objdump
 * finds in an ELF (a static glibc program) must decode, defined and not
 * UNPREDICTABLE, and agree the same way.
 *
 * usage: test_a32_decode OBJDUMP WORKDIR [SEED]
 *        test_a32_decode OBJDUMP --elf ARM-ELF */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbt/a32_decode.h"
#include "dbt/a32_decode_tab.h"
#include "a32_objdump_expect.h"

#define N_RANDOM 150000
#define PER_ENTRY 160
#define MAX_WORDS (N_RANDOM + 2 * 8 * 64 * PER_ENTRY)
#define MAX_FAIL_PRINT 100

static uint32_t *words;
static size_t n_words;

static void add(uint32_t w)
{
	if (n_words < MAX_WORDS)
		words[n_words++] = w;
}

/* Words matching one table entry, the rest random; mostly with the
 * (0)/(1) bits as required so the comparison is not skipped. Returns
 * how many decode as the entry's op: none means an earlier entry
 * shadows it. */
static int gen_entry(const struct a32_pattern *p, bool uncond)
{
	int hits = 0;

	for (int i = 0; i < PER_ENTRY; i++) {
		struct a32_insn d;
		uint32_t w = (a32x_random() & ~p->mask) | (p->value & p->mask);

		if (i % 4 != 0)
			w = (w & ~p->sbmask) | (p->value & p->sbmask);
		w &= 0x0fffffffu;
		if (uncond)
			w |= 0xf0000000u;
		else
			w |= (i % 2 ? A32_COND_AL : a32x_random() % 15) << 28;
		add(w);
		a32_decode(w, &d);
		hits += d.op == p->op;
	}
	return hits;
}

/* Returns the number of table entries no word reached. */
static unsigned gen_words(void)
{
	unsigned shadowed = 0;

	for (int i = 0; i < N_RANDOM; i++)
		add(a32x_random());
	for (int u = 0; u < 2; u++) {
		const struct a32_table *t = u ? a32_tab_uncond : a32_tab_cond;

		for (int g = 0; g < 8; g++)
			for (size_t i = 0; i < t[g].len; i++) {
				const struct a32_pattern *p = &t[g].pat[i];
				if (p->mask == 0 || gen_entry(p, u))
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
	char mnem[32];
	char ops[A32X_MAX_OPS];     /* operands, without the trailing comment */
	bool undefined, unpredictable;
};

/* One objdump line: "   addr:\tword \tmnem\toperands\t@ comment". */
static long parse_line(char *line, struct dis *out)
{
	char *colon = strchr(line, ':');
	char *tab;

	if (!colon || colon == line)
		return -1;
	for (char *p = line; p < colon; p++)
		if (!isxdigit((unsigned char)*p) && *p != ' ')
			return -1;
	long addr = strtol(line, NULL, 16);
	memset(out, 0, sizeof(*out));
	out->undefined = strstr(colon, "<UNDEFINED>") != NULL;
	out->unpredictable = strstr(colon, "<UNPREDICTABLE>") != NULL;
	tab = strchr(colon + 2, '\t');      /* after the word */
	if (!tab || tab - (colon + 2) != 9)  /* 8 digits and a space */
		return -1;
	out->word = (uint32_t)strtoul(colon + 2, NULL, 16);
	char *m = tab + 1;
	char *end = m + strcspn(m, "\t\n");
	snprintf(out->mnem, sizeof(out->mnem), "%.*s", (int)(end - m), m);
	if (*end == '\t') {
		char *o = end + 1;
		size_t len = strcspn(o, "@;\n");
		snprintf(out->ops, sizeof(out->ops), "%.*s", (int)len, o);
	}
	return addr;
}

/* ---- comparison ----------------------------------------------------------- */

/* Bits 27:25 = 11x with coprocessor 10 or 11 (A5.6, A5.7). */
static bool vfp_space(uint32_t w)
{
	return (w >> 25 & 6u) == 6u && (w >> 9 & 7u) == 5u;
}

static bool loose_op(const struct a32_insn *d)
{
	/* VFP/NEON are left whole to the monitor. Coprocessors other than
	 * 14/15 do not exist in ARMv7-A, but objdump knows FPA, Maverick,
	 * iWMMXt and ARMv8 encodings there; the unconditional cp10/11
	 * space is UNDEFINED in ARMv7 and ARMv8 SIMD to objdump. Hints
	 * other than NOP #0 and the unallocated memory hints are NOPs in
	 * ARMv7 that later architectures (and so objdump) gave names. */
	if (d->op == A32_VFP || d->op == A32_NEON)
		return true;
	if (a32x_is_coproc(d) && d->coproc != 14 && d->coproc != 15)
		return true;
	if (d->op == A32_UNDEF && vfp_space(d->raw))
		return true;
	return d->op == A32_NOP && (d->imm != 0 || d->cond == A32_COND_AL) &&
	       (d->raw >> 28 == A32_COND_NV || d->imm != 0);
}

/* Encodings ARMv7 makes UNDEFINED that objdump still decodes, so only
 * the mnemonic family is checked: TST/TEQ/CMP/CMN with S = 0 (the
 * pre-ARMv6 "TSTP" forms; ARMv7 puts the miscellaneous and halfword
 * multiply instructions there, A5.2), a data-processing op with bits 7
 * and 4 set in the unallocated synchronization space (A5.2.10), and
 * LDC/STC with P = U = D = W = 0 (A5.6). */
static bool objdump_lenient(uint32_t w, const char *mnem)
{
	static const char *const n[] = { "tst", "teq", "cmp", "cmn" };
	uint32_t opc = w >> 21 & 0xfu;

	if ((w & 0x0d900000u) == 0x01000000u && (w & 0x90u) != 0x90u &&
	    !strncmp(mnem, n[opc & 3], 3))
		return true;
	if ((w & 0x0f0000f0u) == 0x01000090u)
		return true;
	if ((w & 0x0f900080u) == 0x01000000u)
		return !strncmp(mnem, "msr", 3) || !strcmp(mnem, "hlt") ||
		       !strncmp(mnem, "crc32", 5);
	if (w >> 28 == A32_COND_NV && (w & 0x0e000000u) == 0x06000000u)
		return !strncmp(mnem, "pl", 2);
	return (w & 0x0fe00000u) == 0x0c000000u;
}

/* objdump calls some encodings UNPREDICTABLE that ARM DDI 0406C defines:
 * register-offset loads/stores with writeback and Rm == Rt (A8.8.80 LDRH
 * (register) restricts only Rn), shifts written to PC (A8.8.94 LSL
 * (immediate) branches with ALUWritePC), MRC2 to PC. */
static bool objdump_strict(const struct a32_insn *d)
{
	if (d->op >= A32_LDR && d->op <= A32_STRHT)
		return d->form == A32_FORM_REG_IMM && d->rm == d->rt &&
		       (d->p == 0 || d->w);
	if (d->op == A32_MOV)
		return d->rd == 15;
	return false;
}

static const char *compare(const struct a32_insn *d, uint32_t addr,
			   const struct dis *x)
{
	char mn[A32X_MAX_MNEM][24];
	uint8_t want[A32X_MAX_REGS], got[A32X_MAX_REGS];
	bool undef = d->op == A32_UNDEF ||
		     (d->op == A32_UDF && d->cond != A32_COND_AL);
	int n, nw, ng, i;

	if (loose_op(d))
		return NULL;
	if (undef && !x->undefined && objdump_lenient(d->raw, x->mnem))
		return NULL;
	if (undef)
		return x->undefined ? NULL : "objdump: defined, decoder: UNDEF";
	if (x->undefined)
		return "objdump: UNDEFINED, decoder: defined";
	n = a32x_mnemonics(d, mn);
	for (i = 0; i < n && strcmp(mn[i], x->mnem); i++)
		;
	if (i == n)
		return "mnemonic";
	if (x->unpredictable && !objdump_strict(d))
		return "objdump: UNPREDICTABLE, decoder: not";
	nw = a32x_regs(d, x->mnem, want);
	if (nw >= 0) {
		ng = a32x_parse_regs(x->ops, got);
		if (ng != nw || memcmp(want, got, (size_t)nw))
			return "registers";
	}
	return a32x_operands(d, addr, x->ops);
}

struct tally {
	unsigned pass, fail, unpred, loose;
	unsigned per_op[A32_OP_COUNT];
};

/* In compiled code (strict) nothing may be UNPREDICTABLE or UNDEFINED. */
static void check_line(const struct dis *x, long addr, bool strict,
		       struct tally *t)
{
	struct a32_insn d;
	uint32_t w = x->word;
	const char *why;

	a32_decode(w, &d);
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
			printf("FAIL %08" PRIx32 ": %s (decoder %s cond %u s %u;"
			       " objdump '%s %s')\n", w, why,
			       a32_op_name(d.op), d.cond, d.s, x->mnem, x->ops);
		return;
	}
	t->pass++;
	if (loose_op(&d))
		t->loose++;
	t->per_op[d.op]++;
}

/* Disassemble a raw word file (elf == NULL) or an ARM ELF's code; in an
 * ELF, objdump's mapping-symbol handling leaves out literal pools (.word)
 * and Thumb code (16-bit units). Returns the number of words compared. */
static long run_objdump(const char *objdump, const char *bin, bool elf,
			struct tally *t)
{
	char cmd[1024], line[512];
	struct dis x;
	long seen = 0;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "%s %s -M reg-names-std '%s'", objdump,
		 elf ? "-d" : "-D -b binary -marm", bin);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		long addr = parse_line(line, &x);
		if (addr < 0 || addr % 4 || x.mnem[0] == '.')
			continue;
		check_line(&x, addr, elf, t);
		seen++;
	}
	return pclose(f) == 0 ? seen : -1;
}

/* Every op the tables can produce must have been compared at least once
 * (VFP/NEON and UNDEF are checked loosely or by class; the T32-only ops
 * are not in the A32 tables). */
static unsigned coverage_failures(const struct tally *t)
{
	unsigned missing = 0;

	for (int op = 1; op < A32_OP_COUNT; op++) {
		if (op == A32_VFP || op == A32_NEON || t->per_op[op] ||
		    a32_op_is_t32_only(op))
			continue;
		printf("FAIL: no word decoded as %s was compared\n",
		       a32_op_name((enum a32_op)op));
		missing++;
	}
	return missing;
}

static int report(const char *suite, const char *what, long seen,
		  struct tally *t)
{
	printf("%s: %ld words: %u agree (%u checked by class only), "
	       "%u UNPREDICTABLE (not compared), %u disagree\n", what, seen,
	       t->pass, t->loose, t->unpred, t->fail);
	printf("suite %s: %u passed, %u failed\n", suite, t->pass, t->fail);
	return t->fail ? 1 : 0;
}

/* Random and table-aimed words; every word must come back from objdump
 * and every op must be compared at least once. */
static int check_words(const char *objdump, const char *workdir,
		       uint64_t seed, struct tally *t)
{
	char bin[512];
	unsigned shadowed;
	long seen;
	FILE *f;

	a32x_seed(seed);
	words = calloc(MAX_WORDS, sizeof(*words));
	if (!words)
		return -1;
	shadowed = gen_words();
	snprintf(bin, sizeof(bin), "%s/a32_decode_words.bin", workdir);
	f = fopen(bin, "wb");
	if (!f || fwrite(words, 4, n_words, f) != n_words || fclose(f)) {
		printf("cannot write %s\n", bin);
		return -1;
	}
	seen = run_objdump(objdump, bin, false, t);
	if (seen != (long)n_words) {
		printf("FAIL: objdump printed %ld of %zu words\n", seen, n_words);
		t->fail++;
	}
	t->fail += coverage_failures(t) + shadowed;
	free(words);
	return report("a32_decode", "random and per-encoding words", seen, t);
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
		return report("a32_decode_elf", argv[3], seen, &t);
	}
	if (argc < 3) {
		fprintf(stderr, "usage: %s OBJDUMP WORKDIR [SEED]\n"
			"       %s OBJDUMP --elf ARM-ELF\n", argv[0], argv[0]);
		return 2;
	}
	return check_words(argv[1], argv[2],
			   argc > 3 ? strtoull(argv[3], NULL, 0) : 0xa32decull,
			   &t) ? 1 : 0;
}
