/* T32 decoding of the 16-bit encodings (ARM DDI 0406C A6.2): a table of
 * {mask, value, op, field format}, the first match wins; each format
 * fills the fields the A32 decoder would give the same instruction, then
 * the few UNPREDICTABLE rules these encodings have are applied. */
#include <string.h>

#include "bitfield.h"
#include "a32_decode.h"
#include "arm_cpu.h"
#include "t32_decode.h"

/* ---- field formats (chapter A8, "Encoding T1/T2") ---------------------- */

/* Flag-setting outside an IT block only (setflags = !InITBlock()). */
static void flags_unless_it(struct a32_insn *o)
{
	o->s = 1;
	o->s_unless_it = 1;
}

/* Rdn of a two-operand form: a compare (TST/TEQ/CMP/CMN) reads it and
 * always sets flags; MOV and MVN only write it; the rest read and write
 * it. Returns whether it was a compare. */
static bool set_rdn(struct a32_insn *o, uint8_t r)
{
	if (o->op >= A32_TST && o->op <= A32_CMN) {
		o->rn = r;
		o->s = 1;
		return true;
	}
	o->rd = r;
	o->rn = o->op == A32_MOV || o->op == A32_MVN ? 0 : r;
	return false;
}

/* LSL/LSR/ASR (immediate) T1: MOV with a DecodeImmShift operand. */
static void f_shift_imm(uint16_t h, struct a32_insn *o)
{
	unsigned type = bits(h, 12, 11), n = bits(h, 10, 6);
	o->rd = (uint8_t)bits(h, 2, 0);
	o->rm = (uint8_t)bits(h, 5, 3);
	o->form = A32_FORM_REG_IMM;
	o->shift_type = (uint8_t)type;
	o->shift_amount = (uint8_t)(type != A32_SHIFT_LSL && n == 0 ? 32 : n);
	/* MOVS Rd, Rm (LSL #0) sets flags even in an IT block, where it is
	 * UNPREDICTABLE (A8.8.103 T2). */
	if (type == A32_SHIFT_LSL && n == 0)
		o->s = 1;
	else
		flags_unless_it(o);
}

/* ADD/SUB (register) T1: Rd, Rn, Rm. */
static void f_addsub_reg(uint16_t h, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(h, 2, 0);
	o->rn = (uint8_t)bits(h, 5, 3);
	o->rm = (uint8_t)bits(h, 8, 6);
	o->form = A32_FORM_REG_IMM;
	flags_unless_it(o);
}

/* ADD/SUB (immediate) T1: Rd, Rn, #imm3. */
static void f_addsub_imm3(uint16_t h, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(h, 2, 0);
	o->rn = (uint8_t)bits(h, 5, 3);
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 8, 6);
	flags_unless_it(o);
}

/* MOV/CMP/ADD/SUB (immediate) with Rdn in 10:8 and imm8. */
static void f_imm8(uint16_t h, struct a32_insn *o)
{
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 7, 0);
	if (!set_rdn(o, (uint8_t)bits(h, 10, 8)))
		flags_unless_it(o);
}

/* Data processing (A6.2.2): Rdn in 2:0, Rm in 5:3. */
static void f_dp(uint16_t h, struct a32_insn *o)
{
	o->form = A32_FORM_REG_IMM;
	o->rm = (uint8_t)bits(h, 5, 3);
	if (!set_rdn(o, (uint8_t)bits(h, 2, 0)))
		flags_unless_it(o);
}

/* LSL/LSR/ASR/ROR (register) T1: MOV Rdn, Rdn, <shift> Rm. */
static void f_shift_reg(uint16_t h, struct a32_insn *o)
{
	static const uint8_t type[] = {
		[2] = A32_SHIFT_LSL, [3] = A32_SHIFT_LSR,
		[4] = A32_SHIFT_ASR, [7] = A32_SHIFT_ROR,
	};
	o->rd = o->rm = (uint8_t)bits(h, 2, 0);
	o->rs = (uint8_t)bits(h, 5, 3);
	o->form = A32_FORM_REG_REG;
	o->shift_type = type[bits(h, 9, 6)];
	flags_unless_it(o);
}

/* RSB (immediate) T1, NEG: RSBS Rd, Rn, #0. */
static void f_neg(uint16_t h, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(h, 2, 0);
	o->rn = (uint8_t)bits(h, 5, 3);
	o->form = A32_FORM_IMM;
	flags_unless_it(o);
}

/* MUL T1: MULS Rdm, Rn, Rdm. */
static void f_mul(uint16_t h, struct a32_insn *o)
{
	o->rd = o->rm = (uint8_t)bits(h, 2, 0);
	o->rn = (uint8_t)bits(h, 5, 3);
	flags_unless_it(o);
}

/* ADD/CMP/MOV (register) with high registers (A6.2.3). */
static void f_high(uint16_t h, struct a32_insn *o)
{
	o->rm = (uint8_t)bits(h, 6, 3);
	o->form = A32_FORM_REG_IMM;
	set_rdn(o, (uint8_t)(bits(h, 7, 7) << 3 | bits(h, 2, 0)));
}

static void f_bx(uint16_t h, struct a32_insn *o)
{
	o->rm = (uint8_t)bits(h, 6, 3);
}

/* LDR (literal) T1: Rt, [Align(PC, 4), #imm8 << 2]. */
static void f_ldr_lit(uint16_t h, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(h, 10, 8);
	o->rn = ARM_REG_PC;
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 7, 0) << 2;
	o->p = o->u = 1;
	o->pc_align = 1;
}

/* Load/store (register) T1: Rt, [Rn, Rm]. */
static void f_ls_reg(uint16_t h, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(h, 2, 0);
	o->rn = (uint8_t)bits(h, 5, 3);
	o->rm = (uint8_t)bits(h, 8, 6);
	o->form = A32_FORM_REG_IMM;
	o->p = o->u = 1;
}

/* Load/store (immediate) T1: Rt, [Rn, #imm5 scaled by the size]. */
static void f_ls_imm5(uint16_t h, struct a32_insn *o)
{
	unsigned scale = o->op == A32_LDR || o->op == A32_STR ? 2
		       : o->op == A32_LDRH || o->op == A32_STRH ? 1 : 0;
	o->rt = (uint8_t)bits(h, 2, 0);
	o->rn = (uint8_t)bits(h, 5, 3);
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 10, 6) << scale;
	o->p = o->u = 1;
}

/* LDR/STR (SP-relative) T2: Rt, [SP, #imm8 << 2]. */
static void f_ls_sp(uint16_t h, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(h, 10, 8);
	o->rn = ARM_REG_SP;
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 7, 0) << 2;
	o->p = o->u = 1;
}

/* ADR T1 (Rn = PC, word-aligned) and ADD (SP plus immediate) T1. */
static void f_add_base(uint16_t h, struct a32_insn *o)
{
	bool adr = !bits(h, 11, 11);
	o->rd = (uint8_t)bits(h, 10, 8);
	o->rn = adr ? ARM_REG_PC : ARM_REG_SP;
	o->pc_align = adr;
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 7, 0) << 2;
}

/* ADD/SUB (SP minus immediate) T1/T2: SP, SP, #imm7 << 2. */
static void f_sp_imm7(uint16_t h, struct a32_insn *o)
{
	o->rd = o->rn = ARM_REG_SP;
	o->form = A32_FORM_IMM;
	o->imm = bits(h, 6, 0) << 2;
}

/* CBZ/CBNZ T1: Rn, forward by i:imm5:'0'. */
static void f_cbz(uint16_t h, struct a32_insn *o)
{
	o->rn = (uint8_t)bits(h, 2, 0);
	o->imm = bits(h, 9, 9) << 6 | bits(h, 7, 3) << 1;
}

/* SXTH/SXTB/UXTH/UXTB and REV/REV16/REVSH T1: Rd, Rm. */
static void f_rd_rm(uint16_t h, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(h, 2, 0);
	o->rm = (uint8_t)bits(h, 5, 3);
}

/* PUSH T1 (STMDB SP!, LR as bit 8) and POP T1 (LDMIA SP!, PC). */
static void f_push_pop(uint16_t h, struct a32_insn *o)
{
	bool pop = o->op == A32_LDM;
	o->rn = ARM_REG_SP;
	o->reglist = (uint16_t)(bits(h, 7, 0) |
				bits(h, 8, 8) << (pop ? ARM_REG_PC : ARM_REG_LR));
	o->p = !pop;
	o->u = pop;
	o->w = 1;
}

/* STM/LDM T1: Rn, list, increment after; LDM writes back only when Rn
 * is not in the list. */
static void f_ldm_stm(uint16_t h, struct a32_insn *o)
{
	o->rn = (uint8_t)bits(h, 10, 8);
	o->reglist = (uint16_t)bits(h, 7, 0);
	o->u = 1;
	o->w = o->op == A32_STM || !(o->reglist & (1u << o->rn));
}

static void f_setend(uint16_t h, struct a32_insn *o)
{
	o->imm = bits(h, 3, 3);
}

/* CPS T1: CPSIE/CPSID with A, I, F; imod as A32 encodes it (B9.3.1). */
static void f_cps(uint16_t h, struct a32_insn *o)
{
	o->cps_imod = (uint8_t)(bits(h, 4, 4) ? 3 : 2);
	o->cps_aif = (uint8_t)bits(h, 2, 0);
}

static void f_imm8_only(uint16_t h, struct a32_insn *o)
{
	o->imm = bits(h, 7, 0);
}

/* B T1: cond, SignExtend(imm8:'0'); cond 1110 and 1111 are UDF and SVC
 * (table entries before this one). */
static void f_bcond(uint16_t h, struct a32_insn *o)
{
	o->cond = (uint8_t)bits(h, 11, 8);
	o->imm = sign_extend(bits(h, 7, 0) << 1, 9);
}

static void f_b(uint16_t h, struct a32_insn *o)
{
	o->imm = sign_extend(bits(h, 10, 0) << 1, 12);
}

static void f_it(uint16_t h, struct a32_insn *o)
{
	o->imm = bits(h, 7, 0);
}

static void f_none(uint16_t h, struct a32_insn *o)
{
	(void)h;
	(void)o;
}

/* ---- the table (A6.2, Tables A6-2 to A6-9) ----------------------------- */

struct t16_entry {
	uint16_t mask, value;
	uint16_t op;
	void (*fields)(uint16_t h, struct a32_insn *o);
};

#define E(m, v, op, f) { m, v, op, f }

static const struct t16_entry table[] = {
	/* Shift (immediate), add, subtract, move, compare (A6.2.1). */
	E(0xf800, 0x0000, A32_MOV, f_shift_imm),
	E(0xf800, 0x0800, A32_MOV, f_shift_imm),
	E(0xf800, 0x1000, A32_MOV, f_shift_imm),
	E(0xfe00, 0x1800, A32_ADD, f_addsub_reg),
	E(0xfe00, 0x1a00, A32_SUB, f_addsub_reg),
	E(0xfe00, 0x1c00, A32_ADD, f_addsub_imm3),
	E(0xfe00, 0x1e00, A32_SUB, f_addsub_imm3),
	E(0xf800, 0x2000, A32_MOV, f_imm8),
	E(0xf800, 0x2800, A32_CMP, f_imm8),
	E(0xf800, 0x3000, A32_ADD, f_imm8),
	E(0xf800, 0x3800, A32_SUB, f_imm8),
	/* Data processing (A6.2.2). */
	E(0xffc0, 0x4000, A32_AND, f_dp),
	E(0xffc0, 0x4040, A32_EOR, f_dp),
	E(0xffc0, 0x4080, A32_MOV, f_shift_reg),
	E(0xffc0, 0x40c0, A32_MOV, f_shift_reg),
	E(0xffc0, 0x4100, A32_MOV, f_shift_reg),
	E(0xffc0, 0x4140, A32_ADC, f_dp),
	E(0xffc0, 0x4180, A32_SBC, f_dp),
	E(0xffc0, 0x41c0, A32_MOV, f_shift_reg),
	E(0xffc0, 0x4200, A32_TST, f_dp),
	E(0xffc0, 0x4240, A32_RSB, f_neg),
	E(0xffc0, 0x4280, A32_CMP, f_dp),
	E(0xffc0, 0x42c0, A32_CMN, f_dp),
	E(0xffc0, 0x4300, A32_ORR, f_dp),
	E(0xffc0, 0x4340, A32_MUL, f_mul),
	E(0xffc0, 0x4380, A32_BIC, f_dp),
	E(0xffc0, 0x43c0, A32_MVN, f_dp),
	/* Special data instructions and branch and exchange (A6.2.3). */
	E(0xff00, 0x4400, A32_ADD, f_high),
	E(0xff00, 0x4500, A32_CMP, f_high),
	E(0xff00, 0x4600, A32_MOV, f_high),
	E(0xff80, 0x4700, A32_BX, f_bx),
	E(0xff80, 0x4780, A32_BLX_REG, f_bx),
	E(0xf800, 0x4800, A32_LDR, f_ldr_lit),
	/* Load/store single data item (A6.2.4). */
	E(0xfe00, 0x5000, A32_STR, f_ls_reg),
	E(0xfe00, 0x5200, A32_STRH, f_ls_reg),
	E(0xfe00, 0x5400, A32_STRB, f_ls_reg),
	E(0xfe00, 0x5600, A32_LDRSB, f_ls_reg),
	E(0xfe00, 0x5800, A32_LDR, f_ls_reg),
	E(0xfe00, 0x5a00, A32_LDRH, f_ls_reg),
	E(0xfe00, 0x5c00, A32_LDRB, f_ls_reg),
	E(0xfe00, 0x5e00, A32_LDRSH, f_ls_reg),
	E(0xf800, 0x6000, A32_STR, f_ls_imm5),
	E(0xf800, 0x6800, A32_LDR, f_ls_imm5),
	E(0xf800, 0x7000, A32_STRB, f_ls_imm5),
	E(0xf800, 0x7800, A32_LDRB, f_ls_imm5),
	E(0xf800, 0x8000, A32_STRH, f_ls_imm5),
	E(0xf800, 0x8800, A32_LDRH, f_ls_imm5),
	E(0xf800, 0x9000, A32_STR, f_ls_sp),
	E(0xf800, 0x9800, A32_LDR, f_ls_sp),
	E(0xf000, 0xa000, A32_ADD, f_add_base),
	/* Miscellaneous 16-bit instructions (A6.2.5). */
	E(0xff80, 0xb000, A32_ADD, f_sp_imm7),
	E(0xff80, 0xb080, A32_SUB, f_sp_imm7),
	E(0xfd00, 0xb100, A32_CBZ, f_cbz),
	E(0xfd00, 0xb900, A32_CBNZ, f_cbz),
	E(0xffc0, 0xb200, A32_SXTH, f_rd_rm),
	E(0xffc0, 0xb240, A32_SXTB, f_rd_rm),
	E(0xffc0, 0xb280, A32_UXTH, f_rd_rm),
	E(0xffc0, 0xb2c0, A32_UXTB, f_rd_rm),
	E(0xfe00, 0xb400, A32_STM, f_push_pop),
	E(0xfff7, 0xb650, A32_SETEND, f_setend),
	E(0xffe8, 0xb660, A32_CPS, f_cps),
	E(0xffc0, 0xba00, A32_REV, f_rd_rm),
	E(0xffc0, 0xba40, A32_REV16, f_rd_rm),
	E(0xffc0, 0xbac0, A32_REVSH, f_rd_rm),
	E(0xfe00, 0xbc00, A32_LDM, f_push_pop),
	E(0xff00, 0xbe00, A32_BKPT, f_imm8_only),
	/* If-Then and hints (A6.2.5 Table A6-9); other hints are NOPs. */
	E(0xffff, 0xbf00, A32_NOP, f_none),
	E(0xffff, 0xbf10, A32_YIELD, f_none),
	E(0xffff, 0xbf20, A32_WFE, f_none),
	E(0xffff, 0xbf30, A32_WFI, f_none),
	E(0xffff, 0xbf40, A32_SEV, f_none),
	E(0xff0f, 0xbf00, A32_NOP, f_none),
	E(0xff00, 0xbf00, A32_IT, f_it),
	/* Load/store multiple (A8.8.57, A8.8.199). */
	E(0xf800, 0xc000, A32_STM, f_ldm_stm),
	E(0xf800, 0xc800, A32_LDM, f_ldm_stm),
	/* Conditional branch and supervisor call (A6.2.6). */
	E(0xff00, 0xde00, A32_UDF, f_imm8_only),
	E(0xff00, 0xdf00, A32_SVC, f_imm8_only),
	E(0xf000, 0xd000, A32_B, f_bcond),
	E(0xf800, 0xe000, A32_B, f_b),
};

/* ---- UNPREDICTABLE rules ----------------------------------------------- */

static unsigned popcount16(uint16_t v)
{
	unsigned n = 0;
	for (; v; v &= (uint16_t)(v - 1))
		n++;
	return n;
}

/* IT with firstcond 1111, or 1110 with more than one instruction
 * (A8.8.54). */
static bool it_bad(const struct a32_insn *o)
{
	unsigned firstcond = o->imm >> 4, mask = o->imm & 0xfu;
	return firstcond == A32_COND_NV ||
	       (firstcond == A32_COND_AL && popcount16((uint16_t)mask) != 1);
}

static uint8_t unpredictable(uint16_t h, const struct a32_insn *o)
{
	switch (o->op) {
	case A32_LDM: case A32_STM:
		return o->reglist ? A32_UNPRED_NONE : A32_UNPRED_FIELD;
	case A32_BX: case A32_BLX_REG:
		/* Bits 2:0 are (0); BLX PC is UNPREDICTABLE (A8.8.26). */
		if (bits(h, 2, 0))
			return A32_UNPRED_SBZ;
		return o->op == A32_BLX_REG && o->rm == ARM_REG_PC
			       ? A32_UNPRED_PC : A32_UNPRED_NONE;
	case A32_CPS:
		return o->cps_aif ? A32_UNPRED_NONE : A32_UNPRED_FIELD;
	case A32_IT:
		return it_bad(o) ? A32_UNPRED_FIELD : A32_UNPRED_NONE;
	default:
		break;
	}
	if ((h & 0xff00) == 0x4400 && o->rd == ARM_REG_PC &&
	    o->rm == ARM_REG_PC)
		return A32_UNPRED_PC;             /* ADD PC, PC (A8.8.6 T2) */
	if ((h & 0xff00) == 0x4500) {             /* CMP (register) T2 */
		if (o->rn < 8 && o->rm < 8)
			return A32_UNPRED_REGS;
		if (o->rn == ARM_REG_PC || o->rm == ARM_REG_PC)
			return A32_UNPRED_PC;
	}
	return A32_UNPRED_NONE;
}

int t16_decode(uint16_t hw, struct a32_insn *out)
{
	memset(out, 0, sizeof(*out));
	out->raw = hw;
	out->size = 2;
	out->cond = A32_COND_AL;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const struct t16_entry *e = &table[i];
		if ((hw & e->mask) != e->value)
			continue;
		out->op = e->op;
		e->fields(hw, out);
		out->unpred = unpredictable(hw, out);
		return 0;
	}
	out->op = A32_UNDEF;
	return -1;
}
