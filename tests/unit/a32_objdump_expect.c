/* What GNU objdump prints for a decoded A32 instruction: the mnemonic
 * (with condition and S suffix, and objdump's aliases such as PUSH, LSL or
 * NOP), the registers it names in order, and the immediates, coprocessor
 * fields and shifts that are cheap to find in its operand text. Used by
 * test_a32_decode.c; only the decoder's fields go in, objdump's text is
 * the reference. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a32_objdump_expect.h"

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

/* Halfword selectors, X and R suffixes of the DSP multiplies. */
static int mul_stem(const struct a32_insn *d, const char *name, char *st)
{
	const char *hl = "bt";
	int len = (int)strlen(name);

	switch (d->op) {
	case A32_SMULXY: case A32_SMLAXY: case A32_SMLALXY:
		snprintf(st, 24, "%.*s%c%c", len - 2, name, hl[d->n_top],
			 hl[d->m_top]);
		break;
	case A32_SMULWY: case A32_SMLAWY:
		snprintf(st, 24, "%.*s%c", len - 1, name, hl[d->m_top]);
		break;
	case A32_SMMUL: case A32_SMMLA: case A32_SMMLS:
		snprintf(st, 24, "%s%s", name, d->round ? "r" : "");
		break;
	default:
		snprintf(st, 24, "%s%s", name, d->m_swap ? "x" : "");
		break;
	}
	return 1;
}

/* LDM/STM with their addressing mode; PUSH/POP for the stack forms,
 * including a single-register LDR/STR (A8.8.132, A8.8.134). */
static int transfer_stems(const struct a32_insn *d, const char *name,
			  char st[A32X_MAX_MNEM][24])
{
	enum a32_op op = d->op;
	bool load = op != A32_STM && op != A32_STM_USER && op != A32_STR;
	bool stack;
	int n = 0;

	if (op == A32_LDR || op == A32_STR) {
		snprintf(st[n++], 24, "%s", name);
		if (d->rn == 13 && d->form == A32_FORM_IMM && d->imm == 4 &&
		    d->u == load && d->p == !load && d->w == !load)
			snprintf(st[n++], 24, "%s", load ? "pop" : "push");
		return n;
	}
	stack = d->rn == 13 && d->w && (load ? (!d->p && d->u) : (d->p && !d->u));
	snprintf(st[n++], 24, "%s%s", load ? "ldm" : "stm", ldm_mode(d));
	if (d->u && !d->p)
		snprintf(st[n++], 24, "%s", load ? "ldmia" : "stmia");
	if (stack && (op == A32_LDM || op == A32_STM))
		snprintf(st[n++], 24, "%s", load ? "pop" : "push");
	return n;
}

/* Stems (mnemonic without condition and S) objdump may print. */
static int stems(const struct a32_insn *d, char st[A32X_MAX_MNEM][24])
{
	enum a32_op op = d->op;
	const char *name = a32_op_name(op);
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
	case A32_SMULWY: case A32_SMLAWY: case A32_SMLAD: case A32_SMLSD:
	case A32_SMUAD: case A32_SMUSD: case A32_SMLALD: case A32_SMLSLD:
	case A32_SMMUL: case A32_SMMLA: case A32_SMMLS:
		return mul_stem(d, name, st[0]);
	case A32_LDM: case A32_LDM_USER: case A32_LDM_EXCRET:
	case A32_STM: case A32_STM_USER: case A32_LDR: case A32_STR:
		return transfer_stems(d, name, st);
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

int a32x_mnemonics(const struct a32_insn *d, char out[A32X_MAX_MNEM][24])
{
	char st[A32X_MAX_MNEM][24];
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

/* Multiplies, saturation and the media group (A5.2.5-A5.2.7, A5.4). */
static int media_regs(const struct a32_insn *d, uint8_t *r)
{
	int n = 0;

	switch (d->op) {
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
	default:
		break;
	}
	if ((d->op >= A32_SADD16 && d->op <= A32_PKHTB) ||
	    (d->op >= A32_SXTAB && d->op <= A32_UXTAH)) {
		R(d->rd, d->rn, d->rm); return n;
	}
	return -1;
}

/* The registers objdump names, in its order; -1 when not checked.
 * PUSH/POP (mnemonic as printed) leave the base implicit. */
int a32x_regs(const struct a32_insn *d, const char *mnem, uint8_t *r)
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
	if (d->op >= A32_MUL && d->op <= A32_UBFX)
		return media_regs(d, r);
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

static bool has_shift(const struct a32_insn *d, const char *text)
{
	static const char *const any[] = { "lsl", "lsr", "asr", "ror", "rrx" };
	char want[32], ops[A32X_MAX_OPS];
	size_t i;

	/* objdump writes some rotations in capitals ("ROR #24"). */
	for (i = 0; i + 1 < sizeof(ops) && text[i]; i++)
		ops[i] = (char)tolower((unsigned char)text[i]);
	ops[i] = 0;
	shift_text(d, want, sizeof(want));
	if (want[0])
		return strstr(ops, want) != NULL;
	for (i = 0; i < 5; i++)
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
static const char *check_fields(const struct a32_insn *d, const char *ops)
{
	unsigned v[8];

	switch (d->op) {
	case A32_MRC: case A32_MCR:
		/* "15, 0, r0, cr13, cr0, {3}": coproc, opc1, -, CRn, CRm, opc2 */
		if (sscanf(ops, "%u, %u, %*[^,], cr%u, cr%u, {%u}", &v[0],
			   &v[1], &v[2], &v[3], &v[4]) != 5 ||
		    v[0] != d->coproc || v[1] != d->opc1 || v[2] != d->crn ||
		    v[3] != d->crm || v[4] != d->opc2)
			return "coprocessor fields";
		return NULL;
	case A32_MCRR: case A32_MRRC:
		if (sscanf(ops, "%u, %u, %*[^,], %*[^,], cr%u", &v[0], &v[1],
			   &v[2]) != 3 || v[0] != d->coproc || v[1] != d->opc1 ||
		    v[2] != d->crm)
			return "coprocessor fields";
		return NULL;
	case A32_BFC: case A32_BFI: case A32_SBFX: case A32_UBFX:
		if (ints_after(ops, d->op == A32_BFC ? 1 : 2, v, 2) != 2 ||
		    v[0] != d->lsb || v[1] != d->width)
			return "lsb/width";
		return NULL;
	case A32_BKPT:
		return strtoul(ops, NULL, 0) == d->imm ? NULL : "bkpt imm";
	case A32_UDF:
		return (uint32_t)first_imm(ops) == d->imm ? NULL : "udf imm";
	default:
		break;
	}
	if ((d->op >= A32_AND && d->op <= A32_MVN && d->op != A32_MOV &&
	     d->form != A32_FORM_IMM) ||
	    (d->op >= A32_LDR && d->op <= A32_STRBT &&
	     d->form == A32_FORM_REG_IMM) ||
	    d->op == A32_PKHBT || d->op == A32_PKHTB || d->op == A32_SSAT ||
	    d->op == A32_USAT || (d->op >= A32_SXTAB && d->op <= A32_UXTH))
		return has_shift(d, ops) ? NULL : "shift";
	return NULL;
}

/* Immediates, coprocessor fields and shifts that are cheap to find in
 * objdump's operand text. */
const char *a32x_operands(const struct a32_insn *d, uint32_t addr,
			  const char *ops)
{
	switch (d->op) {
	case A32_B: case A32_BL: case A32_BLX_IMM:
		if (strtoul(ops, NULL, 16) != (uint32_t)(addr + 8 + d->imm))
			return "branch target";
		return NULL;
	case A32_SVC:
		return strtoul(ops, NULL, 16) == d->imm ? NULL : "svc imm";
	case A32_MOVW: case A32_MOVT:
		return (uint32_t)first_imm(ops) == d->imm ? NULL : "imm16";
	case A32_SSAT: case A32_USAT: case A32_SSAT16: case A32_USAT16:
		return first_imm(ops) == d->sat ? NULL : "saturate_to";
	default:
		break;
	}
	if (d->op >= A32_AND && d->op <= A32_MVN && d->form == A32_FORM_IMM)
		return modified_imm(ops) == d->imm ? NULL : "imm";
	if (((d->op >= A32_LDR && d->op <= A32_STRHT) || d->op == A32_PLD ||
	     d->op == A32_PLDW || d->op == A32_PLI) &&
	    d->form == A32_FORM_IMM && strchr(ops, '#')) {
		long want = d->u ? (long)d->imm : -(long)d->imm;
		return first_imm(ops) == want ? NULL : "offset";
	}
	return check_fields(d, ops);
}

static uint64_t rng_state;

void a32x_seed(uint64_t seed)
{
	rng_state = seed;
}

uint32_t a32x_random(void)
{
	/* xorshift64*: any fixed-seed generator will do. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

int a32x_parse_regs(const char *s, uint8_t *r)
{
	static const char *const special[] = { "sp", "lr", "pc" };
	int n = 0;

	for (const char *p = s; *p && n < A32X_MAX_REGS; p++) {
		if (p != s && word_char(p[-1]))
			continue;
		const char *e = p;
		while (word_char(*e))
			e++;
		size_t len = (size_t)(e - p);
		for (int i = 0; i < 3; i++)
			if (len == 2 && !strncmp(p, special[i], 2))
				r[n++] = (uint8_t)(13 + i);
		if ((len == 2 || len == 3) && p[0] == 'r' &&
		    isdigit((unsigned char)p[1]) &&
		    (len == 2 || isdigit((unsigned char)p[2])))
			r[n++] = (uint8_t)atoi(p + 1);
	}
	return n;
}

bool a32x_is_coproc(const struct a32_insn *d)
{
	return d->op == A32_LDC || d->op == A32_STC || d->op == A32_CDP ||
	       d->op == A32_MCR || d->op == A32_MRC || d->op == A32_MCRR ||
	       d->op == A32_MRRC;
}
