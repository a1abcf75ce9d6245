/* The 32-bit T32 encoding tables (ARM DDI 0406C section A6.3), written as
 * data: one line per encoding, {mask, value, should-be bits, op, field
 * format, registers that may be neither SP nor PC, registers that may not
 * be PC, further UNPREDICTABLE rules}. Words are hw1 << 16 | hw2; W()
 * builds them from the two halfwords as the manual draws them. Within a
 * table the first match wins, so specific encodings come first, and every
 * table ends with an UNDEF catch-all. Register fields equal to 1111 that
 * select another instruction ("if Rn == '1111' then SEE ...") are
 * entries of their own, placed before the general one. */
#include "a32_decode.h"
#include "t32_decode_tab.h"

#define W(h1, h2) ((uint32_t)(h1) << 16 | (uint32_t)(h2))
#define E(mask, value, sb, op, fmt, bad, nopc, rules) \
	{ (mask), (value), (sb), (op), (fmt), (bad), (nopc), (rules) }
#define UNDEF_ALL E(0, 0, 0, A32_UNDEF, TF_NONE, 0, 0, 0)
#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define TABLE(a) { (a), LEN(a) }

#define TN_DN (TN_D | TN_N)
#define TN_DM (TN_D | TN_M)
#define TN_NM (TN_N | TN_M)
#define TN_DNM (TN_D | TN_N | TN_M)
#define TN_DNMA (TN_D | TN_N | TN_M | TN_A)
#define TN_LHNM (TN_LO | TN_HI | TN_N | TN_M)

/* ---- A6.3.1 Data processing (modified immediate) ----------------------- */

/* op is hw1 8:5; Rd = 1111 with S selects the compare forms, Rn = 1111
 * the moves. */
#define DPI(op4) W((op4) << 5, 0)
#define DPI_MASK W(0x01e0, 0)
#define CMPI_MASK W(0x01f0, 0x0f00)
#define CMPI(op4) W((op4) << 5 | 0x0010, 0x0f00)
#define MOVI_MASK W(0x01ef, 0)
#define MOVI(op4) W((op4) << 5 | 0x000f, 0)

static const struct t32_pattern tab_dp_modimm[] = {
	E(CMPI_MASK, CMPI(0x0), 0, A32_TST, TF_CMP_IMM, TN_N, 0, TR_MODIMM),
	E(DPI_MASK, DPI(0x0), 0, A32_AND, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(DPI_MASK, DPI(0x1), 0, A32_BIC, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(MOVI_MASK, MOVI(0x2), 0, A32_MOV, TF_MOV_IMM, TN_D, 0, TR_MODIMM),
	E(DPI_MASK, DPI(0x2), 0, A32_ORR, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(MOVI_MASK, MOVI(0x3), 0, A32_MVN, TF_MOV_IMM, TN_D, 0, TR_MODIMM),
	E(DPI_MASK, DPI(0x3), 0, A32_ORN, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(CMPI_MASK, CMPI(0x4), 0, A32_TEQ, TF_CMP_IMM, TN_N, 0, TR_MODIMM),
	E(DPI_MASK, DPI(0x4), 0, A32_EOR, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(CMPI_MASK, CMPI(0x8), 0, A32_CMN, TF_CMP_IMM, 0, TN_N, TR_MODIMM),
	E(DPI_MASK, DPI(0x8), 0, A32_ADD, TF_DP_IMM, 0, TN_DN,
	  TR_MODIMM | TR_SPDEST),
	E(DPI_MASK, DPI(0xa), 0, A32_ADC, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(DPI_MASK, DPI(0xb), 0, A32_SBC, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	E(CMPI_MASK, CMPI(0xd), 0, A32_CMP, TF_CMP_IMM, 0, TN_N, TR_MODIMM),
	E(DPI_MASK, DPI(0xd), 0, A32_SUB, TF_DP_IMM, 0, TN_DN,
	  TR_MODIMM | TR_SPDEST),
	E(DPI_MASK, DPI(0xe), 0, A32_RSB, TF_DP_IMM, TN_DN, 0, TR_MODIMM),
	UNDEF_ALL,
};

/* ---- A6.3.3 Data processing (plain binary immediate) -------------------- */

/* op is hw1 8:4. The saturate and bitfield forms have hw1 bit 10 (the i
 * of the others) and hw2 bit 5 as (0). */
#define PBI_MASK W(0x01f0, 0)
#define PBI(op5) W((op5) << 4, 0)
#define PBI_RN15 W(0x01ff, 0)
#define SAT_SB W(0x0400, 0x0020)
#define SAT16_MASK W(0x01f0, 0x70c0)    /* sh = 1, imm3:imm2 = 0 */
#define SAT16_SB W(0x0400, 0x0030)

static const struct t32_pattern tab_dp_plainimm[] = {
	E(PBI_RN15, PBI(0x00) | W(0xf, 0), 0, A32_ADD, TF_ADR, TN_D, 0, 0),
	E(PBI_MASK, PBI(0x00), 0, A32_ADD, TF_ADDW, 0, TN_DN, TR_SPDEST),
	E(PBI_MASK, PBI(0x04), 0, A32_MOVW, TF_MOV16, TN_D, 0, 0),
	E(PBI_RN15, PBI(0x0a) | W(0xf, 0), 0, A32_SUB, TF_ADR, TN_D, 0, 0),
	E(PBI_MASK, PBI(0x0a), 0, A32_SUB, TF_ADDW, 0, TN_DN, TR_SPDEST),
	E(PBI_MASK, PBI(0x0c), 0, A32_MOVT, TF_MOV16, TN_D, 0, 0),
	E(SAT16_MASK, PBI(0x12), SAT16_SB, A32_SSAT16, TF_SSAT16, TN_DN, 0, 0),
	E(W(0x01d0, 0), PBI(0x10), SAT_SB, A32_SSAT, TF_SSAT, TN_DN, 0, 0),
	E(PBI_MASK, PBI(0x14), SAT_SB, A32_SBFX, TF_BFX, TN_DN, 0, TR_BFX),
	E(PBI_RN15, PBI(0x16) | W(0xf, 0), SAT_SB, A32_BFC, TF_BFC, TN_D, 0,
	  TR_BFI),
	E(PBI_MASK, PBI(0x16), SAT_SB, A32_BFI, TF_BFI, TN_DN, 0, TR_BFI),
	E(SAT16_MASK, PBI(0x1a), SAT16_SB, A32_USAT16, TF_USAT16, TN_DN, 0, 0),
	E(W(0x01d0, 0), PBI(0x18), SAT_SB, A32_USAT, TF_USAT, TN_DN, 0, 0),
	E(PBI_MASK, PBI(0x1c), SAT_SB, A32_UBFX, TF_BFX, TN_DN, 0, TR_BFX),
	UNDEF_ALL,
};

/* ---- A6.3.4 Branches and miscellaneous control -------------------------- */

/* op is hw1 10:4, op1 is hw2 14:12; op1 = 0x0 holds B T3 and the
 * miscellaneous encodings, whose hw2 bit 13 is (0). */
#define BR_OP1 W(0, 0x5000)
#define MISC_MASK W(0x07f0, 0x5000)
#define MISC(op7, h2) W((op7) << 4, (h2))
#define HINT_MASK W(0x07f0, 0x57ff)
#define HINT_SB W(0x000f, 0x2800)   /* hw1 (1)(1)(1)(1), hw2 (0) x2 */
#define HINT(n) MISC(0x3a, n) | W(0xf, 0)
#define BARRIER_MASK W(0x07f0, 0x50f0)
#define BARRIER_SB W(0x000f, 0x2f00)
#define BARRIER(op4) MISC(0x3b, (op4) << 4 | 0x0f00) | W(0xf, 0)
#define PSR_MASK W(0x07e0, 0x5020)  /* op 011100x / 011111x, bit 5 */

static const struct t32_pattern tab_branch_misc[] = {
	E(BR_OP1, W(0, 0x5000), 0, A32_BL, TF_B, 0, 0, 0),
	E(W(0, 0x5001), W(0, 0x4001), 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	E(BR_OP1, W(0, 0x4000), 0, A32_BLX_IMM, TF_BLX, 0, 0, 0),
	E(BR_OP1, W(0, 0x1000), 0, A32_B, TF_B, 0, 0, 0),

	/* Virtualization and Security Extensions, UDF (B9.3.4, B9.3.14). */
	E(W(0x07f0, 0x7000), MISC(0x7e, 0x0000), 0, A32_HVC, TF_IMM16, 0, 0, 0),
	E(W(0x07f0, 0x7000), MISC(0x7f, 0x0000), W(0, 0x0fff), A32_SMC,
	  TF_SMC, 0, 0, 0),
	E(W(0x07f0, 0x7000), MISC(0x7f, 0x2000), 0, A32_UDF, TF_IMM16, 0, 0, 0),

	/* MSR/MRS, plain and banked (B9.3.9-B9.3.12): bit 5 selects. */
	E(PSR_MASK, MISC(0x38, 0x0000), W(0, 0x20df), A32_MSR_REG, TF_MSR_REG,
	  TN_N, 0, TR_MSR),
	E(PSR_MASK, MISC(0x38, 0x0020), W(0, 0x20cf), A32_MSR_BANKED,
	  TF_MSR_BANKED, TN_N, 0, TR_BANKED),
	E(PSR_MASK, MISC(0x3e, 0x0000) | W(0xf, 0), W(0x000f, 0x20df),
	  A32_MRS, TF_MRS, TN_D, 0, 0),
	E(PSR_MASK, MISC(0x3e, 0x0020), W(0, 0x20cf), A32_MRS_BANKED,
	  TF_MRS_BANKED, TN_D, 0, TR_BANKED),

	/* Hints (A6.3.4 Table A6-14): other hint numbers are unallocated
	 * hints, which execute as NOP. CPS (B9.3.1) when op1 != 000. */
	E(HINT_MASK, HINT(0), HINT_SB, A32_NOP, TF_HINT, 0, 0, 0),
	E(HINT_MASK, HINT(1), HINT_SB, A32_YIELD, TF_HINT, 0, 0, 0),
	E(HINT_MASK, HINT(2), HINT_SB, A32_WFE, TF_HINT, 0, 0, 0),
	E(HINT_MASK, HINT(3), HINT_SB, A32_WFI, TF_HINT, 0, 0, 0),
	E(HINT_MASK, HINT(4), HINT_SB, A32_SEV, TF_HINT, 0, 0, 0),
	E(W(0x07f0, 0x57f0), HINT(0xf0), HINT_SB, A32_DBG, TF_OPT4, 0, 0, 0),
	E(W(0x07f0, 0x5700), HINT(0), HINT_SB, A32_NOP, TF_HINT, 0, 0, 0),
	E(MISC_MASK, HINT(0), HINT_SB, A32_CPS, TF_CPS, 0, 0, TR_CPS),

	/* Miscellaneous control (Table A6-15). ThumbEE's ENTERX/LEAVEX
	 * (op 000x) are UNDEFINED: a Cortex-A15 has no ThumbEE. */
	E(BARRIER_MASK, BARRIER(0x2) | W(0, 0xf), BARRIER_SB | W(0, 0xf),
	  A32_CLREX, TF_NONE, 0, 0, 0),
	E(BARRIER_MASK, BARRIER(0x4), BARRIER_SB, A32_DSB, TF_OPT4, 0, 0, 0),
	E(BARRIER_MASK, BARRIER(0x5), BARRIER_SB, A32_DMB, TF_OPT4, 0, 0, 0),
	E(BARRIER_MASK, BARRIER(0x6), BARRIER_SB, A32_ISB, TF_OPT4, 0, 0, 0),

	E(MISC_MASK, MISC(0x3c, 0x0f00), W(0, 0x2fff), A32_BXJ, TF_BXJ, TN_M,
	  0, 0),
	/* SUBS PC, LR, #imm8 (B9.3.19); ERET is its #0 form. */
	E(MISC_MASK, MISC(0x3d, 0x0f00) | W(0xe, 0), W(0x000f, 0x2f00),
	  A32_SUB, TF_SUBS_PC, 0, 0, 0),

	/* B T3 needs op not x111xxx; the rest of that space is UNDEFINED. */
	E(W(0x0380, 0x5000), W(0x0380, 0), 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	E(BR_OP1, W(0, 0), 0, A32_B, TF_BCOND, 0, 0, 0),
	UNDEF_ALL,
};

/* ---- A6.3.5 Load/store multiple ----------------------------------------- */

/* op (hw1 8:7): 00 DB and 11 IA are SRS/RFE, 01 IA and 10 DB LDM/STM.
 * STM lists have SP and PC as (0); LDM lists SP. */
static const struct t32_pattern tab_ldm[] = {
	E(W(0x0190, 0), W(0x000d, 0xc000), W(0x000f, 0xffe0), A32_SRS,
	  TF_SRS, 0, 0, 0),
	E(W(0x0190, 0), W(0x0010, 0xc000), W(0, 0xffff), A32_RFE, TF_RFE, 0,
	  TN_N, 0),
	E(W(0x0190, 0), W(0x018d, 0xc000), W(0x000f, 0xffe0), A32_SRS,
	  TF_SRS, 0, 0, 0),
	E(W(0x0190, 0), W(0x0190, 0xc000), W(0, 0xffff), A32_RFE, TF_RFE, 0,
	  TN_N, 0),
	E(W(0x0190, 0), W(0x0080, 0), W(0, 0xa000), A32_STM, TF_LDM, 0, TN_N,
	  TR_LIST | TR_LISTWB),
	E(W(0x0190, 0), W(0x0090, 0), W(0, 0x2000), A32_LDM, TF_LDM, 0, TN_N,
	  TR_LIST | TR_PM | TR_LISTWB),
	E(W(0x0190, 0), W(0x0100, 0), W(0, 0xa000), A32_STM, TF_LDM, 0, TN_N,
	  TR_LIST | TR_LISTWB),
	E(W(0x0190, 0), W(0x0110, 0), W(0, 0x2000), A32_LDM, TF_LDM, 0, TN_N,
	  TR_LIST | TR_PM | TR_LISTWB),
	UNDEF_ALL,
};

/* ---- A6.3.6 Load/store dual, load/store exclusive, table branch -------- */

/* op1 = hw1 8:7 (P U), op2 = hw1 5:4 (W L), op3 = hw2 7:4. P = W = 0 is
 * the exclusive and table-branch space; the rest is LDRD/STRD. */
#define EX_MASK W(0x01f0, 0x00f0)
#define EX_B W(0x00c0, 0)      /* op1 = 01, op2 = 00 */
#define EX_L W(0x00d0, 0)      /* op1 = 01, op2 = 01 */

static const struct t32_pattern tab_dual_excl[] = {
	E(W(0x01f0, 0), W(0x0040, 0), 0, A32_STREX, TF_STREX, TN_D | TN_T,
	  TN_N, TR_EXCL),
	E(W(0x01f0, 0), W(0x0050, 0x0f00), W(0, 0x0f00), A32_LDREX, TF_LDREX,
	  TN_T, TN_N, 0),
	E(EX_MASK, EX_B | W(0, 0x0f40), W(0, 0x0f00), A32_STREXB, TF_STREXB,
	  TN_D | TN_T, TN_N, TR_EXCL),
	E(EX_MASK, EX_B | W(0, 0x0f50), W(0, 0x0f00), A32_STREXH, TF_STREXB,
	  TN_D | TN_T, TN_N, TR_EXCL),
	E(EX_MASK, EX_B | W(0, 0x0070), 0, A32_STREXD, TF_STREXD,
	  TN_D | TN_T | TN_T2, TN_N, TR_EXCL),
	E(EX_MASK, EX_L | W(0, 0xf000), W(0, 0xff00), A32_TBB, TF_TB, TN_M, 0,
	  TR_SP_N),
	E(EX_MASK, EX_L | W(0, 0xf010), W(0, 0xff00), A32_TBH, TF_TB, TN_M, 0,
	  TR_SP_N),
	E(EX_MASK, EX_L | W(0, 0x0f4f), W(0, 0x0f0f), A32_LDREXB, TF_LDREXB,
	  TN_T, TN_N, 0),
	E(EX_MASK, EX_L | W(0, 0x0f5f), W(0, 0x0f0f), A32_LDREXH, TF_LDREXB,
	  TN_T, TN_N, 0),
	E(EX_MASK, EX_L | W(0, 0x007f), W(0, 0x000f), A32_LDREXD, TF_LDREXD,
	  TN_T | TN_T2, TN_N, TR_T_T2),
	E(W(0x0120, 0), W(0, 0), 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	E(W(0x001f, 0), W(0x001f, 0), 0, A32_LDRD, TF_LDRD_LIT, TN_T | TN_T2,
	  0, TR_T_T2 | TR_NO_W),
	E(W(0x0010, 0), W(0x0010, 0), 0, A32_LDRD, TF_LDRD, TN_T | TN_T2, 0,
	  TR_T_T2 | TR_DUAL),
	E(W(0x0010, 0), W(0, 0), 0, A32_STRD, TF_LDRD, TN_T | TN_T2, TN_N,
	  TR_DUAL),
	UNDEF_ALL,
};

/* ---- A6.3.7-A6.3.10 Loads and stores of single data items --------------- */

/* hw1 carries the size/sign selector (sel under selm) and hw2 11:6 the
 * addressing form: imm12 (hw1 bit 7), 1xx1xx pre/post-indexed with
 * writeback, 1100xx negative imm8, 1110xx unprivileged, 000000 register.
 * Rt = 1111 (hw2 15:12) selects the preloads in the load tables. */
#define LS_IMM12(selm, sel, op, bad, np) \
	E(W((selm) | 0x0080, 0), W((sel) | 0x0080, 0), 0, op, TF_LS_IMM12, \
	  bad, np, 0)
#define LS_T(selm, sel, op) \
	E(W((selm) | 0x0080, 0x0f00), W(sel, 0x0e00), 0, op, TF_LS_IMM8, \
	  TN_T, 0, 0)
#define LS_WB(selm, sel, op, bad, np) \
	E(W((selm) | 0x0080, 0x0900), W(sel, 0x0900), 0, op, TF_LS_IMM8, \
	  bad, np, TR_WBACK)
#define LS_NEG(selm, sel, op, bad, np) \
	E(W((selm) | 0x0080, 0x0f00), W(sel, 0x0c00), 0, op, TF_LS_IMM8, \
	  bad, np, 0)
#define LS_REG(selm, sel, op, bad, np) \
	E(W((selm) | 0x0080, 0x0fc0), W(sel, 0), 0, op, TF_LS_REG, \
	  (bad) | TN_M, np, 0)
#define LS_LIT(selm, sel, op, bad) \
	E(W((selm) | 0x000f, 0), W((sel) | 0x000f, 0), 0, op, TF_LS_LIT, \
	  bad, 0, 0)

/* Preloads: the same forms with Rt = 1111. */
#define RT15 0xf000
#define PL_LIT(sel, op, fmt, sb) \
	E(W(0x010f, RT15), W((sel) | 0x000f, RT15), sb, op, fmt, 0, 0, 0)
#define PL_IMM12(sel, op, fmt) \
	E(W(0x0180, RT15), W((sel) | 0x0080, RT15), 0, op, fmt, 0, 0, 0)
#define PL_NEG(sel, op, fmt) \
	E(W(0x0180, 0xff00), W(sel, 0xfc00), 0, op, fmt, 0, 0, 0)
#define PL_REG(sel, op, fmt, bad) \
	E(W(0x0180, 0xffc0), W(sel, RT15), 0, op, fmt, bad, 0, 0)

#define SIGNED 0x0100   /* hw1 bit 8: LDRSB, LDRSH, PLI */

/* A6.3.9 Load byte, memory hints (Table A6-19). */
static const struct t32_pattern tab_load_byte[] = {
	PL_LIT(0, A32_PLD, TF_PL_LIT, 0),
	PL_IMM12(0, A32_PLD, TF_PL_IMM12),
	PL_NEG(0, A32_PLD, TF_PL_IMM8),
	PL_REG(0, A32_PLD, TF_PL_REG, TN_M),
	PL_LIT(SIGNED, A32_PLI, TF_PL_LIT, 0),
	PL_IMM12(SIGNED, A32_PLI, TF_PL_IMM12),
	PL_NEG(SIGNED, A32_PLI, TF_PL_IMM8),
	PL_REG(SIGNED, A32_PLI, TF_PL_REG, TN_M),
	LS_LIT(SIGNED, 0, A32_LDRB, TN_T),
	LS_LIT(SIGNED, SIGNED, A32_LDRSB, TN_T),
	LS_IMM12(SIGNED, 0, A32_LDRB, TN_T, 0),
	LS_T(SIGNED, 0, A32_LDRBT),
	LS_WB(SIGNED, 0, A32_LDRB, TN_T, 0),
	LS_NEG(SIGNED, 0, A32_LDRB, TN_T, 0),
	LS_REG(SIGNED, 0, A32_LDRB, TN_T, 0),
	LS_IMM12(SIGNED, SIGNED, A32_LDRSB, TN_T, 0),
	LS_T(SIGNED, SIGNED, A32_LDRSBT),
	LS_WB(SIGNED, SIGNED, A32_LDRSB, TN_T, 0),
	LS_NEG(SIGNED, SIGNED, A32_LDRSB, TN_T, 0),
	LS_REG(SIGNED, SIGNED, A32_LDRSB, TN_T, 0),
	UNDEF_ALL,
};

/* A6.3.8 Load halfword, memory hints (Table A6-20). PLD (literal) has
 * hw1 bit 5 as (0), so here it is PLD with that bit wrong; the signed
 * preload slots are unallocated memory hints, executed as NOP. */
static const struct t32_pattern tab_load_half[] = {
	PL_LIT(0, A32_PLD, TF_PL_LIT, W(0x0020, 0)),
	PL_IMM12(0, A32_PLDW, TF_PL_IMM12),
	PL_NEG(0, A32_PLDW, TF_PL_IMM8),
	PL_REG(0, A32_PLDW, TF_PL_REG, TN_M),
	PL_LIT(SIGNED, A32_NOP, TF_NONE, 0),
	PL_IMM12(SIGNED, A32_NOP, TF_NONE),
	PL_NEG(SIGNED, A32_NOP, TF_NONE),
	PL_REG(SIGNED, A32_NOP, TF_NONE, 0),
	LS_LIT(SIGNED, 0, A32_LDRH, TN_T),
	LS_LIT(SIGNED, SIGNED, A32_LDRSH, TN_T),
	LS_IMM12(SIGNED, 0, A32_LDRH, TN_T, 0),
	LS_T(SIGNED, 0, A32_LDRHT),
	LS_WB(SIGNED, 0, A32_LDRH, TN_T, 0),
	LS_NEG(SIGNED, 0, A32_LDRH, TN_T, 0),
	LS_REG(SIGNED, 0, A32_LDRH, TN_T, 0),
	LS_IMM12(SIGNED, SIGNED, A32_LDRSH, TN_T, 0),
	LS_T(SIGNED, SIGNED, A32_LDRSHT),
	LS_WB(SIGNED, SIGNED, A32_LDRSH, TN_T, 0),
	LS_NEG(SIGNED, SIGNED, A32_LDRSH, TN_T, 0),
	LS_REG(SIGNED, SIGNED, A32_LDRSH, TN_T, 0),
	UNDEF_ALL,
};

/* A6.3.7 Load word (Table A6-18): Rt may be SP, and PC (a branch). */
static const struct t32_pattern tab_load_word[] = {
	LS_LIT(SIGNED, 0, A32_LDR, 0),
	E(W(SIGNED, 0), W(SIGNED, 0), 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	LS_IMM12(SIGNED, 0, A32_LDR, 0, 0),
	LS_T(SIGNED, 0, A32_LDRT),
	LS_WB(SIGNED, 0, A32_LDR, 0, 0),
	LS_NEG(SIGNED, 0, A32_LDR, 0, 0),
	LS_REG(SIGNED, 0, A32_LDR, 0, 0),
	UNDEF_ALL,
};

/* A6.3.10 Store single data item (Table A6-21): op1 = hw1 7:5 (the
 * imm12 bit and the size); Rn = 1111 is UNDEFINED. */
#define ST_SIZE 0x0060
#define ST_B 0x0000
#define ST_H 0x0020
#define ST_W 0x0040

static const struct t32_pattern tab_store[] = {
	E(W(0x000f, 0), W(0x000f, 0), 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	LS_IMM12(ST_SIZE, ST_B, A32_STRB, TN_T, 0),
	LS_T(ST_SIZE, ST_B, A32_STRBT),
	LS_WB(ST_SIZE, ST_B, A32_STRB, TN_T, 0),
	LS_NEG(ST_SIZE, ST_B, A32_STRB, TN_T, 0),
	LS_REG(ST_SIZE, ST_B, A32_STRB, TN_T, 0),
	LS_IMM12(ST_SIZE, ST_H, A32_STRH, TN_T, 0),
	LS_T(ST_SIZE, ST_H, A32_STRHT),
	LS_WB(ST_SIZE, ST_H, A32_STRH, TN_T, 0),
	LS_NEG(ST_SIZE, ST_H, A32_STRH, TN_T, 0),
	LS_REG(ST_SIZE, ST_H, A32_STRH, TN_T, 0),
	LS_IMM12(ST_SIZE, ST_W, A32_STR, 0, TN_T),
	LS_T(ST_SIZE, ST_W, A32_STRT),
	LS_WB(ST_SIZE, ST_W, A32_STR, 0, TN_T),
	LS_NEG(ST_SIZE, ST_W, A32_STR, 0, TN_T),
	LS_REG(ST_SIZE, ST_W, A32_STR, 0, TN_T),
	UNDEF_ALL,
};

/* ---- A6.3.11 Data processing (shifted register) ------------------------- */

/* Same opcode layout as A6.3.1; hw2 bit 15 is (0). PKHBT/PKHTB take op
 * 0110 with S = 0 and hw2 bit 4 = 0 (A8.8.125), else UNDEFINED. */
#define DPR_SB W(0, 0x8000)
#define MOVR_PLAIN W(0x01ef, 0x70f0)    /* imm3:imm2:type = 0 */

static const struct t32_pattern tab_dp_shifted[] = {
	E(CMPI_MASK, CMPI(0x0), DPR_SB, A32_TST, TF_CMP_REG, TN_NM, 0, 0),
	E(DPI_MASK, DPI(0x0), DPR_SB, A32_AND, TF_DP_REG, TN_DNM, 0, 0),
	E(DPI_MASK, DPI(0x1), DPR_SB, A32_BIC, TF_DP_REG, TN_DNM, 0, 0),
	E(MOVR_PLAIN, MOVI(0x2), DPR_SB, A32_MOV, TF_MOV_REG, 0, 0,
	  TR_MOVREG),
	E(MOVI_MASK, MOVI(0x2), DPR_SB, A32_MOV, TF_MOV_REG, TN_DM, 0, 0),
	E(DPI_MASK, DPI(0x2), DPR_SB, A32_ORR, TF_DP_REG, TN_DNM, 0, 0),
	E(MOVI_MASK, MOVI(0x3), DPR_SB, A32_MVN, TF_MOV_REG, TN_DM, 0, 0),
	E(DPI_MASK, DPI(0x3), DPR_SB, A32_ORN, TF_DP_REG, TN_DNM, 0, 0),
	E(CMPI_MASK, CMPI(0x4), DPR_SB, A32_TEQ, TF_CMP_REG, TN_NM, 0, 0),
	E(DPI_MASK, DPI(0x4), DPR_SB, A32_EOR, TF_DP_REG, TN_DNM, 0, 0),
	E(W(0x01f0, 0x0030), DPI(0x6), DPR_SB, A32_PKHBT, TF_PKH, TN_DNM, 0,
	  0),
	E(W(0x01f0, 0x0030), DPI(0x6) | W(0, 0x0020), DPR_SB, A32_PKHTB,
	  TF_PKH, TN_DNM, 0, 0),
	E(CMPI_MASK, CMPI(0x8), DPR_SB, A32_CMN, TF_CMP_REG, TN_M, TN_N, 0),
	E(DPI_MASK, DPI(0x8), DPR_SB, A32_ADD, TF_DP_REG, TN_M, TN_DN,
	  TR_SPDEST),
	E(DPI_MASK, DPI(0xa), DPR_SB, A32_ADC, TF_DP_REG, TN_DNM, 0, 0),
	E(DPI_MASK, DPI(0xb), DPR_SB, A32_SBC, TF_DP_REG, TN_DNM, 0, 0),
	E(CMPI_MASK, CMPI(0xd), DPR_SB, A32_CMP, TF_CMP_REG, TN_M, TN_N, 0),
	E(DPI_MASK, DPI(0xd), DPR_SB, A32_SUB, TF_DP_REG, TN_M, TN_DN,
	  TR_SPDEST),
	E(DPI_MASK, DPI(0xe), DPR_SB, A32_RSB, TF_DP_REG, TN_DNM, 0, 0),
	UNDEF_ALL,
};

/* ---- A6.3.12-A6.3.15 Data processing (register) ------------------------ */

/* op1 = hw1 7:4, op2 = hw2 7:4; hw2 15:12 must be 1111. */
#define DR_MASK(h2m) W(0x00f0, 0xf000 | (h2m))
#define DR(op1, h2) W((op1) << 4, 0xf000 | (h2))
#define EXT_SB W(0, 0x0040)
#define EXT1(op1, op) E(DR_MASK(0x0080) | W(0xf, 0), DR(op1, 0x0080) | \
	W(0xf, 0), EXT_SB, op, TF_EXT1, TN_DM, 0, 0)
#define EXTA(op1, op) E(DR_MASK(0x0080), DR(op1, 0x0080), EXT_SB, op, TF_EXT, \
	TN_DNM, 0, 0)
/* Parallel add/subtract (A6.3.13, A6.3.14): op1 = 1 and the operation
 * (hw1 6:4), hw2 6 = U, hw2 5:4 the prefix (none, Q, H). */
#define PAR(opc, u, pre, op) E(DR_MASK(0x00f0), \
	DR(0x8 | (opc), (u) << 6 | (pre) << 4), 0, op, TF_RRR, TN_DNM, 0, 0)
#define P_ADD16 1
#define P_ASX 2
#define P_SAX 6
#define P_SUB16 5
#define P_ADD8 0
#define P_SUB8 4
#define MISC_OP(op1, op2) DR(0x8 | (op1), 0x0080 | (op2) << 4)

static const struct t32_pattern tab_dp_register[] = {
	E(W(0x0080, 0xf0f0), W(0, 0xf000), 0, A32_MOV, TF_SHIFT_REG,
	  TN_D | TN_M | TN_S, 0, 0),
	EXT1(0x0, A32_SXTH), EXTA(0x0, A32_SXTAH),
	EXT1(0x1, A32_UXTH), EXTA(0x1, A32_UXTAH),
	EXT1(0x2, A32_SXTB16), EXTA(0x2, A32_SXTAB16),
	EXT1(0x3, A32_UXTB16), EXTA(0x3, A32_UXTAB16),
	EXT1(0x4, A32_SXTB), EXTA(0x4, A32_SXTAB),
	EXT1(0x5, A32_UXTB), EXTA(0x5, A32_UXTAB),

	PAR(P_ADD16, 0, 0, A32_SADD16), PAR(P_ASX, 0, 0, A32_SASX),
	PAR(P_SAX, 0, 0, A32_SSAX), PAR(P_SUB16, 0, 0, A32_SSUB16),
	PAR(P_ADD8, 0, 0, A32_SADD8), PAR(P_SUB8, 0, 0, A32_SSUB8),
	PAR(P_ADD16, 0, 1, A32_QADD16), PAR(P_ASX, 0, 1, A32_QASX),
	PAR(P_SAX, 0, 1, A32_QSAX), PAR(P_SUB16, 0, 1, A32_QSUB16),
	PAR(P_ADD8, 0, 1, A32_QADD8), PAR(P_SUB8, 0, 1, A32_QSUB8),
	PAR(P_ADD16, 0, 2, A32_SHADD16), PAR(P_ASX, 0, 2, A32_SHASX),
	PAR(P_SAX, 0, 2, A32_SHSAX), PAR(P_SUB16, 0, 2, A32_SHSUB16),
	PAR(P_ADD8, 0, 2, A32_SHADD8), PAR(P_SUB8, 0, 2, A32_SHSUB8),
	PAR(P_ADD16, 1, 0, A32_UADD16), PAR(P_ASX, 1, 0, A32_UASX),
	PAR(P_SAX, 1, 0, A32_USAX), PAR(P_SUB16, 1, 0, A32_USUB16),
	PAR(P_ADD8, 1, 0, A32_UADD8), PAR(P_SUB8, 1, 0, A32_USUB8),
	PAR(P_ADD16, 1, 1, A32_UQADD16), PAR(P_ASX, 1, 1, A32_UQASX),
	PAR(P_SAX, 1, 1, A32_UQSAX), PAR(P_SUB16, 1, 1, A32_UQSUB16),
	PAR(P_ADD8, 1, 1, A32_UQADD8), PAR(P_SUB8, 1, 1, A32_UQSUB8),
	PAR(P_ADD16, 1, 2, A32_UHADD16), PAR(P_ASX, 1, 2, A32_UHASX),
	PAR(P_SAX, 1, 2, A32_UHSAX), PAR(P_SUB16, 1, 2, A32_UHSUB16),
	PAR(P_ADD8, 1, 2, A32_UHADD8), PAR(P_SUB8, 1, 2, A32_UHSUB8),

	/* Miscellaneous operations (A6.3.15): REV and CLZ give Rm twice. */
	E(DR_MASK(0x00f0), MISC_OP(0, 0), 0, A32_QADD, TF_RRR, TN_DNM, 0, 0),
	E(DR_MASK(0x00f0), MISC_OP(0, 1), 0, A32_QDADD, TF_RRR, TN_DNM, 0, 0),
	E(DR_MASK(0x00f0), MISC_OP(0, 2), 0, A32_QSUB, TF_RRR, TN_DNM, 0, 0),
	E(DR_MASK(0x00f0), MISC_OP(0, 3), 0, A32_QDSUB, TF_RRR, TN_DNM, 0, 0),
	E(DR_MASK(0x00f0), MISC_OP(1, 0), 0, A32_REV, TF_RR, TN_DM, 0,
	  TR_SAME_RM),
	E(DR_MASK(0x00f0), MISC_OP(1, 1), 0, A32_REV16, TF_RR, TN_DM, 0,
	  TR_SAME_RM),
	E(DR_MASK(0x00f0), MISC_OP(1, 2), 0, A32_RBIT, TF_RR, TN_DM, 0,
	  TR_SAME_RM),
	E(DR_MASK(0x00f0), MISC_OP(1, 3), 0, A32_REVSH, TF_RR, TN_DM, 0,
	  TR_SAME_RM),
	E(DR_MASK(0x00f0), MISC_OP(2, 0), 0, A32_SEL, TF_RRR, TN_DNM, 0, 0),
	E(DR_MASK(0x00f0), MISC_OP(3, 0), 0, A32_CLZ, TF_RR, TN_DM, 0,
	  TR_SAME_RM),
	UNDEF_ALL,
};

/* ---- A6.3.16 Multiply, multiply accumulate, absolute difference -------- */

/* op1 = hw1 6:4, op2 = hw2 5:4 (hw2 7:6 must be 00); Ra = 1111 selects
 * the forms without accumulate. */
#define MU_MASK(h2m) W(0x0070, 0x00c0 | (h2m))
#define MU(op1, h2) W((op1) << 4, (h2))
#define RA15 0xf000

static const struct t32_pattern tab_mul[] = {
	E(MU_MASK(RA15 | 0x30), MU(0, RA15), 0, A32_MUL, TF_MUL3, TN_DNM, 0,
	  0),
	E(MU_MASK(0x30), MU(0, 0x00), 0, A32_MLA, TF_MUL, TN_DNMA, 0, 0),
	E(MU_MASK(0x30), MU(0, 0x10), 0, A32_MLS, TF_MUL, TN_DNMA, 0, 0),
	E(MU_MASK(RA15), MU(1, RA15), 0, A32_SMULXY, TF_MULXY3, TN_DNM, 0, 0),
	E(MU_MASK(0), MU(1, 0), 0, A32_SMLAXY, TF_MULXY, TN_DNMA, 0, 0),
	E(MU_MASK(RA15 | 0x20), MU(2, RA15), 0, A32_SMUAD, TF_MULD3, TN_DNM,
	  0, 0),
	E(MU_MASK(0x20), MU(2, 0), 0, A32_SMLAD, TF_MULD, TN_DNMA, 0, 0),
	E(MU_MASK(RA15 | 0x20), MU(3, RA15), 0, A32_SMULWY, TF_MULWY3, TN_DNM,
	  0, 0),
	E(MU_MASK(0x20), MU(3, 0), 0, A32_SMLAWY, TF_MULWY, TN_DNMA, 0, 0),
	E(MU_MASK(RA15 | 0x20), MU(4, RA15), 0, A32_SMUSD, TF_MULD3, TN_DNM,
	  0, 0),
	E(MU_MASK(0x20), MU(4, 0), 0, A32_SMLSD, TF_MULD, TN_DNMA, 0, 0),
	E(MU_MASK(RA15 | 0x20), MU(5, RA15), 0, A32_SMMUL, TF_SMM3, TN_DNM,
	  0, 0),
	E(MU_MASK(0x20), MU(5, 0), 0, A32_SMMLA, TF_SMM, TN_DNMA, 0, 0),
	E(MU_MASK(0x20), MU(6, 0), 0, A32_SMMLS, TF_SMM, TN_DNMA, 0, 0),
	E(MU_MASK(RA15 | 0x30), MU(7, RA15), 0, A32_USAD8, TF_MUL3, TN_DNM,
	  0, 0),
	E(MU_MASK(0x30), MU(7, 0), 0, A32_USADA8, TF_MUL, TN_DNMA, 0, 0),
	UNDEF_ALL,
};

/* ---- A6.3.17 Long multiply, long multiply accumulate, divide ------------ */

/* op1 = hw1 6:4, op2 = hw2 7:4. */
#define LM_MASK(h2m) W(0x0070, (h2m))
#define LM(op1, op2) W((op1) << 4, (op2) << 4)

static const struct t32_pattern tab_long_mul[] = {
	E(LM_MASK(0xf0), LM(0, 0x0), 0, A32_SMULL, TF_MULL, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xf0), LM(1, 0xf) | W(0, 0xf000), W(0, 0xf000), A32_SDIV,
	  TF_MUL3, TN_DNM, 0, 0),
	E(LM_MASK(0xf0), LM(2, 0x0), 0, A32_UMULL, TF_MULL, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xf0), LM(3, 0xf) | W(0, 0xf000), W(0, 0xf000), A32_UDIV,
	  TF_MUL3, TN_DNM, 0, 0),
	E(LM_MASK(0xf0), LM(4, 0x0), 0, A32_SMLAL, TF_MULL, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xc0), LM(4, 0x8), 0, A32_SMLALXY, TF_MULLXY, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xe0), LM(4, 0xc), 0, A32_SMLALD, TF_MULLD, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xe0), LM(5, 0xc), 0, A32_SMLSLD, TF_MULLD, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xf0), LM(6, 0x0), 0, A32_UMLAL, TF_MULL, TN_LHNM, 0,
	  TR_MULL),
	E(LM_MASK(0xf0), LM(6, 0x6), 0, A32_UMAAL, TF_MULL, TN_LHNM, 0,
	  TR_MULL),
	UNDEF_ALL,
};

/* ---- A6.3.18 Coprocessor instructions ----------------------------------- */

/* hw1 = 111T 11 op1(6) Rn; T (hw1 bit 12) selects the "2" forms. op1 =
 * 11xxxx is Advanced SIMD data processing (A7.4); coprocessors 10 and 11
 * are the VFP/Advanced SIMD register transfers and loads (A7.5-A7.9),
 * UNDEFINED for T = 1 as in the A32 unconditional space. */
#define CP_T W(0x1000, 0)
#define CP_NUM W(0, 0x0e00)
#define CP_VFP W(0, 0x0a00)

static const struct t32_pattern tab_coproc[] = {
	E(W(0x0300, 0), W(0x0300, 0), 0, A32_NEON, TF_NONE, 0, 0, 0),
	E(W(0x03e0, 0), W(0, 0), 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	E(CP_T | CP_NUM, CP_T | CP_VFP, 0, A32_UNDEF, TF_NONE, 0, 0, 0),
	E(CP_T | CP_NUM, CP_VFP, 0, A32_VFP, TF_NONE, 0, 0, 0),
	E(W(0x03f0, 0), W(0x0040, 0), 0, A32_MCRR, TF_MCRR, TN_T | TN_T2, 0,
	  0),
	E(W(0x03f0, 0), W(0x0050, 0), 0, A32_MRRC, TF_MCRR, TN_T | TN_T2, 0,
	  TR_T_T2),
	E(W(0x0300, 0x0010), W(0x0200, 0), 0, A32_CDP, TF_CDP, 0, 0, 0),
	E(W(0x0310, 0x0010), W(0x0200, 0x0010), 0, A32_MCR, TF_MRC, TN_T, 0,
	  0),
	E(W(0x0310, 0x0010), W(0x0210, 0x0010), 0, A32_MRC, TF_MRC, 0, 0,
	  TR_SP_T),
	E(W(0x0210, 0), W(0, 0), 0, A32_STC, TF_LDC, 0, TN_N, 0),
	E(W(0x0210, 0), W(0x0010, 0), 0, A32_LDC, TF_LDC, 0, 0, TR_LDC),
	UNDEF_ALL,
};

/* ---- A6.3 Table A6-9: the groups ---------------------------------------- */

static const struct t32_pattern tab_neon_ls[] = {
	E(0, 0, 0, A32_NEON, TF_NONE, 0, 0, 0),
};

static const struct t32_pattern tab_undef[] = {
	UNDEF_ALL,
};

static const struct t32_table t_dp_modimm = TABLE(tab_dp_modimm);
static const struct t32_table t_dp_plainimm = TABLE(tab_dp_plainimm);
static const struct t32_table t_branch_misc = TABLE(tab_branch_misc);
static const struct t32_table t_ldm = TABLE(tab_ldm);
static const struct t32_table t_dual_excl = TABLE(tab_dual_excl);
static const struct t32_table t_load_byte = TABLE(tab_load_byte);
static const struct t32_table t_load_half = TABLE(tab_load_half);
static const struct t32_table t_load_word = TABLE(tab_load_word);
static const struct t32_table t_store = TABLE(tab_store);
static const struct t32_table t_dp_shifted = TABLE(tab_dp_shifted);
static const struct t32_table t_dp_register = TABLE(tab_dp_register);
static const struct t32_table t_mul = TABLE(tab_mul);
static const struct t32_table t_long_mul = TABLE(tab_long_mul);
static const struct t32_table t_coproc = TABLE(tab_coproc);
static const struct t32_table t_neon_ls = TABLE(tab_neon_ls);
static const struct t32_table t_undef = TABLE(tab_undef);

/* op1 = hw1 12:11, op2 = hw1 10:4, op = hw2 bit 15. */
const struct t32_group t32_groups[] = {
	{ 0xfe400000, 0xe8000000, &t_ldm },          /* 01 00xx0xx */
	{ 0xfe400000, 0xe8400000, &t_dual_excl },    /* 01 00xx1xx */
	{ 0xfe000000, 0xea000000, &t_dp_shifted },   /* 01 01xxxxx */
	{ 0xec000000, 0xec000000, &t_coproc },       /* x1 1xxxxxx */
	{ 0xfa008000, 0xf0000000, &t_dp_modimm },    /* 10 x0xxxxx, op 0 */
	{ 0xfa008000, 0xf2000000, &t_dp_plainimm },  /* 10 x1xxxxx, op 0 */
	{ 0xf8008000, 0xf0008000, &t_branch_misc },  /* 10, op 1 */
	{ 0xff100000, 0xf8000000, &t_store },        /* 11 000xxx0 */
	{ 0xff100000, 0xf9000000, &t_neon_ls },      /* 11 001xxx0 */
	{ 0xfe700000, 0xf8100000, &t_load_byte },    /* 11 00xx001 */
	{ 0xfe700000, 0xf8300000, &t_load_half },    /* 11 00xx011 */
	{ 0xfe700000, 0xf8500000, &t_load_word },    /* 11 00xx101 */
	{ 0xff000000, 0xfa000000, &t_dp_register },  /* 11 010xxxx */
	{ 0xff800000, 0xfb000000, &t_mul },          /* 11 0110xxx */
	{ 0xff800000, 0xfb800000, &t_long_mul },     /* 11 0111xxx */
	{ 0, 0, &t_undef },                          /* 11 00xx111, 16-bit */
};

const size_t t32_group_count = LEN(t32_groups);
