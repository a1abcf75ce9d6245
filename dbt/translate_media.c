/* Multiplies, divides, saturating arithmetic and the parallel media
 * instructions (ARM DDI 0406C A5.2.5, A5.2.6, A5.2.7, A5.4.1-A5.4.4).
 * The ordinary and long multiplies, SMULxy/SMULWy, the most-significant-
 * word multiplies, the divides and PKH are expanded inline; the rest,
 * whose Q-flag, GE or lane logic would be long in x86, call the
 * dbt_media_* helpers (media_ops.c). Scratch: RCX, RDX, RSI, RDI, R8, and
 * RAX (after tr_clobber) for the divides. */
#include "media_ops.h"
#include "translate.h"

#define HALF_BITS 16
#define WORD_BITS 32
#define SIGN_SHIFT 63        /* SAR by this spreads a 64-bit sign */
#define SMMUL_ROUND 0x80000000u  /* the R forms add 2^31 (A8.8.194) */
#define LOW_HALF 0x0000ffffu
#define HIGH_HALF 0xffff0000u

/* ---- inline multiplies ---------------------------------------------- */

/* host = R[arm] as a 64-bit value, sign- or zero-extended. */
static void get64(struct tr *t, int host, unsigned arm, bool sign)
{
	tr_get(t, host, arm);
	if (sign)
		x86_movsxd_rr(&t->b, host, host);
}

/* host = the signed halfword of R[arm] (SMULxy operands). */
static void get_half(struct tr *t, int host, unsigned arm, bool top)
{
	tr_get(t, host, arm);
	if (top)
		x86_shift_ri(&t->b, X86_SAR, 4, host, HALF_BITS);
	else
		x86_movsx_rr(&t->b, 2, host, host);
}

/* MUL/MLA/MLS (A8.8.114, A8.8.100, A8.8.101): the low 32 bits of the
 * product are the same signed or unsigned. */
static void mul32(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;

	tr_get(t, X86_RCX, in->rn);
	tr_get(t, X86_RDX, in->rm);
	x86_imul_rr(b, 4, X86_RCX, X86_RDX);
	if (in->op != A32_MUL)
		tr_get(t, X86_RDX, in->ra);
	if (in->op == A32_MLA) {
		x86_alu_rr(b, X86_ADD, 4, X86_RCX, X86_RDX);
	} else if (in->op == A32_MLS) {
		x86_alu_rr(b, X86_SUB, 4, X86_RDX, X86_RCX);
		x86_mov_rr(b, 4, X86_RCX, X86_RDX);
	}
	tr_put(t, in->rd, X86_RCX);
	if (in->s)
		tr_set_nz(t, X86_RCX, 4);
}

/* host = RdHi:RdLo. */
static void get_pair(struct tr *t, int host, int tmp,
		     const struct a32_insn *in)
{
	tr_get(t, host, in->rdlo);
	tr_get(t, tmp, in->rdhi);
	x86_shift_ri(&t->b, X86_SHL, 8, tmp, WORD_BITS);
	x86_alu_rr(&t->b, X86_OR, 8, host, tmp);
}

/* RdLo = low half of host, RdHi = high half (host is kept). */
static void put_pair(struct tr *t, int host, int tmp,
		     const struct a32_insn *in)
{
	x86_mov_rr(&t->b, 8, tmp, host);
	x86_shift_ri(&t->b, X86_SHR, 8, tmp, WORD_BITS);
	tr_put(t, in->rdlo, host);
	tr_put(t, in->rdhi, tmp);
}

/* UMULL/UMLAL/SMULL/SMLAL/UMAAL (A8.8.257, A8.8.256, A8.8.189, A8.8.178,
 * A8.8.255): a 64-bit IMUL of the extended operands gives the exact
 * product's low 64 bits, signed or not. UMAAL's sum cannot overflow 64
 * bits: (2^32-1)^2 + 2 (2^32-1) = 2^64-1. */
static void mul64(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	bool sign = in->op == A32_SMULL || in->op == A32_SMLAL;

	get64(t, X86_RCX, in->rn, sign);
	get64(t, X86_RDX, in->rm, sign);
	x86_imul_rr(b, 8, X86_RCX, X86_RDX);
	if (in->op == A32_UMLAL || in->op == A32_SMLAL) {
		get_pair(t, X86_RSI, X86_RDI, in);
		x86_alu_rr(b, X86_ADD, 8, X86_RCX, X86_RSI);
	} else if (in->op == A32_UMAAL) {
		tr_get(t, X86_RSI, in->rdlo);
		x86_alu_rr(b, X86_ADD, 8, X86_RCX, X86_RSI);
		tr_get(t, X86_RSI, in->rdhi);
		x86_alu_rr(b, X86_ADD, 8, X86_RCX, X86_RSI);
	}
	put_pair(t, X86_RCX, X86_RDX, in);
	if (in->s)
		tr_set_nz(t, X86_RCX, 8);
}

/* SMULxy (A8.8.198): the 16x16 product always fits 32 bits. */
static void smulxy(struct tr *t, const struct a32_insn *in)
{
	get_half(t, X86_RCX, in->rn, in->n_top);
	get_half(t, X86_RDX, in->rm, in->m_top);
	x86_imul_rr(&t->b, 4, X86_RCX, X86_RDX);
	tr_put(t, in->rd, X86_RCX);
}

/* SMULWy (A8.8.201): bits 47:16 of the 48-bit product. */
static void smulwy(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;

	get64(t, X86_RCX, in->rn, true);
	get_half(t, X86_RDX, in->rm, in->m_top);
	x86_movsxd_rr(b, X86_RDX, X86_RDX);
	x86_imul_rr(b, 8, X86_RCX, X86_RDX);
	x86_shift_ri(b, X86_SAR, 8, X86_RCX, HALF_BITS);
	tr_put(t, in->rd, X86_RCX);
}

/* SMMUL/SMMLA/SMMLS (A8.8.192-A8.8.194): bits 63:32 of (Ra << 32) +/-
 * the product, plus 2^31 for the R forms; modulo 2^64 the high word is
 * the same as at infinite precision. */
static void smmul(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;

	get64(t, X86_RCX, in->rn, true);
	get64(t, X86_RDX, in->rm, true);
	x86_imul_rr(b, 8, X86_RCX, X86_RDX);
	if (in->op != A32_SMMUL) {
		tr_get(t, X86_RSI, in->ra);
		x86_shift_ri(b, X86_SHL, 8, X86_RSI, WORD_BITS);
		if (in->op == A32_SMMLS) {
			x86_alu_rr(b, X86_SUB, 8, X86_RSI, X86_RCX);
			x86_mov_rr(b, 8, X86_RCX, X86_RSI);
		} else {
			x86_alu_rr(b, X86_ADD, 8, X86_RCX, X86_RSI);
		}
	}
	if (in->round) {
		x86_mov_ri(b, 4, X86_RDX, SMMUL_ROUND);
		x86_alu_rr(b, X86_ADD, 8, X86_RCX, X86_RDX);
	}
	x86_shift_ri(b, X86_SHR, 8, X86_RCX, WORD_BITS);
	tr_put(t, in->rd, X86_RCX);
}

/* SDIV/UDIV (A8.8.165, A8.8.248): x/0 is 0 (SCTLR.DZ is 0 for Linux;
 * the A profile has no divide trap in ARM state), and INT_MIN / -1 is
 * INT_MIN, which a 64-bit IDIV of the sign-extended operands yields
 * without the x86 overflow fault. */
static void divide(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	bool sign = in->op == A32_SDIV;

	tr_get(t, X86_RCX, in->rm);
	tr_get(t, X86_RAX, in->rn);
	x86_test_rr(b, 4, X86_RCX, X86_RCX);
	uint8_t *zero = x86_jcc8(b, X86_CC_E);
	if (sign) {
		x86_movsxd_rr(b, X86_RAX, X86_RAX);
		x86_movsxd_rr(b, X86_RCX, X86_RCX);
		x86_mov_rr(b, 8, X86_RDX, X86_RAX);
		x86_shift_ri(b, X86_SAR, 8, X86_RDX, SIGN_SHIFT);
		x86_unary(b, X86_IDIV, 8, X86_RCX);
	} else {
		x86_alu_rr(b, X86_XOR, 4, X86_RDX, X86_RDX);
		x86_unary(b, X86_DIV, 4, X86_RCX);
	}
	uint8_t *done = x86_jmp8(b);
	x86_patch_rel8(zero, b->p);
	x86_alu_rr(b, X86_XOR, 4, X86_RAX, X86_RAX);
	x86_patch_rel8(done, b->p);
	tr_put(t, in->rd, X86_RAX);
}

/* PKHBT/PKHTB (A8.8.125): one halfword of Rn, the other of the shifted
 * Rm (LSL #0-31 or ASR #1-32). */
static void pkh(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	bool tb = in->op == A32_PKHTB;
	unsigned n = in->shift_amount;

	tr_get(t, X86_RCX, in->rn);
	tr_get(t, X86_RDX, in->rm);
	if (tb)
		x86_shift_ri(b, X86_SAR, 4, X86_RDX,
			     (uint8_t)(n >= WORD_BITS ? WORD_BITS - 1 : n));
	else if (n)
		x86_shift_ri(b, X86_SHL, 4, X86_RDX, (uint8_t)n);
	x86_alu_ri(b, X86_AND, 4, X86_RCX, (int32_t)(tb ? HIGH_HALF : LOW_HALF));
	x86_alu_ri(b, X86_AND, 4, X86_RDX, (int32_t)(tb ? LOW_HALF : HIGH_HALF));
	x86_alu_rr(b, X86_OR, 4, X86_RCX, X86_RDX);
	tr_put(t, in->rd, X86_RCX);
}

/* ---- helper calls ------------------------------------------------------ */

/* Which accumulator a helper takes (media_ops.h): none, R[a], or
 * RdHi:RdLo in and out. */
enum media_shape { SH_NM, SH_NMA, SH_LONG };

struct media_call {
	uint16_t op;
	uint8_t shape;
	dbt_media_fn *fn;
};

static const struct media_call media_calls[] = {
	{ A32_QADD, SH_NM, dbt_media_qaddsub },
	{ A32_QSUB, SH_NM, dbt_media_qaddsub },
	{ A32_QDADD, SH_NM, dbt_media_qaddsub },
	{ A32_QDSUB, SH_NM, dbt_media_qaddsub },
	{ A32_SSAT, SH_NM, dbt_media_ssat },
	{ A32_USAT, SH_NM, dbt_media_usat },
	{ A32_SSAT16, SH_NM, dbt_media_ssat16 },
	{ A32_USAT16, SH_NM, dbt_media_usat16 },
	{ A32_SEL, SH_NM, dbt_media_sel },
	{ A32_USAD8, SH_NM, dbt_media_usada8 },
	{ A32_USADA8, SH_NMA, dbt_media_usada8 },
	{ A32_SMLAXY, SH_NMA, dbt_media_smlaxy },
	{ A32_SMLAWY, SH_NMA, dbt_media_smlawy },
	{ A32_SMLALXY, SH_LONG, dbt_media_smlalxy },
	{ A32_SMUAD, SH_NM, dbt_media_smlad },
	{ A32_SMUSD, SH_NM, dbt_media_smlad },
	{ A32_SMLAD, SH_NMA, dbt_media_smlad },
	{ A32_SMLSD, SH_NMA, dbt_media_smlad },
	{ A32_SMLALD, SH_LONG, dbt_media_smlald },
	{ A32_SMLSLD, SH_LONG, dbt_media_smlald },
};

static const struct media_call parallel_call = {
	A32_SADD16, SH_NM, dbt_media_parallel,
};

static uint32_t selector(const struct a32_insn *in)
{
	switch (in->op) {
	case A32_QSUB: return DBT_MEDIA_Q_SUB;
	case A32_QDADD: return DBT_MEDIA_Q_DOUBLE;
	case A32_QDSUB: return DBT_MEDIA_Q_DOUBLE | DBT_MEDIA_Q_SUB;
	case A32_SSAT: case A32_USAT:
		return DBT_MEDIA_SAT_SEL(in->sat, in->shift_type,
					 in->shift_amount);
	case A32_SSAT16: case A32_USAT16:
		return in->sat;
	case A32_SMLAXY: case A32_SMLAWY: case A32_SMLALXY:
		return (uint32_t)(in->n_top | in->m_top << 1);
	case A32_SMUAD: case A32_SMLAD: case A32_SMLALD:
		return in->m_swap ? DBT_MEDIA_SEL_SWAP : 0;
	case A32_SMUSD: case A32_SMLSD: case A32_SMLSLD:
		return DBT_MEDIA_SEL_SUB | (in->m_swap ? DBT_MEDIA_SEL_SWAP : 0);
	default:
		break;
	}
	if (in->op >= A32_SADD16 && in->op <= A32_UHSUB8)
		return (uint32_t)(in->op - A32_SADD16);
	return 0;
}

/* fn(cpu, R[n], R[m], accumulator, selector), System V registers. */
static void call_media(struct tr *t, const struct a32_insn *in,
		       const struct media_call *c)
{
	struct x86_buf *b = &t->b;

	tr_clobber(t);
	tr_get(t, X86_RSI, in->rn);
	tr_get(t, X86_RDX, in->rm);
	if (c->shape == SH_NMA)
		tr_get(t, X86_RCX, in->ra);
	else if (c->shape == SH_LONG)
		get_pair(t, X86_RCX, X86_RDI, in);
	else
		x86_alu_rr(b, X86_XOR, 4, X86_RCX, X86_RCX);
	x86_mov_ri(b, 4, X86_R8, selector(in));
	x86_mov_rr(b, 8, X86_RDI, TR_CPU);
	tr_call(t, (const void *)c->fn);
	if (c->shape == SH_LONG)
		put_pair(t, X86_RAX, X86_RDX, in);
	else
		tr_put(t, in->rd, X86_RAX);
}

static const struct media_call *find_call(unsigned op)
{
	if (op >= A32_SADD16 && op <= A32_UHSUB8)
		return &parallel_call;
	for (size_t i = 0; i < sizeof(media_calls) / sizeof(media_calls[0]); i++)
		if (media_calls[i].op == op)
			return &media_calls[i];
	return NULL;
}

bool dbt_tr_media(struct tr *t, const struct a32_insn *in)
{
	const struct media_call *c;

	switch (in->op) {
	case A32_MUL: case A32_MLA: case A32_MLS:
		tr_clobber(t); mul32(t, in); return true;
	case A32_UMULL: case A32_UMLAL: case A32_SMULL: case A32_SMLAL:
	case A32_UMAAL:
		tr_clobber(t); mul64(t, in); return true;
	case A32_SMULXY:
		tr_clobber(t); smulxy(t, in); return true;
	case A32_SMULWY:
		tr_clobber(t); smulwy(t, in); return true;
	case A32_SMMUL: case A32_SMMLA: case A32_SMMLS:
		tr_clobber(t); smmul(t, in); return true;
	case A32_SDIV: case A32_UDIV:
		tr_clobber(t); divide(t, in); return true;
	case A32_PKHBT: case A32_PKHTB:
		tr_clobber(t); pkh(t, in); return true;
	default:
		break;
	}
	c = find_call(in->op);
	if (!c)
		return false;
	call_media(t, in, c);
	return true;
}
