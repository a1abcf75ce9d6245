/* T32 decoding of the 32-bit encodings: find a word's group (ARM DDI
 * 0406C A6.3 Table A6-9) and its entry in that group's table
 * (t32_decode_tab.c), extract the fields (t32_fields.c), then apply the
 * UNPREDICTABLE constraints the entry names (chapter A8, the "Encoding
 * T<n>" pseudocode, where BadReg(n) means n is SP or PC). Constraints that
 * depend on the IT state (InITBlock(), LastInITBlock()) are left to the
 * translator, which knows it. */
#include <string.h>

#include "a32_decode.h"
#include "arm_cpu.h"
#include "t32_decode.h"
#include "t32_decode_tab.h"

#define T32_HW1_SHIFT 16
#define T32_T_BIT (1u << 28)     /* hw1 bit 12: the coprocessor "2" forms */

/* ---- UNPREDICTABLE constraints ------------------------------------------- */

/* The registers an entry's bad/nopc masks name, in enum t32_reg order. */
static unsigned reg_hits(uint16_t which, const struct a32_insn *o,
			 unsigned reg)
{
	const uint8_t regs[] = { o->rd, o->rn, o->rm, o->rs, o->ra, o->rt,
				 o->rt2, o->rdlo, o->rdhi };
	unsigned hits = 0;

	for (unsigned i = 0; i < sizeof(regs); i++)
		if ((which & (1u << i)) && regs[i] == reg)
			hits++;
	return hits;
}

static unsigned popcount16(uint16_t v)
{
	unsigned n = 0;

	for (; v; v &= (uint16_t)(v - 1))
		n++;
	return n;
}

static bool wback(const struct a32_insn *o)
{
	return o->p == 0 || o->w == 1;
}

/* ThumbExpandImm_C (A6.3.2): the replicated forms need a nonzero imm8. */
static bool modimm_bad(uint32_t x)
{
	uint32_t imm12 = (x >> 15 & 0x800u) | (x >> 4 & 0x700u) | (x & 0xffu);

	return (imm12 >> 10) == 0 && (imm12 >> 8) != 0 && (imm12 & 0xffu) == 0;
}

/* ADD/SUB with Rd = SP only as SP = SP +/- operand, a register operand
 * shifted LSL #0-3 (A8.8.8, A8.8.226); Rd = PC is in the nopc mask. */
static bool spdest_bad(const struct a32_insn *o)
{
	if (o->rd != ARM_REG_SP)
		return false;
	if (o->rn != ARM_REG_SP)
		return true;
	return o->form == A32_FORM_REG_IMM &&
	       (o->shift_type != A32_SHIFT_LSL || o->shift_amount > 3);
}

/* MOV (register) T3 (A8.8.103): with S neither may be SP or PC; without,
 * neither may be PC, nor both SP. */
static bool movreg_bad(const struct a32_insn *o)
{
	bool bad_d = o->rd == ARM_REG_SP || o->rd == ARM_REG_PC;
	bool bad_m = o->rm == ARM_REG_SP || o->rm == ARM_REG_PC;

	if (o->s)
		return bad_d || bad_m;
	return o->rd == ARM_REG_PC || o->rm == ARM_REG_PC ||
	       (o->rd == ARM_REG_SP && o->rm == ARM_REG_SP);
}

/* STREX and friends: the status register overlaps an operand (A8.8.212). */
static bool excl_bad(const struct a32_insn *o)
{
	return o->rd == o->rn || o->rd == o->rt ||
	       (o->op == A32_STREXD && o->rd == o->rt2);
}

/* CPS (B9.3.1): a mode only with M; A/I/F exactly with imod 1x. */
static bool cps_bad(const struct a32_insn *o)
{
	bool change = o->cps_imod & 2;

	return (o->imm != 0 && !o->cps_m) || change != (o->cps_aif != 0) ||
	       o->cps_imod == 1;
}

/* The SYSm values that name a banked register (B9.2.3), as in A32. */
#define BANKED_SYSM_REGS 0xf0ff7f7fu
#define BANKED_SYSM_SPSRS 0x50554000u

static bool banked_bad(const struct a32_insn *o)
{
	uint32_t valid = o->r_spsr ? BANKED_SYSM_SPSRS : BANKED_SYSM_REGS;

	return !((valid >> o->sysm) & 1);
}

/* One rule of enum t32_rule; the A32_UNPRED_* reason, or NONE. */
static uint8_t rule(uint32_t r, const struct a32_insn *o)
{
	uint32_t x = o->raw;

	switch (r) {
	case TR_MODIMM: return modimm_bad(x) ? A32_UNPRED_FIELD : 0;
	case TR_SPDEST: return spdest_bad(o) ? A32_UNPRED_REGS : 0;
	case TR_WBACK:
		return wback(o) && o->rn == o->rt ? A32_UNPRED_WBACK : 0;
	case TR_DUAL:
		return wback(o) && (o->rn == o->rt || o->rn == o->rt2)
			       ? A32_UNPRED_WBACK : 0;
	case TR_LIST: return popcount16(o->reglist) < 2 ? A32_UNPRED_FIELD : 0;
	case TR_PM: return (o->reglist >> 14) == 3 ? A32_UNPRED_REGS : 0;
	case TR_LISTWB:
		return o->w && (o->reglist >> o->rn & 1) ? A32_UNPRED_WBACK : 0;
	case TR_EXCL: return excl_bad(o) ? A32_UNPRED_REGS : 0;
	case TR_MULL: return o->rdhi == o->rdlo ? A32_UNPRED_REGS : 0;
	case TR_T_T2: return o->rt == o->rt2 ? A32_UNPRED_REGS : 0;
	case TR_BFI: return o->width == 0 ? A32_UNPRED_FIELD : 0;
	case TR_BFX: return o->lsb + o->width > 32 ? A32_UNPRED_FIELD : 0;
	case TR_MSR: return o->psr_mask == 0 ? A32_UNPRED_FIELD : 0;
	case TR_BANKED: return banked_bad(o) ? A32_UNPRED_FIELD : 0;
	case TR_CPS: return cps_bad(o) ? A32_UNPRED_FIELD : 0;
	case TR_SAME_RM:
		return ((x >> T32_HW1_SHIFT) & 0xfu) != (x & 0xfu)
			       ? A32_UNPRED_FIELD : 0;
	case TR_MOVREG: return movreg_bad(o) ? A32_UNPRED_REGS : 0;
	case TR_NO_W: return o->w ? A32_UNPRED_FIELD : 0;
	case TR_LDC:
		return o->rn == ARM_REG_PC && wback(o) ? A32_UNPRED_PC : 0;
	case TR_SP_N: return o->rn == ARM_REG_SP ? A32_UNPRED_REGS : 0;
	case TR_SP_T: return o->rt == ARM_REG_SP ? A32_UNPRED_REGS : 0;
	default: return A32_UNPRED_NONE;
	}
}

static uint8_t unpredictable(const struct t32_pattern *p,
			     const struct a32_insn *o)
{
	if ((o->raw & p->sbmask) != (p->value & p->sbmask))
		return A32_UNPRED_SBZ;
	if (reg_hits(p->bad | p->nopc, o, ARM_REG_PC))
		return A32_UNPRED_PC;
	if (reg_hits(p->bad, o, ARM_REG_SP))
		return A32_UNPRED_REGS;
	for (uint32_t r = 1; r != 0 && r <= p->rules; r <<= 1) {
		uint8_t why = (p->rules & r) ? rule(r, o) : A32_UNPRED_NONE;
		if (why != A32_UNPRED_NONE)
			return why;
	}
	return A32_UNPRED_NONE;
}

/* ---- the decoder ----------------------------------------------------------- */

static const struct t32_pattern *lookup(uint32_t insn)
{
	const struct t32_table *t = NULL;
	size_t i;

	/* The last group is a catch-all, so t is always set. */
	for (i = 0; i < t32_group_count && !t; i++)
		if ((insn & t32_groups[i].mask) == t32_groups[i].value)
			t = t32_groups[i].table;
	for (i = 0; i < t->len; i++)
		if ((insn & t->pat[i].mask) == (t->pat[i].value & t->pat[i].mask))
			return &t->pat[i];
	return &t->pat[t->len - 1];
}

static bool is_coproc(enum a32_op op)
{
	return op == A32_LDC || op == A32_STC || op == A32_CDP ||
	       op == A32_MCR || op == A32_MRC || op == A32_MCRR ||
	       op == A32_MRRC;
}

int t32_decode_wide(uint32_t insn, struct a32_insn *out)
{
	const struct t32_pattern *p = lookup(insn);

	memset(out, 0, sizeof(*out));
	out->raw = insn;
	out->size = 4;
	out->cond = A32_COND_AL;
	/* A first halfword that starts a 16-bit encoding is no wide one. */
	if (!t32_is_wide((uint16_t)(insn >> T32_HW1_SHIFT)) ||
	    p->op == A32_UNDEF)
		return -1;
	out->op = p->op;
	t32_fields[p->fmt](insn, out);
	if (is_coproc(p->op) && (insn & T32_T_BIT))
		out->cond = A32_COND_NV;
	out->unpred = unpredictable(p, out);
	return 0;
}
