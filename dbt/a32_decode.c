/* A32 decoding: find an instruction word's entry in the encoding tables
 * (a32_decode_tab.c), extract its fields (a32_fields.c), then apply the
 * UNPREDICTABLE constraints the entry names (ARM DDI 0406C chapter A8,
 * the "Encoding" paragraph of each instruction). */
#include <string.h>

#include "bitfield.h"
#include "a32_decode.h"
#include "a32_decode_tab.h"
#include "arm_cpu.h"

#define A32_GROUP_SHIFT 25   /* bits 27:25 index the tables (A5.1) */
#define A32_COND_SHIFT 28    /* the condition field, bits 31:28 (A8.3) */

/* ---- UNPREDICTABLE constraints ------------------------------------------- */

/* Registers the nopc bits of an entry name, in enum a32_nopc order. */
static bool uses_pc(uint16_t nopc, const struct a32_insn *o)
{
	const uint8_t regs[] = { o->rd, o->rn, o->rm, o->rs, o->ra, o->rt,
				 o->rt2, o->rdlo, o->rdhi };

	for (unsigned i = 0; i < sizeof(regs); i++)
		if ((nopc & (1u << i)) && regs[i] == ARM_REG_PC)
			return true;
	return false;
}

static bool ls_wback(const struct a32_insn *o)
{
	return o->p == 0 || o->w == 1;
}

static uint8_t rule_wback(const struct a32_insn *o)
{
	if (!ls_wback(o))
		return A32_UNPRED_NONE;
	if (o->rn == ARM_REG_PC)
		return A32_UNPRED_PC;
	return o->rn == o->rt ? A32_UNPRED_WBACK : A32_UNPRED_NONE;
}

/* LDRD/STRD (A8.8.72): Rt even and not LR; P = 0 with W = 1 is not a
 * valid addressing mode; writeback may not hit either transfer register. */
static uint8_t rule_ldrd(const struct a32_insn *o)
{
	if (o->rt & 1)
		return A32_UNPRED_REGS;
	if (o->rt2 == ARM_REG_PC)
		return A32_UNPRED_PC;
	if (o->p == 0 && o->w == 1)
		return A32_UNPRED_FIELD;
	if (ls_wback(o) && o->rn == ARM_REG_PC)
		return A32_UNPRED_PC;
	if (ls_wback(o) && (o->rn == o->rt || o->rn == o->rt2))
		return A32_UNPRED_WBACK;
	return A32_UNPRED_NONE;
}

static uint8_t rule_ldrd_reg(const struct a32_insn *o)
{
	uint8_t r = rule_ldrd(o);

	if (r == A32_UNPRED_NONE && (o->rm == o->rt || o->rm == o->rt2))
		r = A32_UNPRED_REGS;
	return r;
}

static uint8_t rule_mull(const struct a32_insn *o)
{
	return o->rdhi == o->rdlo ? A32_UNPRED_REGS : A32_UNPRED_NONE;
}

static uint8_t rule_stm(const struct a32_insn *o)
{
	return o->reglist == 0 ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
}

/* LDM (A8.8.58): writeback into a loaded base is UNPREDICTABLE. STM with
 * the base in the list and writeback only stores an UNKNOWN value when the
 * base is not the lowest register; the translator stores the original
 * base, so that case is not flagged. */
static uint8_t rule_ldm(const struct a32_insn *o)
{
	if (o->reglist == 0)
		return A32_UNPRED_FIELD;
	if (o->w && (o->reglist >> o->rn & 1))
		return A32_UNPRED_WBACK;
	return A32_UNPRED_NONE;
}

static uint8_t rule_ldm_user(const struct a32_insn *o)
{
	return o->reglist == 0 || o->w ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
}

/* LDREXD/STREXD need an even Rt below LR; STREX's status register may
 * not overlap the address or the data (A8.8.212-A8.8.215). */
static uint8_t rule_excl(const struct a32_insn *o)
{
	bool dual = o->op == A32_LDREXD || o->op == A32_STREXD;
	bool store = o->op != A32_LDREXD;

	if (dual && ((o->rt & 1) || o->rt2 == ARM_REG_PC))
		return A32_UNPRED_REGS;
	if (store && (o->rd == o->rn || o->rd == o->rt ||
		      (dual && o->rd == o->rt2)))
		return A32_UNPRED_REGS;
	return A32_UNPRED_NONE;
}

static uint8_t rule_swp(const struct a32_insn *o)
{
	return o->rn == o->rt || o->rn == o->rt2 ? A32_UNPRED_REGS
						 : A32_UNPRED_NONE;
}

static uint8_t rule_bfi(const struct a32_insn *o)
{
	return o->width == 0 ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
}

static uint8_t rule_bfx(const struct a32_insn *o)
{
	return o->lsb + o->width > 32 ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
}

static uint8_t rule_cond_al(const struct a32_insn *o)
{
	return o->cond != A32_COND_AL ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
}

static uint8_t rule_msr(const struct a32_insn *o)
{
	return o->psr_mask == 0 ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
}

static uint8_t rule_mrrc(const struct a32_insn *o)
{
	return o->rt == o->rt2 ? A32_UNPRED_REGS : A32_UNPRED_NONE;
}

/* CPS (B9.3.1): a mode only with M; A/I/F only with an enable or
 * disable (imod 1x); imod 01 and the no-op form are UNPREDICTABLE. */
static uint8_t rule_cps(const struct a32_insn *o)
{
	bool change = o->cps_imod & 2;

	if ((o->imm != 0 && !o->cps_m) || (change != (o->cps_aif != 0)) ||
	    o->cps_imod == 1 || (o->cps_imod == 0 && !o->cps_m))
		return A32_UNPRED_FIELD;
	return A32_UNPRED_NONE;
}

/* The SYSm values that name a banked register (B9.2.3), one bit per
 * value: r8_usr-lr_usr, r8_fiq-lr_fiq, lr/sp of irq, svc, abt, und, then
 * lr_mon, sp_mon, elr_hyp, sp_hyp; and for SPSR (R = 1) the SPSRs of
 * fiq, irq, svc, abt, und, mon and hyp. */
#define BANKED_SYSM_REGS 0xf0ff7f7fu
#define BANKED_SYSM_SPSRS 0x50554000u

static uint8_t rule_banked(const struct a32_insn *o)
{
	uint32_t valid = o->r_spsr ? BANKED_SYSM_SPSRS : BANKED_SYSM_REGS;

	return (valid >> o->sysm) & 1 ? A32_UNPRED_NONE : A32_UNPRED_FIELD;
}

static uint8_t rule_always(const struct a32_insn *o)
{
	(void)o;
	return A32_UNPRED_FIELD;
}

static uint8_t rule_none(const struct a32_insn *o)
{
	(void)o;
	return A32_UNPRED_NONE;
}

static uint8_t (*const rule_fn[R_COUNT])(const struct a32_insn *) = {
	[R_NONE] = rule_none, [R_MULL] = rule_mull, [R_WBACK] = rule_wback,
	[R_LDRD] = rule_ldrd, [R_LDRD_REG] = rule_ldrd_reg,
	[R_LDM] = rule_ldm, [R_STM] = rule_stm, [R_LDM_USER] = rule_ldm_user,
	[R_EXCL] = rule_excl, [R_SWP] = rule_swp, [R_BFI] = rule_bfi,
	[R_BFX] = rule_bfx, [R_COND_AL] = rule_cond_al, [R_MSR] = rule_msr,
	[R_MRRC] = rule_mrrc, [R_CPS] = rule_cps,
	[R_BANKED] = rule_banked, [R_ALWAYS] = rule_always,
};

/* ---- the decoder ---------------------------------------------------------- */

static const struct a32_pattern *lookup(uint32_t insn, bool uncond)
{
	const struct a32_table *t = uncond ? a32_tab_uncond : a32_tab_cond;
	const struct a32_table *g = &t[bits(insn, 27, A32_GROUP_SHIFT)];

	for (size_t i = 0; i < g->len; i++)
		if ((insn & g->pat[i].mask) == (g->pat[i].value & g->pat[i].mask))
			return &g->pat[i];
	/* Every list ends with a catch-all, so this is not reached. */
	return &g->pat[g->len - 1];
}

static bool is_coproc(enum a32_op op)
{
	return op == A32_LDC || op == A32_STC || op == A32_CDP ||
	       op == A32_MCR || op == A32_MRC || op == A32_MCRR ||
	       op == A32_MRRC;
}

static uint8_t unpredictable(const struct a32_pattern *p,
			     const struct a32_insn *o)
{
	if ((o->raw & p->sbmask) != (p->value & p->sbmask))
		return A32_UNPRED_SBZ;
	if (uses_pc(p->nopc, o))
		return A32_UNPRED_PC;
	return rule_fn[p->rule](o);
}

int a32_decode(uint32_t insn, struct a32_insn *out)
{
	uint32_t cond = insn >> A32_COND_SHIFT;
	bool uncond = cond == A32_COND_NV;
	const struct a32_pattern *p = lookup(insn, uncond);

	memset(out, 0, sizeof(*out));
	out->raw = insn;
	out->size = 4;
	out->op = p->op;
	out->cond = (uint8_t)(uncond && !is_coproc(p->op) ? A32_COND_AL : cond);
	if (p->op == A32_UNDEF)
		return -1;
	a32_fields[p->fmt](insn, out);
	out->unpred = unpredictable(p, out);
	return 0;
}

bool a32_op_is_logical(enum a32_op op)
{
	return op == A32_AND || op == A32_EOR || op == A32_TST ||
	       op == A32_TEQ || op == A32_ORR || op == A32_ORN ||
	       op == A32_MOV || op == A32_BIC || op == A32_MVN;
}

bool a32_op_is_t32_only(enum a32_op op)
{
	return op == A32_ORN || op == A32_CBZ || op == A32_CBNZ ||
	       op == A32_TBB || op == A32_TBH || op == A32_IT;
}

/* The enum keeps the system ops together at its end. */
bool a32_op_is_system(enum a32_op op)
{
	return op >= A32_MRS && op < A32_OP_COUNT;
}

bool a32_insn_is_system(const struct a32_insn *insn)
{
	enum a32_op op = insn->op;

	if (a32_op_is_system(op))
		return true;
	if (insn->cond == A32_COND_NV)
		return true;
	return op >= A32_AND && op <= A32_MVN && insn->s &&
	       insn->rd == ARM_REG_PC && !(op >= A32_TST && op <= A32_CMN);
}
