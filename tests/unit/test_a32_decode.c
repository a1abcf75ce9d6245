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

#define N_RANDOM 150000
#define PER_ENTRY 160
#define MAX_WORDS (N_RANDOM + 2 * 8 * 64 * PER_ENTRY)
#define MAX_REGS 24
#define MAX_MNEM 8
#define MAX_FAIL_PRINT 100

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64*: any fixed-seed generator will do. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

static uint32_t *words;
static size_t n_words;

static void add(uint32_t w)
{
	if (n_words < MAX_WORDS)
		words[n_words++] = w;
}

/* Words matching one table entry, the rest random; mostly with the
 * (0)/(1) bits as required so the comparison is not skipped. */
static void gen_entry(const struct a32_pattern *p, bool uncond)
{
	for (int i = 0; i < PER_ENTRY; i++) {
		uint32_t w = (rnd() & ~p->mask) | (p->value & p->mask);

		if (i % 4 != 0)
			w = (w & ~p->sbmask) | (p->value & p->sbmask);
		w &= 0x0fffffffu;
		if (uncond)
			w |= 0xf0000000u;
		else
			w |= (i % 2 ? A32_COND_AL : rnd() % 15) << 28;
		add(w);
	}
}

static void gen_words(void)
{
	for (int i = 0; i < N_RANDOM; i++)
		add(rnd());
	for (int u = 0; u < 2; u++) {
		const struct a32_table *t = u ? a32_tab_uncond : a32_tab_cond;

		for (int g = 0; g < 8; g++)
			for (size_t i = 0; i < t[g].len; i++)
				if (t[g].pat[i].mask != 0)
					gen_entry(&t[g].pat[i], u);
	}
}

/* ---- expected mnemonics ---------------------------------------------- */

static const char *const cond_names[15] = {
	"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
	"hi", "ls", "ge", "lt", "gt", "le", "",
};

static bool has_s_bit(enum a32_op op)
{
	return (op >= A32_AND && op <= A32_MVN &&
		!(op >= A32_TST && op <= A32_CMN)) ||
	       op == A32_MUL || op == A32_MLA || op == A32_UMULL ||
	       op == A32_UMLAL || op == A32_SMULL || op == A32_SMLAL;
}

static const char *shift_name(unsigned t)
{
	static const char *const n[] = { "lsl", "lsr", "asr", "ror", "rrx" };
	return n[t];
}

static const char *ldm_mode(const struct a32_insn *d)
{
	static const char *const m[4] = { "da", "", "db", "ib" };
	return m[d->p << 1 | d->u];
}

/* Stems (mnemonic without condition and S) objdump may print. */
static int stems(const struct a32_insn *d, char st[MAX_MNEM][24])
{
	enum a32_op op = d->op;
	const char *name = a32_op_name(op);
	const char *hl = "bt";
	int n = 0;

	switch (op) {
	case A32_MOV:
		if (d->raw == 0xe1a00000u)
			return snprintf(st[0], 24, "nop"), 1;
		if (d->form == A32_FORM_REG_REG ||
		    (d->form == A32_FORM_REG_IMM &&
		     (d->shift_type != A32_SHIFT_LSL || d->shift_amount)))
			name = shift_name(d->shift_type);
		break;
	case A32_SMULXY: case A32_SMLAXY: case A32_SMLALXY:
		snprintf(st[0], 24, "%.*s%c%c", (int)strlen(name) - 2, name,
			 hl[d->n_top], hl[d->m_top]);
		return 1;
	case A32_SMULWY: case A32_SMLAWY:
		snprintf(st[0], 24, "%.*s%c", (int)strlen(name) - 1, name,
			 hl[d->m_top]);
		return 1;
	case A32_SMLAD: case A32_SMLSD: case A32_SMUAD: case A32_SMUSD:
	case A32_SMLALD: case A32_SMLSLD:
		return snprintf(st[0], 24, "%s%s", name, d->m_swap ? "x" : ""), 1;
	case A32_SMMUL: case A32_SMMLA: case A32_SMMLS:
		return snprintf(st[0], 24, "%s%s", name, d->round ? "r" : ""), 1;
	case A32_LDM: case A32_LDM_USER: case A32_LDM_EXCRET:
	case A32_STM: case A32_STM_USER: {
		bool load = op != A32_STM && op != A32_STM_USER;
		bool stack = d->rn == 13 && d->w &&
			     (load ? (!d->p && d->u) : (d->p && !d->u));
		snprintf(st[n++], 24, "%s%s", load ? "ldm" : "stm", ldm_mode(d));
		if (d->u && !d->p)
			snprintf(st[n++], 24, "%s", load ? "ldmia" : "stmia");
		if (stack && (op == A32_LDM || op == A32_STM))
			snprintf(st[n++], 24, "%s", load ? "pop" : "push");
		return n;
	}
	case A32_LDR: case A32_STR: {
		/* A single-register pop or push is shown as POP/PUSH. */
		bool load = op == A32_LDR;
		snprintf(st[n++], 24, "%s", name);
		if (d->rn == 13 && d->form == A32_FORM_IMM && d->imm == 4 &&
		    d->u == load && d->p == !load && d->w == !load)
			snprintf(st[n++], 24, "%s", load ? "pop" : "push");
		return n;
	}
	case A32_SRS: case A32_RFE: {
		static const char *const m[4] = { "da", "ia", "db", "ib" };
		return snprintf(st[0], 24, "%s%s", name, m[d->p << 1 | d->u]), 1;
	}
	case A32_LDC: case A32_STC:
		/* objdump also applies M-profile VLDR/VSTR (system register)
		 * decodings to this space. */
		snprintf(st[n++], 24, "%s%s%s", name,
			 d->cond == A32_COND_NV ? "2" : "", d->opc1 ? "l" : "");
		snprintf(st[n++], 24, "%s", op == A32_LDC ? "vldr" : "vstr");
		return n;
	case A32_MCR: case A32_MRC: case A32_MCRR: case A32_MRRC: case A32_CDP:
		return snprintf(st[0], 24, "%s%s", name,
				d->cond == A32_COND_NV ? "2" : ""), 1;
	case A32_CPS:
		return snprintf(st[0], 24, "%s", d->cps_imod == 2 ? "cpsie"
					   : d->cps_imod == 3 ? "cpsid" : "cps"), 1;
	case A32_DSB:
		snprintf(st[n++], 24, "dsb");
		snprintf(st[n++], 24, "ssbb");
		snprintf(st[n++], 24, "pssbb");
		snprintf(st[n++], 24, "dfb");
		return n;
	default:
		break;
	}
	snprintf(st[0], 24, "%s", name);
	return 1;
}

static int expected_mnemonics(const struct a32_insn *d, char out[MAX_MNEM][24])
{
	char st[MAX_MNEM][24];
	int n = stems(d, st);
	const char *c = d->cond < 15 ? cond_names[d->cond] : "";
	const char *s = has_s_bit(d->op) && d->s ? "s" : "";

	for (int i = 0; i < n; i++)
		snprintf(out[i], 24, "%s%s%s", st[i], s, c);
	return n;
}

/* ---- expected registers ------------------------------------------------ */

static int push_list(const struct a32_insn *d, uint8_t *r, int n)
{
	for (int i = 0; i < 16; i++)
		if (d->reglist >> i & 1)
			r[n++] = (uint8_t)i;
	return n;
}

#define R(...) do { const uint8_t v_[] = { __VA_ARGS__ }; \
	memcpy(r, v_, sizeof(v_)); n = (int)sizeof(v_); } while (0)

static int operand2_regs(const struct a32_insn *d, uint8_t *r, int n)
{
	if (d->form == A32_FORM_REG_IMM || d->form == A32_FORM_REG_REG)
		r[n++] = d->rm;
	if (d->form == A32_FORM_REG_REG)
		r[n++] = d->rs;
	return n;
}

/* The registers objdump names, in its order; -1 when not checked.
 * PUSH/POP (mnemonic as printed) leave the base implicit. */
static int expected_regs(const struct a32_insn *d, const char *mnem,
			 uint8_t *r)
{
	int n = 0;

	switch (d->op) {
	case A32_AND: case A32_EOR: case A32_SUB: case A32_RSB: case A32_ADD:
	case A32_ADC: case A32_SBC: case A32_RSC: case A32_ORR: case A32_BIC:
		R(d->rd, d->rn);
		return operand2_regs(d, r, n);
	case A32_TST: case A32_TEQ: case A32_CMP: case A32_CMN:
		R(d->rn);
		return operand2_regs(d, r, n);
	case A32_MOV: case A32_MVN:
		if (d->raw == 0xe1a00000u)
			return 0;
		R(d->rd);
		return operand2_regs(d, r, n);
	case A32_MOVW: case A32_MOVT: case A32_BFC: case A32_MRS:
		R(d->rd); return n;
	case A32_MUL: case A32_SMULXY: case A32_SMULWY: case A32_SMUAD:
	case A32_SMUSD: case A32_SMMUL: case A32_SDIV: case A32_UDIV:
	case A32_USAD8:
		R(d->rd, d->rn, d->rm); return n;
	case A32_MLA: case A32_MLS: case A32_SMLAXY: case A32_SMLAWY:
	case A32_SMLAD: case A32_SMLSD: case A32_SMMLA: case A32_SMMLS:
	case A32_USADA8:
		R(d->rd, d->rn, d->rm, d->ra); return n;
	case A32_UMULL: case A32_UMLAL: case A32_SMULL: case A32_SMLAL:
	case A32_UMAAL: case A32_SMLALXY: case A32_SMLALD: case A32_SMLSLD:
		R(d->rdlo, d->rdhi, d->rn, d->rm); return n;
	case A32_QADD: case A32_QSUB: case A32_QDADD: case A32_QDSUB:
		R(d->rd, d->rm, d->rn); return n;
	case A32_SSAT: case A32_USAT: case A32_SSAT16: case A32_USAT16:
	case A32_SBFX: case A32_UBFX: case A32_BFI:
		R(d->rd, d->rn); return n;
	case A32_CLZ: case A32_REV: case A32_REV16: case A32_REVSH:
	case A32_RBIT: case A32_SXTB: case A32_SXTB16: case A32_SXTH:
	case A32_UXTB: case A32_UXTB16: case A32_UXTH:
		R(d->rd, d->rm); return n;
	case A32_BX: case A32_BLX_REG: case A32_BXJ:
		R(d->rm); return n;
	case A32_LDREX: case A32_LDREXB: case A32_LDREXH: case A32_LDREXD:
		R(d->rt, d->rn); return n;
	case A32_STREX: case A32_STREXB: case A32_STREXH: case A32_STREXD:
		R(d->rd, d->rt, d->rn); return n;
	case A32_SWP: case A32_SWPB:
		R(d->rt, d->rt2, d->rn); return n;
	case A32_LDM: case A32_STM: case A32_LDM_USER: case A32_LDM_EXCRET:
	case A32_STM_USER:
		if (strncmp(mnem, "push", 4) && strncmp(mnem, "pop", 3))
			r[n++] = d->rn;
		return push_list(d, r, n);
	case A32_PLD: case A32_PLDW: case A32_PLI:
		R(d->rn);
		return operand2_regs(d, r, n);
	case A32_MCRR: case A32_MRRC:
		R(d->rt, d->rt2); return n;
	case A32_MRC: case A32_MCR:
		if (d->rt == 15 && d->cond != A32_COND_NV)
			return 0;
		R(d->rt); return n;
	default:
		break;
	}
	if (d->op >= A32_SADD16 && d->op <= A32_PKHTB) {
		R(d->rd, d->rn, d->rm); return n;
	}
	if (d->op >= A32_SXTAB && d->op <= A32_UXTAH) {
		R(d->rd, d->rn, d->rm); return n;
	}
	if (d->op >= A32_LDR && d->op <= A32_STRHT) {
		if (!strncmp(mnem, "push", 4) || !strncmp(mnem, "pop", 3)) {
			R(d->rt); return n;
		}
		R(d->rt, d->rn);
		return operand2_regs(d, r, n);
	}
	return -1;
}
#undef R

/* ---- objdump's side ------------------------------------------------------ */

struct dis {
	uint32_t word;
	char mnem[32];
	char ops[160];     /* operands, without the trailing comment */
	bool undefined, unpredictable;
};

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Registers in the operand text, r0-r12/sp/lr/pc (reg-names-std). */
static int parse_regs(const char *s, uint8_t *r)
{
	int n = 0;

	for (const char *p = s; *p && n < MAX_REGS; p++) {
		if (p != s && word_char(p[-1]))
			continue;
		const char *e = p;
		while (word_char(*e))
			e++;
		size_t len = (size_t)(e - p);
		if (len == 2 && !strncmp(p, "sp", 2))
			r[n++] = 13;
		else if (len == 2 && !strncmp(p, "lr", 2))
			r[n++] = 14;
		else if (len == 2 && !strncmp(p, "pc", 2))
			r[n++] = 15;
		else if ((len == 2 || len == 3) && p[0] == 'r' &&
			 isdigit((unsigned char)p[1]) &&
			 (len == 2 || isdigit((unsigned char)p[2])))
			r[n++] = (uint8_t)atoi(p + 1);
	}
	return n;
}

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

static bool is_coproc(const struct a32_insn *d)
{
	return d->op == A32_LDC || d->op == A32_STC || d->op == A32_CDP ||
	       d->op == A32_MCR || d->op == A32_MRC || d->op == A32_MCRR ||
	       d->op == A32_MRRC;
}

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
	if (is_coproc(d) && d->coproc != 14 && d->coproc != 15)
		return true;
	if (d->op == A32_UNDEF && vfp_space(d->raw))
		return true;
	return d->op == A32_NOP && (d->imm != 0 || d->cond == A32_COND_AL) &&
	       (d->raw >> 28 == A32_COND_NV || d->imm != 0);
}

static long first_imm(const char *ops)
{
	const char *h = strchr(ops, '#');
	return h ? strtol(h + 1, NULL, 0) : 0;
}

/* objdump prints a modified immediate whose rotation is not the
 * smallest possible as "#imm8, rot". */
static uint32_t modified_imm(const char *ops)
{
	const char *h = strchr(ops, '#');
	char *e;
	uint32_t v, rot;

	if (!h)
		return 0;
	v = (uint32_t)strtol(h + 1, &e, 0);
	if (e[0] != ',' || e[1] != ' ' || !isdigit((unsigned char)e[2]))
		return v;
	rot = (uint32_t)strtoul(e + 2, NULL, 0) & 31;
	return rot ? v >> rot | v << (32 - rot) : v;
}

/* Immediates that are cheap to find in objdump's text. */
static const char *reg_name(unsigned r, char buf[4])
{
	static const char *const special[] = { "sp", "lr", "pc" };

	if (r >= 13)
		return special[r - 13];
	snprintf(buf, 4, "r%u", r);
	return buf;
}

/* The shift text objdump prints after the last register ("lsl #2",
 * "rrx", "asr r3"), or "" when there is none. */
static void shift_text(const struct a32_insn *d, char *out, size_t len)
{
	char rb[4];

	out[0] = 0;
	if (d->form == A32_FORM_REG_REG)
		snprintf(out, len, "%s %s", shift_name(d->shift_type),
			 reg_name(d->rs, rb));
	else if (d->shift_type == A32_SHIFT_RRX)
		snprintf(out, len, "rrx");
	else if (d->shift_amount)   /* LSL #0 and ROR #0 print nothing */
		snprintf(out, len, "%s #%u", shift_name(d->shift_type),
			 d->shift_amount);
}

static bool has_shift(const struct a32_insn *d, const struct dis *x)
{
	static const char *const any[] = { "lsl", "lsr", "asr", "ror", "rrx" };
	char want[32], ops[sizeof(x->ops)];

	/* objdump writes some rotations in capitals ("ROR #24"). */
	for (size_t i = 0; i < sizeof(ops); i++)
		ops[i] = (char)tolower((unsigned char)x->ops[i]);
	shift_text(d, want, sizeof(want));
	if (want[0])
		return strstr(ops, want) != NULL;
	for (unsigned i = 0; i < 5; i++)
		if (strstr(ops, any[i]))
			return false;
	return true;
}

/* "a, b, ..." after the first n commas-separated operands skipped. */
static int ints_after(const char *s, int skip, unsigned *v, int n)
{
	int got = 0;

	for (; *s && got < n; s++) {
		if (*s == ',' && skip > 0) {
			skip--;
			continue;
		}
		if (skip == 0 && isdigit((unsigned char)*s) &&
		    !isalnum((unsigned char)s[-1])) {
			char *e;
			v[got++] = (unsigned)strtoul(s, &e, 0);
			s = e - 1;
		}
	}
	return got;
}

/* Coprocessor fields, bitfield positions, shifts and rotations. */
static const char *check_fields(const struct a32_insn *d,
				const struct dis *x)
{
	unsigned v[8];

	switch (d->op) {
	case A32_MRC: case A32_MCR:
		/* "15, 0, r0, cr13, cr0, {3}": coproc, opc1, -, CRn, CRm, opc2 */
		if (sscanf(x->ops, "%u, %u, %*[^,], cr%u, cr%u, {%u}", &v[0],
			   &v[1], &v[2], &v[3], &v[4]) != 5 ||
		    v[0] != d->coproc || v[1] != d->opc1 || v[2] != d->crn ||
		    v[3] != d->crm || v[4] != d->opc2)
			return "coprocessor fields";
		return NULL;
	case A32_MCRR: case A32_MRRC:
		if (sscanf(x->ops, "%u, %u, %*[^,], %*[^,], cr%u", &v[0], &v[1],
			   &v[2]) != 3 || v[0] != d->coproc || v[1] != d->opc1 ||
		    v[2] != d->crm)
			return "coprocessor fields";
		return NULL;
	case A32_BFC: case A32_BFI: case A32_SBFX: case A32_UBFX:
		if (ints_after(x->ops, d->op == A32_BFC ? 1 : 2, v, 2) != 2 ||
		    v[0] != d->lsb || v[1] != d->width)
			return "lsb/width";
		return NULL;
	case A32_BKPT:
		return strtoul(x->ops, NULL, 0) == d->imm ? NULL : "bkpt imm";
	case A32_UDF:
		return (uint32_t)first_imm(x->ops) == d->imm ? NULL : "udf imm";
	default:
		break;
	}
	if ((d->op >= A32_AND && d->op <= A32_MVN && d->op != A32_MOV &&
	     d->form != A32_FORM_IMM) ||
	    (d->op >= A32_LDR && d->op <= A32_STRBT &&
	     d->form == A32_FORM_REG_IMM) ||
	    d->op == A32_PKHBT || d->op == A32_PKHTB || d->op == A32_SSAT ||
	    d->op == A32_USAT || (d->op >= A32_SXTAB && d->op <= A32_UXTH))
		return has_shift(d, x) ? NULL : "shift";
	return NULL;
}

static const char *check_imm(const struct a32_insn *d, uint32_t addr,
			     const struct dis *x)
{
	switch (d->op) {
	case A32_B: case A32_BL: case A32_BLX_IMM:
		if (strtoul(x->ops, NULL, 16) != (uint32_t)(addr + 8 + d->imm))
			return "branch target";
		return NULL;
	case A32_SVC:
		return strtoul(x->ops, NULL, 16) == d->imm ? NULL : "svc imm";
	case A32_MOVW: case A32_MOVT:
		return (uint32_t)first_imm(x->ops) == d->imm ? NULL : "imm16";
	case A32_SSAT: case A32_USAT: case A32_SSAT16: case A32_USAT16:
		return first_imm(x->ops) == d->sat ? NULL : "saturate_to";
	default:
		break;
	}
	if (d->op >= A32_AND && d->op <= A32_MVN && d->form == A32_FORM_IMM)
		return modified_imm(x->ops) == d->imm ? NULL : "imm";
	if (((d->op >= A32_LDR && d->op <= A32_STRHT) || d->op == A32_PLD ||
	     d->op == A32_PLDW || d->op == A32_PLI) &&
	    d->form == A32_FORM_IMM && strchr(x->ops, '#')) {
		long want = d->u ? (long)d->imm : -(long)d->imm;
		return first_imm(x->ops) == want ? NULL : "offset";
	}
	return check_fields(d, x);
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
	char mn[MAX_MNEM][24];
	uint8_t want[MAX_REGS], got[MAX_REGS];
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
	n = expected_mnemonics(d, mn);
	for (i = 0; i < n && strcmp(mn[i], x->mnem); i++)
		;
	if (i == n)
		return "mnemonic";
	if (x->unpredictable && !objdump_strict(d))
		return "objdump: UNPREDICTABLE, decoder: not";
	nw = expected_regs(d, x->mnem, want);
	if (nw >= 0) {
		ng = parse_regs(x->ops, got);
		if (ng != nw || memcmp(want, got, (size_t)nw))
			return "registers";
	}
	return check_imm(d, addr, x);
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
 * (VFP/NEON and UNDEF are checked loosely or by class). */
static unsigned coverage_failures(const struct tally *t)
{
	unsigned missing = 0;

	for (int op = 1; op < A32_OP_COUNT; op++) {
		if (op == A32_VFP || op == A32_NEON || t->per_op[op])
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
	long seen;
	FILE *f;

	rng_state = seed;
	words = calloc(MAX_WORDS, sizeof(*words));
	if (!words)
		return -1;
	gen_words();
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
	t->fail += coverage_failures(t);
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
