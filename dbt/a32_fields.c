/* A32 field extraction: one small function per field format of the
 * encoding tables, each pulling the named fields out of an instruction
 * word and expanding them as the manual's "Encoding" pseudocode does
 * (ARM DDI 0406C chapter A8). */
#include "bitfield.h"
#include "a32_decode.h"
#include "a32_decode_tab.h"
#include "arm_cpu.h"

/* ---- shared operand pieces ------------------------------------------ */

/* ARMExpandImm_C (A5.2.4): an 8-bit value rotated right by twice the
 * 4-bit rotation; a nonzero rotation makes the carry out bit 31. */
static void expand_imm(uint32_t x, struct a32_insn *o)
{
	uint32_t rot = bits(x, 11, 8);

	o->form = A32_FORM_IMM;
	o->imm = ror32(bits(x, 7, 0), 2 * rot);
	o->imm_carry = rot != 0;
}

/* DecodeImmShift (A8.4.3): LSR/ASR #0 mean #32, ROR #0 means RRX. */
static void imm_shift(uint32_t type, uint32_t imm5, struct a32_insn *o)
{
	o->shift_type = (uint8_t)type;
	o->shift_amount = (uint8_t)imm5;
	if (type == A32_SHIFT_LSR || type == A32_SHIFT_ASR) {
		if (imm5 == 0)
			o->shift_amount = 32;
	} else if (type == A32_SHIFT_ROR && imm5 == 0) {
		o->shift_type = A32_SHIFT_RRX;
		o->shift_amount = 1;
	}
}

/* Operand 2 as Rm shifted by an immediate (bits 11:0). */
static void reg_imm_operand(uint32_t x, struct a32_insn *o)
{
	o->form = A32_FORM_REG_IMM;
	o->rm = (uint8_t)bits(x, 3, 0);
	imm_shift(bits(x, 6, 5), bits(x, 11, 7), o);
}

/* Operand 2 as Rm shifted by the bottom byte of Rs. */
static void reg_reg_operand(uint32_t x, struct a32_insn *o)
{
	o->form = A32_FORM_REG_REG;
	o->rm = (uint8_t)bits(x, 3, 0);
	o->rs = (uint8_t)bits(x, 11, 8);
	o->shift_type = (uint8_t)bits(x, 6, 5);
}

static void rd_12(uint32_t x, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(x, 15, 12);
}

static void rn_16(uint32_t x, struct a32_insn *o)
{
	o->rn = (uint8_t)bits(x, 19, 16);
}

static void s_20(uint32_t x, struct a32_insn *o)
{
	o->s = (uint8_t)bit(x, 20);
}

/* P (24), U (23), W (21) of loads, stores and LDM/STM (A5.3, A5.5). */
static void puw(uint32_t x, struct a32_insn *o)
{
	o->p = (uint8_t)bit(x, 24);
	o->u = (uint8_t)bit(x, 23);
	o->w = (uint8_t)bit(x, 21);
}

/* ---- data processing -------------------------------------------------- */

static void f_dp_imm(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); rn_16(x, o); s_20(x, o); expand_imm(x, o);
}

static void f_dp_reg(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); rn_16(x, o); s_20(x, o); reg_imm_operand(x, o);
}

static void f_dp_rsr(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); rn_16(x, o); s_20(x, o); reg_reg_operand(x, o);
}

static void f_cmp_imm(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o); s_20(x, o); expand_imm(x, o);
}

static void f_cmp_reg(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o); s_20(x, o); reg_imm_operand(x, o);
}

static void f_cmp_rsr(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o); s_20(x, o); reg_reg_operand(x, o);
}

static void f_mov_imm(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); s_20(x, o); expand_imm(x, o);
}

static void f_mov_reg(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); s_20(x, o); reg_imm_operand(x, o);
}

static void f_mov_rsr(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); s_20(x, o); reg_reg_operand(x, o);
}

/* MOVW/MOVT (A8.8.102, A8.8.106): imm16 = imm4 (19:16) : imm12. */
static void f_mov16(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 19, 16) << 12 | bits(x, 11, 0);
}

/* ---- multiplies --------------------------------------------------------- */

static void f_mul(uint32_t x, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(x, 19, 16);
	o->ra = (uint8_t)bits(x, 15, 12);
	o->rm = (uint8_t)bits(x, 11, 8);
	o->rn = (uint8_t)bits(x, 3, 0);
	s_20(x, o);
}

static void f_mul3(uint32_t x, struct a32_insn *o)
{
	o->rd = (uint8_t)bits(x, 19, 16);
	o->rm = (uint8_t)bits(x, 11, 8);
	o->rn = (uint8_t)bits(x, 3, 0);
}

static void f_muls3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); s_20(x, o);
}

static void f_mull(uint32_t x, struct a32_insn *o)
{
	o->rdhi = (uint8_t)bits(x, 19, 16);
	o->rdlo = (uint8_t)bits(x, 15, 12);
	o->rm = (uint8_t)bits(x, 11, 8);
	o->rn = (uint8_t)bits(x, 3, 0);
	s_20(x, o);
}

static void halves(uint32_t x, struct a32_insn *o)
{
	o->n_top = (uint8_t)bit(x, 5);
	o->m_top = (uint8_t)bit(x, 6);
}

static void f_mulxy(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); halves(x, o);
}

static void f_mulxy3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); halves(x, o);
}

static void f_mullxy(uint32_t x, struct a32_insn *o)
{
	f_mull(x, o); halves(x, o);
}

static void f_mulwy(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); o->m_top = (uint8_t)bit(x, 6);
}

static void f_mulwy3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->m_top = (uint8_t)bit(x, 6);
}

static void f_muld(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); o->m_swap = (uint8_t)bit(x, 5);
}

static void f_muld3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->m_swap = (uint8_t)bit(x, 5);
}

static void f_mulld(uint32_t x, struct a32_insn *o)
{
	f_mull(x, o); o->m_swap = (uint8_t)bit(x, 5);
}

static void f_smm(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); o->round = (uint8_t)bit(x, 5);
}

static void f_smm3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->round = (uint8_t)bit(x, 5);
}

/* ---- media -------------------------------------------------------------- */

static void f_rr(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o);
	o->rm = (uint8_t)bits(x, 3, 0);
}

static void f_rrr(uint32_t x, struct a32_insn *o)
{
	f_rr(x, o); rn_16(x, o);
}

/* Extend rotation (A8.8.232 SXTAB): ROR by 8 * rotate (bits 11:10). */
static void f_ext1(uint32_t x, struct a32_insn *o)
{
	f_rr(x, o);
	o->shift_type = A32_SHIFT_ROR;
	o->shift_amount = (uint8_t)(8 * bits(x, 11, 10));
}

static void f_ext(uint32_t x, struct a32_insn *o)
{
	f_ext1(x, o); rn_16(x, o);
}

/* PKHBT/PKHTB (A8.8.125): tb (bit 6) selects ASR, else LSL. */
static void f_pkh(uint32_t x, struct a32_insn *o)
{
	f_rrr(x, o);
	o->form = A32_FORM_REG_IMM;
	imm_shift(bit(x, 6) ? A32_SHIFT_ASR : A32_SHIFT_LSL, bits(x, 11, 7), o);
}

/* SSAT/USAT (A8.8.176, A8.8.247): Rn at 3:0, sh (bit 6) selects ASR. */
static void sat_common(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o);
	o->rn = (uint8_t)bits(x, 3, 0);
	o->form = A32_FORM_REG_IMM;
	imm_shift(bit(x, 6) ? A32_SHIFT_ASR : A32_SHIFT_LSL, bits(x, 11, 7), o);
}

static void f_ssat(uint32_t x, struct a32_insn *o)
{
	sat_common(x, o);
	o->sat = (uint8_t)(bits(x, 20, 16) + 1);
}

static void f_usat(uint32_t x, struct a32_insn *o)
{
	sat_common(x, o);
	o->sat = (uint8_t)bits(x, 20, 16);
}

static void f_ssat16(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o);
	o->rn = (uint8_t)bits(x, 3, 0);
	o->sat = (uint8_t)(bits(x, 19, 16) + 1);
}

static void f_usat16(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o);
	o->rn = (uint8_t)bits(x, 3, 0);
	o->sat = (uint8_t)bits(x, 19, 16);
}

static void f_bfx(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o);
	o->rn = (uint8_t)bits(x, 3, 0);
	o->lsb = (uint8_t)bits(x, 11, 7);
	o->width = (uint8_t)(bits(x, 20, 16) + 1);
}

/* BFC/BFI (A8.8.20): width = msb - lsb + 1; msb < lsb leaves width 0,
 * which R_BFI reports as UNPREDICTABLE. */
static void f_bfc(uint32_t x, struct a32_insn *o)
{
	uint32_t msb = bits(x, 20, 16), lsb = bits(x, 11, 7);

	rd_12(x, o);
	o->lsb = (uint8_t)lsb;
	o->width = (uint8_t)(msb >= lsb ? msb - lsb + 1 : 0);
}

static void f_bfi(uint32_t x, struct a32_insn *o)
{
	f_bfc(x, o);
	o->rn = (uint8_t)bits(x, 3, 0);
}

/* ---- loads and stores ------------------------------------------------- */

static void ls_common(uint32_t x, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(x, 15, 12);
	rn_16(x, o);
	puw(x, o);
}

static void f_ls_imm(uint32_t x, struct a32_insn *o)
{
	ls_common(x, o);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 11, 0);
}

static void f_ls_reg(uint32_t x, struct a32_insn *o)
{
	ls_common(x, o); reg_imm_operand(x, o);
}

/* Halfword/doubleword immediate: imm8 = imm4H (11:8) : imm4L (3:0). */
static void f_lsx_imm(uint32_t x, struct a32_insn *o)
{
	ls_common(x, o);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 11, 8) << 4 | bits(x, 3, 0);
}

static void f_lsx_reg(uint32_t x, struct a32_insn *o)
{
	ls_common(x, o);
	o->form = A32_FORM_REG_IMM;
	o->rm = (uint8_t)bits(x, 3, 0);
	o->shift_type = A32_SHIFT_LSL;
}

static void f_lsd_imm(uint32_t x, struct a32_insn *o)
{
	f_lsx_imm(x, o); o->rt2 = (uint8_t)((o->rt + 1) & ARM_REG_PC);
}

static void f_lsd_reg(uint32_t x, struct a32_insn *o)
{
	f_lsx_reg(x, o); o->rt2 = (uint8_t)((o->rt + 1) & ARM_REG_PC);
}

static void f_ldm(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o); puw(x, o);
	o->reglist = (uint16_t)bits(x, 15, 0);
}

static void f_ldrex(uint32_t x, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(x, 15, 12); rn_16(x, o);
}

static void f_ldrexd(uint32_t x, struct a32_insn *o)
{
	f_ldrex(x, o); o->rt2 = (uint8_t)((o->rt + 1) & ARM_REG_PC);
}

static void f_strex(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); rn_16(x, o);
	o->rt = (uint8_t)bits(x, 3, 0);
}

static void f_strexd(uint32_t x, struct a32_insn *o)
{
	f_strex(x, o); o->rt2 = (uint8_t)((o->rt + 1) & ARM_REG_PC);
}

static void f_swp(uint32_t x, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(x, 15, 12); rn_16(x, o);
	o->rt2 = (uint8_t)bits(x, 3, 0);
}

/* ---- branches, exceptions, hints ---------------------------------------- */

/* B/BL (A8.8.18): SignExtend(imm24:'00'). */
static void f_branch(uint32_t x, struct a32_insn *o)
{
	o->imm = sign_extend(bits(x, 23, 0) << 2, 26);
}

/* BLX (immediate) (A8.8.25): SignExtend(imm24:H:'0'), H = bit 24. */
static void f_blx_imm(uint32_t x, struct a32_insn *o)
{
	o->imm = sign_extend(bits(x, 23, 0) << 2 | bit(x, 24) << 1, 26);
}

static void f_rm(uint32_t x, struct a32_insn *o)
{
	o->rm = (uint8_t)bits(x, 3, 0);
}

static void f_imm24(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, 23, 0);
}

static void f_imm16(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, 19, 8) << 4 | bits(x, 3, 0);
}

static void f_imm4(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, 3, 0);
}

static void f_imm8(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, 7, 0);
}

static void f_pl_imm(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o);
	o->u = (uint8_t)bit(x, 23);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 11, 0);
}

static void f_pl_reg(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o);
	o->u = (uint8_t)bit(x, 23);
	reg_imm_operand(x, o);
}

/* ---- coprocessor and system --------------------------------------------- */

static void f_mrc(uint32_t x, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(x, 15, 12);
	o->coproc = (uint8_t)bits(x, 11, 8);
	o->opc1 = (uint8_t)bits(x, 23, 21);
	o->crn = (uint8_t)bits(x, 19, 16);
	o->crm = (uint8_t)bits(x, 3, 0);
	o->opc2 = (uint8_t)bits(x, 7, 5);
}

static void f_mcrr(uint32_t x, struct a32_insn *o)
{
	o->rt = (uint8_t)bits(x, 15, 12);
	o->rt2 = (uint8_t)bits(x, 19, 16);
	o->coproc = (uint8_t)bits(x, 11, 8);
	o->opc1 = (uint8_t)bits(x, 7, 4);
	o->crm = (uint8_t)bits(x, 3, 0);
}

static void f_ldc(uint32_t x, struct a32_insn *o)
{
	rn_16(x, o); puw(x, o);
	o->crd = (uint8_t)bits(x, 15, 12);
	o->coproc = (uint8_t)bits(x, 11, 8);
	o->opc1 = (uint8_t)bit(x, 22);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 7, 0) << 2;
}

static void f_cdp(uint32_t x, struct a32_insn *o)
{
	o->opc1 = (uint8_t)bits(x, 23, 20);
	o->crn = (uint8_t)bits(x, 19, 16);
	o->crd = (uint8_t)bits(x, 15, 12);
	o->coproc = (uint8_t)bits(x, 11, 8);
	o->opc2 = (uint8_t)bits(x, 7, 5);
	o->crm = (uint8_t)bits(x, 3, 0);
}

/* Banked MRS/MSR (B9.3.9): SYSm = M (bit 8) : M1 (19:16). */
static uint8_t sysm(uint32_t x)
{
	return (uint8_t)(bit(x, 8) << 4 | bits(x, 19, 16));
}

static void f_mrs(uint32_t x, struct a32_insn *o)
{
	rd_12(x, o); o->r_spsr = (uint8_t)bit(x, 22);
}

static void f_mrs_banked(uint32_t x, struct a32_insn *o)
{
	f_mrs(x, o); o->sysm = sysm(x);
}

static void f_msr_reg(uint32_t x, struct a32_insn *o)
{
	o->rn = (uint8_t)bits(x, 3, 0);
	o->r_spsr = (uint8_t)bit(x, 22);
	o->psr_mask = (uint8_t)bits(x, 19, 16);
}

static void f_msr_banked(uint32_t x, struct a32_insn *o)
{
	o->rn = (uint8_t)bits(x, 3, 0);
	o->r_spsr = (uint8_t)bit(x, 22);
	o->sysm = sysm(x);
}

static void f_msr_imm(uint32_t x, struct a32_insn *o)
{
	o->r_spsr = (uint8_t)bit(x, 22);
	o->psr_mask = (uint8_t)bits(x, 19, 16);
	expand_imm(x, o);
}

static void f_cps(uint32_t x, struct a32_insn *o)
{
	o->cps_imod = (uint8_t)bits(x, 19, 18);
	o->cps_m = (uint8_t)bit(x, 17);
	o->cps_aif = (uint8_t)bits(x, 8, 6);
	o->imm = bits(x, 4, 0);
}

static void f_setend(uint32_t x, struct a32_insn *o)
{
	o->imm = bit(x, 9);
}

static void f_srs(uint32_t x, struct a32_insn *o)
{
	puw(x, o); o->imm = bits(x, 4, 0);
}

static void f_rfe(uint32_t x, struct a32_insn *o)
{
	puw(x, o); rn_16(x, o);
}

static void f_none(uint32_t x, struct a32_insn *o)
{
	(void)x;
	(void)o;
}

void (*const a32_fields[F_COUNT])(uint32_t, struct a32_insn *) = {
	[F_NONE] = f_none,
	[F_DP_IMM] = f_dp_imm, [F_DP_REG] = f_dp_reg, [F_DP_RSR] = f_dp_rsr,
	[F_CMP_IMM] = f_cmp_imm, [F_CMP_REG] = f_cmp_reg,
	[F_CMP_RSR] = f_cmp_rsr,
	[F_MOV_IMM] = f_mov_imm, [F_MOV_REG] = f_mov_reg,
	[F_MOV_RSR] = f_mov_rsr, [F_MOV16] = f_mov16,
	[F_MUL] = f_mul, [F_MULS3] = f_muls3, [F_MULL] = f_mull,
	[F_MULXY] = f_mulxy, [F_MULXY3] = f_mulxy3, [F_MULLXY] = f_mullxy,
	[F_MULWY] = f_mulwy, [F_MULWY3] = f_mulwy3,
	[F_MULD] = f_muld, [F_MULD3] = f_muld3, [F_MULLD] = f_mulld,
	[F_SMM] = f_smm, [F_SMM3] = f_smm3, [F_MUL3] = f_mul3,
	[F_RRR] = f_rrr, [F_RR] = f_rr, [F_EXT] = f_ext, [F_EXT1] = f_ext1,
	[F_PKH] = f_pkh, [F_SSAT] = f_ssat, [F_USAT] = f_usat,
	[F_SSAT16] = f_ssat16, [F_USAT16] = f_usat16,
	[F_BFX] = f_bfx, [F_BFI] = f_bfi, [F_BFC] = f_bfc,
	[F_LS_IMM] = f_ls_imm, [F_LS_REG] = f_ls_reg,
	[F_LSX_IMM] = f_lsx_imm, [F_LSX_REG] = f_lsx_reg,
	[F_LSD_IMM] = f_lsd_imm, [F_LSD_REG] = f_lsd_reg,
	[F_LDM] = f_ldm, [F_LDREX] = f_ldrex, [F_LDREXD] = f_ldrexd,
	[F_STREX] = f_strex, [F_STREXD] = f_strexd, [F_SWP] = f_swp,
	[F_BRANCH] = f_branch, [F_BLX_IMM] = f_blx_imm, [F_RM] = f_rm,
	[F_IMM24] = f_imm24, [F_IMM16] = f_imm16, [F_IMM4] = f_imm4,
	[F_IMM8] = f_imm8, [F_PL_IMM] = f_pl_imm, [F_PL_REG] = f_pl_reg,
	[F_MRC] = f_mrc, [F_MCRR] = f_mcrr, [F_LDC] = f_ldc, [F_CDP] = f_cdp,
	[F_MRS] = f_mrs, [F_MRS_BANKED] = f_mrs_banked,
	[F_MSR_REG] = f_msr_reg, [F_MSR_BANKED] = f_msr_banked,
	[F_MSR_IMM] = f_msr_imm, [F_CPS] = f_cps, [F_SETEND] = f_setend,
	[F_SRS] = f_srs, [F_RFE] = f_rfe,
};
