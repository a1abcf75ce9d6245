/* T32 field extraction for the 32-bit encodings: one small function per
 * field format of t32_decode_tab.c, filling struct a32_insn with the
 * fields the A32 decoder gives the equivalent A32 instruction (ARM DDI
 * 0406C chapter A8, the "Encoding T<n>" pseudocode). Words are
 * hw1 << 16 | hw2, so hw1 bit n is word bit n + 16. */
#include "bitfield.h"
#include "a32_decode.h"
#include "a32_decode_tab.h"
#include "arm_cpu.h"
#include "t32_decode_tab.h"

#define HW1 16   /* add to an hw1 bit number to get the word's */

/* The register fields most encodings share. */
static uint8_t rn_of(uint32_t x) { return (uint8_t)bits(x, HW1 + 3, HW1); }
static uint8_t r_15_12(uint32_t x) { return (uint8_t)bits(x, 15, 12); }
static uint8_t r_11_8(uint32_t x) { return (uint8_t)bits(x, 11, 8); }
static uint8_t r_3_0(uint32_t x) { return (uint8_t)bits(x, 3, 0); }

static void s_bit(uint32_t x, struct a32_insn *o)
{
	o->s = (uint8_t)bit(x, HW1 + 4);
}

/* ---- data processing ---------------------------------------------------- */

/* ThumbExpandImm_C (A6.3.2): i:imm3:imm8. imm12 11:10 = 00 replicates
 * imm8 (carry unchanged, so imm_carry = 0); otherwise '1':imm7 rotated
 * right by imm12 11:7, and the carry out is bit 31. */
static void modified_imm(uint32_t x, struct a32_insn *o)
{
	uint32_t imm12 = bit(x, HW1 + 10) << 11 | bits(x, 14, 12) << 8 |
			 bits(x, 7, 0);
	uint32_t imm8 = imm12 & 0xffu;

	o->form = A32_FORM_IMM;
	if ((imm12 >> 10) == 0) {
		static const uint32_t rep[4] = {
			0x00000001u, 0x00010001u, 0x01000100u, 0x01010101u };
		o->imm = imm8 * rep[imm12 >> 8];
		o->imm_carry = 0;
		return;
	}
	o->imm = ror32(0x80u | (imm12 & 0x7fu), imm12 >> 7);
	o->imm_carry = 1;
}

/* DecodeImmShift (A8.4.3): LSR/ASR #0 mean #32, ROR #0 means RRX. */
static void imm_shift(uint32_t type, uint32_t imm5, struct a32_insn *o)
{
	o->shift_type = (uint8_t)type;
	o->shift_amount = (uint8_t)imm5;
	if ((type == A32_SHIFT_LSR || type == A32_SHIFT_ASR) && imm5 == 0) {
		o->shift_amount = 32;
	} else if (type == A32_SHIFT_ROR && imm5 == 0) {
		o->shift_type = A32_SHIFT_RRX;
		o->shift_amount = 1;
	}
}

/* imm3 (hw2 14:12) : imm2 (hw2 7:6), the shift of A6.3.11 and others. */
static uint32_t imm5_of(uint32_t x)
{
	return bits(x, 14, 12) << 2 | bits(x, 7, 6);
}

/* Operand 2 as Rm shifted by imm3:imm2, type in hw2 5:4. */
static void shifted_reg(uint32_t x, struct a32_insn *o)
{
	o->form = A32_FORM_REG_IMM;
	o->rm = r_3_0(x);
	imm_shift(bits(x, 5, 4), imm5_of(x), o);
}

static void f_dp_imm(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x); s_bit(x, o); modified_imm(x, o);
}

static void f_cmp_imm(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x); s_bit(x, o); modified_imm(x, o);
}

static void f_mov_imm(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); s_bit(x, o); modified_imm(x, o);
}

static void f_dp_reg(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x); s_bit(x, o); shifted_reg(x, o);
}

static void f_cmp_reg(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x); s_bit(x, o); shifted_reg(x, o);
}

static void f_mov_reg(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); s_bit(x, o); shifted_reg(x, o);
}

/* i:imm3:imm8 of the plain binary immediates (A6.3.3). */
static uint32_t imm12_of(uint32_t x)
{
	return bit(x, HW1 + 10) << 11 | bits(x, 14, 12) << 8 | bits(x, 7, 0);
}

/* ADDW/SUBW (A8.8.4 T4, A8.8.222 T4). */
static void f_addw(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x);
	o->form = A32_FORM_IMM;
	o->imm = imm12_of(x);
}

/* ADR T2/T3 (A8.8.12): Align(PC, 4) -/+ imm12. */
static void f_adr(uint32_t x, struct a32_insn *o)
{
	f_addw(x, o);
	o->pc_align = 1;
}

/* MOVW/MOVT (A8.8.102 T3, A8.8.106): imm4:i:imm3:imm8. */
static void f_mov16(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, HW1 + 3, HW1) << 12 | imm12_of(x);
}

/* SSAT/USAT (A8.8.176, A8.8.247): sh (hw1 bit 5) selects ASR. */
static void sat_common(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x);
	o->form = A32_FORM_REG_IMM;
	imm_shift(bit(x, HW1 + 5) ? A32_SHIFT_ASR : A32_SHIFT_LSL,
		  imm5_of(x), o);
}

static void f_ssat(uint32_t x, struct a32_insn *o)
{
	sat_common(x, o); o->sat = (uint8_t)(bits(x, 4, 0) + 1);
}

static void f_usat(uint32_t x, struct a32_insn *o)
{
	sat_common(x, o); o->sat = (uint8_t)bits(x, 4, 0);
}

static void f_ssat16(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x);
	o->sat = (uint8_t)(bits(x, 3, 0) + 1);
}

static void f_usat16(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x);
	o->sat = (uint8_t)bits(x, 3, 0);
}

/* SBFX/UBFX (A8.8.164): lsb = imm3:imm2, widthm1 in hw2 4:0. */
static void f_bfx(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x);
	o->lsb = (uint8_t)imm5_of(x);
	o->width = (uint8_t)(bits(x, 4, 0) + 1);
}

/* BFC/BFI (A8.8.20, A8.8.21): msb in hw2 4:0; msb < lsb leaves width 0
 * for TR_BFI to report. */
static void f_bfc(uint32_t x, struct a32_insn *o)
{
	uint32_t msb = bits(x, 4, 0), lsb = imm5_of(x);

	o->rd = r_11_8(x);
	o->lsb = (uint8_t)lsb;
	o->width = (uint8_t)(msb >= lsb ? msb - lsb + 1 : 0);
}

static void f_bfi(uint32_t x, struct a32_insn *o)
{
	f_bfc(x, o); o->rn = rn_of(x);
}

/* PKHBT/PKHTB (A8.8.125): tb (hw2 bit 5) selects ASR. */
static void f_pkh(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x); o->rm = r_3_0(x);
	o->form = A32_FORM_REG_IMM;
	imm_shift(bit(x, 5) ? A32_SHIFT_ASR : A32_SHIFT_LSL, imm5_of(x), o);
}

/* LSL/LSR/ASR/ROR (register) T2 (A8.8.95): the A32 MOV register-shifted
 * form, rm the value (Rn field) and rs the amount (Rm field). */
static void f_shift_reg(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); s_bit(x, o);
	o->form = A32_FORM_REG_REG;
	o->rm = rn_of(x);
	o->rs = r_3_0(x);
	o->shift_type = (uint8_t)bits(x, HW1 + 6, HW1 + 5);
}

static void f_rr(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rm = r_3_0(x);
}

static void f_rrr(uint32_t x, struct a32_insn *o)
{
	f_rr(x, o); o->rn = rn_of(x);
}

/* SXTB and friends (A8.8.233): ROR by 8 * rotate (hw2 5:4). */
static void f_ext1(uint32_t x, struct a32_insn *o)
{
	f_rr(x, o);
	o->shift_type = A32_SHIFT_ROR;
	o->shift_amount = (uint8_t)(8 * bits(x, 5, 4));
}

static void f_ext(uint32_t x, struct a32_insn *o)
{
	f_ext1(x, o); o->rn = rn_of(x);
}

/* ---- multiplies (A6.3.16, A6.3.17) ------------------------------------- */

static void f_mul3(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x); o->rn = rn_of(x); o->rm = r_3_0(x);
}

static void f_mul(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->ra = r_15_12(x);
}

/* Halfword selectors: N in hw2 bit 5, M in bit 4; the X and R suffixes
 * are bit 4 too. */
static void f_mulxy(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o);
	o->n_top = (uint8_t)bit(x, 5); o->m_top = (uint8_t)bit(x, 4);
}

static void f_mulxy3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o);
	o->n_top = (uint8_t)bit(x, 5); o->m_top = (uint8_t)bit(x, 4);
}

static void f_mulwy(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); o->m_top = (uint8_t)bit(x, 4);
}

static void f_mulwy3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->m_top = (uint8_t)bit(x, 4);
}

static void f_muld(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); o->m_swap = (uint8_t)bit(x, 4);
}

static void f_muld3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->m_swap = (uint8_t)bit(x, 4);
}

static void f_smm(uint32_t x, struct a32_insn *o)
{
	f_mul(x, o); o->round = (uint8_t)bit(x, 4);
}

static void f_smm3(uint32_t x, struct a32_insn *o)
{
	f_mul3(x, o); o->round = (uint8_t)bit(x, 4);
}

/* RdLo hw2 15:12, RdHi hw2 11:8 (A8.8.189 SMULL T1). */
static void f_mull(uint32_t x, struct a32_insn *o)
{
	o->rdlo = r_15_12(x); o->rdhi = r_11_8(x);
	o->rn = rn_of(x); o->rm = r_3_0(x);
}

static void f_mullxy(uint32_t x, struct a32_insn *o)
{
	f_mull(x, o);
	o->n_top = (uint8_t)bit(x, 5); o->m_top = (uint8_t)bit(x, 4);
}

static void f_mulld(uint32_t x, struct a32_insn *o)
{
	f_mull(x, o); o->m_swap = (uint8_t)bit(x, 4);
}

/* ---- loads and stores (A6.3.7-A6.3.10) ----------------------------------- */

/* Offset addressing without writeback: the imm12, register and
 * unprivileged forms. */
static void ls_offset(uint32_t x, struct a32_insn *o)
{
	o->rt = r_15_12(x); o->rn = rn_of(x);
	o->p = 1; o->u = 1; o->w = 0;
}

static void f_ls_imm12(uint32_t x, struct a32_insn *o)
{
	ls_offset(x, o);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 11, 0);
}

/* imm8 forms: P U W in hw2 10:8 (the T forms are P=1 U=1 W=0). */
static void f_ls_imm8(uint32_t x, struct a32_insn *o)
{
	o->rt = r_15_12(x); o->rn = rn_of(x);
	o->p = (uint8_t)bit(x, 10); o->u = (uint8_t)bit(x, 9);
	o->w = (uint8_t)bit(x, 8);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 7, 0);
}

static void f_ls_reg(uint32_t x, struct a32_insn *o)
{
	ls_offset(x, o);
	o->form = A32_FORM_REG_IMM;
	o->rm = r_3_0(x);
	o->shift_type = A32_SHIFT_LSL;
	o->shift_amount = (uint8_t)bits(x, 5, 4);
}

/* Literal forms: Align(PC, 4) +/- imm12, U in hw1 bit 7. */
static void f_ls_lit(uint32_t x, struct a32_insn *o)
{
	f_ls_imm12(x, o);
	o->u = (uint8_t)bit(x, HW1 + 7);
	o->pc_align = 1;
}

static void f_pl_imm12(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x); o->u = 1;
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 11, 0);
}

static void f_pl_imm8(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x); o->u = 0;
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 7, 0);
}

static void f_pl_reg(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x); o->u = 1;
	o->form = A32_FORM_REG_IMM;
	o->rm = r_3_0(x);
	o->shift_type = A32_SHIFT_LSL;
	o->shift_amount = (uint8_t)bits(x, 5, 4);
}

static void f_pl_lit(uint32_t x, struct a32_insn *o)
{
	f_pl_imm12(x, o);
	o->u = (uint8_t)bit(x, HW1 + 7);
	o->pc_align = 1;
}

/* LDRD/STRD (A8.8.72 T1): Rt, Rt2 (hw2 11:8), P U W in hw1 8, 7, 5. */
static void f_ldrd(uint32_t x, struct a32_insn *o)
{
	o->rt = r_15_12(x); o->rt2 = r_11_8(x); o->rn = rn_of(x);
	o->p = (uint8_t)bit(x, HW1 + 8); o->u = (uint8_t)bit(x, HW1 + 7);
	o->w = (uint8_t)bit(x, HW1 + 5);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 7, 0) << 2;
}

static void f_ldrd_lit(uint32_t x, struct a32_insn *o)
{
	f_ldrd(x, o); o->pc_align = 1;
}

/* LDREX/STREX (A8.8.75, A8.8.212): imm8 << 2; STREX's status is Rd. */
static void f_ldrex(uint32_t x, struct a32_insn *o)
{
	o->rt = r_15_12(x); o->rn = rn_of(x);
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 7, 0) << 2;
}

static void f_strex(uint32_t x, struct a32_insn *o)
{
	f_ldrex(x, o); o->rd = r_11_8(x);
}

static void f_ldrexb(uint32_t x, struct a32_insn *o)
{
	o->rt = r_15_12(x); o->rn = rn_of(x);
}

static void f_strexb(uint32_t x, struct a32_insn *o)
{
	f_ldrexb(x, o); o->rd = r_3_0(x);
}

static void f_ldrexd(uint32_t x, struct a32_insn *o)
{
	f_ldrexb(x, o); o->rt2 = r_11_8(x);
}

static void f_strexd(uint32_t x, struct a32_insn *o)
{
	f_ldrexd(x, o); o->rd = r_3_0(x);
}

static void f_tb(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x); o->rm = r_3_0(x);
}

/* LDM/STM (A8.8.57 T2, A8.8.199 T1): hw1 8 = P, 7 = U, 5 = W as in A32. */
static void f_ldm(uint32_t x, struct a32_insn *o)
{
	a32_fields[F_LDM](x, o);
}

/* SRS/RFE (B9.3.16, B9.3.13): op 00 is DB (P=1 U=0), op 11 is IA (P=0
 * U=1), as the A32 encodings spell them. */
static void srs_rfe_mode(uint32_t x, struct a32_insn *o)
{
	o->u = (uint8_t)bit(x, HW1 + 7);
	o->p = (uint8_t)!o->u;
	o->w = (uint8_t)bit(x, HW1 + 5);
}

static void f_srs(uint32_t x, struct a32_insn *o)
{
	srs_rfe_mode(x, o); o->imm = bits(x, 4, 0);
}

static void f_rfe(uint32_t x, struct a32_insn *o)
{
	srs_rfe_mode(x, o); o->rn = rn_of(x);
}

/* ---- branches and miscellaneous control (A6.3.4) ------------------------ */

/* B T3 (A8.8.18): SignExtend(S:J2:J1:imm6:imm11:'0'), condition in hw1
 * 9:6. */
static void f_bcond(uint32_t x, struct a32_insn *o)
{
	uint32_t v = bit(x, HW1 + 10) << 20 | bit(x, 11) << 19 |
		     bit(x, 13) << 18 | bits(x, HW1 + 5, HW1) << 12 |
		     bits(x, 10, 0) << 1;

	o->cond = (uint8_t)bits(x, HW1 + 9, HW1 + 6);
	o->imm = sign_extend(v, 21);
}

/* I1:I2 = NOT(J1 EOR S):NOT(J2 EOR S), bits 23:22 of the T4/BL offset. */
static uint32_t i1_i2(uint32_t x)
{
	uint32_t s = bit(x, HW1 + 10);

	return (!(bit(x, 13) ^ s)) << 23 | (!(bit(x, 11) ^ s)) << 22 |
	       s << 24;
}

/* B T4, BL T1 (A8.8.25): SignExtend(S:I1:I2:imm10:imm11:'0'). */
static void f_b(uint32_t x, struct a32_insn *o)
{
	o->imm = sign_extend(i1_i2(x) | bits(x, HW1 + 9, HW1) << 12 |
			     bits(x, 10, 0) << 1, 25);
}

/* BLX (immediate) T2: SignExtend(S:I1:I2:imm10H:imm10L:'00'), taken
 * from Align(PC, 4). */
static void f_blx(uint32_t x, struct a32_insn *o)
{
	o->imm = sign_extend(i1_i2(x) | bits(x, HW1 + 9, HW1) << 12 |
			     bits(x, 10, 1) << 2, 25);
}

/* MSR/MRS (B9.3.9-B9.3.12): R in hw1 bit 4; banked SYSm = M (hw2 bit
 * 4) : M1 (hw2 11:8 for MSR, hw1 3:0 for MRS). */
static void f_msr_reg(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x);
	o->r_spsr = (uint8_t)bit(x, HW1 + 4);
	o->psr_mask = (uint8_t)bits(x, 11, 8);
}

static void f_msr_banked(uint32_t x, struct a32_insn *o)
{
	o->rn = rn_of(x);
	o->r_spsr = (uint8_t)bit(x, HW1 + 4);
	o->sysm = (uint8_t)(bit(x, 4) << 4 | bits(x, 11, 8));
}

static void f_mrs(uint32_t x, struct a32_insn *o)
{
	o->rd = r_11_8(x);
	o->r_spsr = (uint8_t)bit(x, HW1 + 4);
}

static void f_mrs_banked(uint32_t x, struct a32_insn *o)
{
	f_mrs(x, o);
	o->sysm = (uint8_t)(bit(x, 4) << 4 | bits(x, HW1 + 3, HW1));
}

/* CPS T2 (B9.3.1): imod hw2 10:9, M hw2 8, A:I:F hw2 7:5, mode 4:0. */
static void f_cps(uint32_t x, struct a32_insn *o)
{
	o->cps_imod = (uint8_t)bits(x, 10, 9);
	o->cps_m = (uint8_t)bit(x, 8);
	o->cps_aif = (uint8_t)bits(x, 7, 5);
	o->imm = bits(x, 4, 0);
}

static void f_hint(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, 7, 0);
}

static void f_opt4(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, 3, 0);
}

static void f_bxj(uint32_t x, struct a32_insn *o)
{
	o->rm = rn_of(x);
}

/* SUBS PC, LR, #imm8 (B9.3.19): ERET is imm8 = 0. */
static void f_subs_pc(uint32_t x, struct a32_insn *o)
{
	o->rd = ARM_REG_PC; o->rn = ARM_REG_LR; o->s = 1;
	o->form = A32_FORM_IMM;
	o->imm = bits(x, 7, 0);
}

static void f_smc(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, HW1 + 3, HW1);
}

/* HVC (B9.3.4), UDF T2 (A8.8.247): imm4 (hw1 3:0) : imm12. */
static void f_imm16(uint32_t x, struct a32_insn *o)
{
	o->imm = bits(x, HW1 + 3, HW1) << 12 | bits(x, 11, 0);
}

/* ---- coprocessor (A6.3.18) ----------------------------------------------- */

/* The low 28 bits of MCR, MRC, MCRR, MRRC, LDC, STC and CDP are laid out
 * exactly as in A32 (A8.8.99, A8.8.56), so the A32 extractors serve. */
static void f_mrc(uint32_t x, struct a32_insn *o)
{
	a32_fields[F_MRC](x, o);
}

static void f_mcrr(uint32_t x, struct a32_insn *o)
{
	a32_fields[F_MCRR](x, o);
}

static void f_cdp(uint32_t x, struct a32_insn *o)
{
	a32_fields[F_CDP](x, o);
}

/* LDC (literal) reads Align(PC, 4) in T32 (A8.8.52). */
static void f_ldc(uint32_t x, struct a32_insn *o)
{
	a32_fields[F_LDC](x, o);
	o->pc_align = o->rn == ARM_REG_PC;
}

static void f_none(uint32_t x, struct a32_insn *o)
{
	(void)x;
	(void)o;
}

void (*const t32_fields[TF_COUNT])(uint32_t, struct a32_insn *) = {
	[TF_NONE] = f_none,
	[TF_DP_IMM] = f_dp_imm, [TF_CMP_IMM] = f_cmp_imm,
	[TF_MOV_IMM] = f_mov_imm, [TF_DP_REG] = f_dp_reg,
	[TF_CMP_REG] = f_cmp_reg, [TF_MOV_REG] = f_mov_reg,
	[TF_ADDW] = f_addw, [TF_ADR] = f_adr, [TF_MOV16] = f_mov16,
	[TF_SSAT] = f_ssat, [TF_USAT] = f_usat, [TF_SSAT16] = f_ssat16,
	[TF_USAT16] = f_usat16, [TF_BFX] = f_bfx, [TF_BFI] = f_bfi,
	[TF_BFC] = f_bfc, [TF_PKH] = f_pkh, [TF_SHIFT_REG] = f_shift_reg,
	[TF_EXT] = f_ext, [TF_EXT1] = f_ext1, [TF_RRR] = f_rrr, [TF_RR] = f_rr,
	[TF_MUL] = f_mul, [TF_MUL3] = f_mul3, [TF_MULXY] = f_mulxy,
	[TF_MULXY3] = f_mulxy3, [TF_MULWY] = f_mulwy, [TF_MULWY3] = f_mulwy3,
	[TF_MULD] = f_muld, [TF_MULD3] = f_muld3, [TF_SMM] = f_smm,
	[TF_SMM3] = f_smm3, [TF_MULL] = f_mull, [TF_MULLXY] = f_mullxy,
	[TF_MULLD] = f_mulld,
	[TF_LS_IMM12] = f_ls_imm12, [TF_LS_IMM8] = f_ls_imm8,
	[TF_LS_REG] = f_ls_reg, [TF_LS_LIT] = f_ls_lit,
	[TF_PL_IMM12] = f_pl_imm12, [TF_PL_IMM8] = f_pl_imm8,
	[TF_PL_REG] = f_pl_reg, [TF_PL_LIT] = f_pl_lit,
	[TF_LDRD] = f_ldrd, [TF_LDRD_LIT] = f_ldrd_lit,
	[TF_LDREX] = f_ldrex, [TF_STREX] = f_strex, [TF_LDREXB] = f_ldrexb,
	[TF_STREXB] = f_strexb, [TF_LDREXD] = f_ldrexd,
	[TF_STREXD] = f_strexd, [TF_TB] = f_tb,
	[TF_LDM] = f_ldm, [TF_SRS] = f_srs, [TF_RFE] = f_rfe,
	[TF_BCOND] = f_bcond, [TF_B] = f_b, [TF_BLX] = f_blx,
	[TF_MSR_REG] = f_msr_reg, [TF_MSR_BANKED] = f_msr_banked,
	[TF_MRS] = f_mrs, [TF_MRS_BANKED] = f_mrs_banked, [TF_CPS] = f_cps,
	[TF_HINT] = f_hint, [TF_OPT4] = f_opt4, [TF_BXJ] = f_bxj,
	[TF_SUBS_PC] = f_subs_pc, [TF_SMC] = f_smc, [TF_IMM16] = f_imm16,
	[TF_MRC] = f_mrc, [TF_MCRR] = f_mcrr, [TF_LDC] = f_ldc,
	[TF_CDP] = f_cdp,
};
