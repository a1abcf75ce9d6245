/* Private to the T32 decoder's 32-bit half: the shape of an encoding-table
 * entry and the names of the field formats and UNPREDICTABLE rules the
 * entries refer to. The tables are in t32_decode_tab.c, the code that
 * reads them in t32_decode_wide.c. Words are hw1 << 16 | hw2. */
#ifndef DBT_T32_DECODE_TAB_H
#define DBT_T32_DECODE_TAB_H

#include <stddef.h>
#include <stdint.h>

/* How to pull the named fields out of a matched word (ARM DDI 0406C
 * chapter A8, the "Encoding T<n>" paragraphs). */
enum t32_fmt {
	TF_NONE,
	TF_DP_IMM, TF_CMP_IMM, TF_MOV_IMM,      /* ThumbExpandImm_C operand */
	TF_DP_REG, TF_CMP_REG, TF_MOV_REG,      /* DecodeImmShift operand */
	TF_ADDW,      /* Rd, Rn, #imm12 */
	TF_ADR,       /* Rd, Align(PC, 4) +/- imm12 */
	TF_MOV16,     /* Rd, #imm4:i:imm3:imm8 */
	TF_SSAT, TF_USAT, TF_SSAT16, TF_USAT16,
	TF_BFX, TF_BFI, TF_BFC, TF_PKH,
	TF_SHIFT_REG, /* LSL/LSR/ASR/ROR (register): Rd, Rn, Rm */
	TF_EXT, TF_EXT1,                        /* SXTAB/SXTB: rotation */
	TF_RRR,       /* Rd (hw2 11:8), Rn (hw1 3:0), Rm (hw2 3:0) */
	TF_RR,        /* Rd, Rm */
	TF_MUL, TF_MUL3, TF_MULXY, TF_MULXY3, TF_MULWY, TF_MULWY3,
	TF_MULD, TF_MULD3, TF_SMM, TF_SMM3,
	TF_MULL, TF_MULLXY, TF_MULLD,
	TF_LS_IMM12,  /* Rt, [Rn, #imm12] */
	TF_LS_IMM8,   /* Rt, [Rn, #+/-imm8], P U W in hw2 10:8 */
	TF_LS_REG,    /* Rt, [Rn, Rm, LSL #imm2] */
	TF_LS_LIT,    /* Rt, [PC, #+/-imm12] */
	TF_PL_IMM12, TF_PL_IMM8, TF_PL_REG, TF_PL_LIT,
	TF_LDRD, TF_LDRD_LIT,
	TF_LDREX, TF_STREX,     /* with imm8 << 2 */
	TF_LDREXB, TF_STREXB,   /* B and H: no offset */
	TF_LDREXD, TF_STREXD,
	TF_TB,        /* TBB/TBH [Rn, Rm] */
	TF_LDM, TF_SRS, TF_RFE,
	TF_BCOND, TF_B, TF_BLX,
	TF_MSR_REG, TF_MSR_BANKED, TF_MRS, TF_MRS_BANKED, TF_CPS,
	TF_HINT,      /* hw2 7:0 */
	TF_OPT4,      /* hw2 3:0: DBG, barrier option */
	TF_BXJ, TF_SUBS_PC, TF_SMC, TF_IMM16,
	TF_MRC, TF_MCRR, TF_LDC, TF_CDP,        /* as the A32 layout */
	TF_COUNT
};

/* Register fields, in the order t32_decode_wide.c checks them. */
enum t32_reg {
	TN_D = 1 << 0, TN_N = 1 << 1, TN_M = 1 << 2, TN_S = 1 << 3,
	TN_A = 1 << 4, TN_T = 1 << 5, TN_T2 = 1 << 6, TN_LO = 1 << 7,
	TN_HI = 1 << 8,
};

/* UNPREDICTABLE constraints of the encodings' pseudocode beyond the
 * register lists above; an entry may name several. */
enum t32_rule {
	TR_MODIMM = 1 << 0,   /* replicated ThumbExpandImm form with imm8 0 */
	TR_SPDEST = 1 << 1,   /* Rd = SP other than SP = SP +/- ... LSL #0-3 */
	TR_WBACK = 1 << 2,    /* writeback with Rn == Rt */
	TR_DUAL = 1 << 3,     /* writeback with Rn == Rt or Rn == Rt2 */
	TR_LIST = 1 << 4,     /* fewer than two registers */
	TR_PM = 1 << 5,       /* LDM list with both PC and LR */
	TR_LISTWB = 1 << 6,   /* writeback with Rn in the list */
	TR_EXCL = 1 << 7,     /* STREX status register overlaps */
	TR_MULL = 1 << 8,     /* RdHi == RdLo */
	TR_T_T2 = 1 << 9,     /* Rt == Rt2 (LDRD, LDREXD, MRRC) */
	TR_BFI = 1 << 10,     /* msb < lsb */
	TR_BFX = 1 << 11,     /* lsb + width > 32 */
	TR_MSR = 1 << 12,     /* mask == 0 */
	TR_BANKED = 1 << 13,  /* SYSm names no banked register */
	TR_CPS = 1 << 14,     /* imod, M, A/I/F, mode inconsistent */
	TR_SAME_RM = 1 << 15, /* the two Rm fields differ (REV, CLZ, ...) */
	TR_MOVREG = 1 << 16,  /* MOV (register) T3 */
	TR_NO_W = 1 << 17,    /* W must be 0 (LDRD literal) */
	TR_LDC = 1 << 18,     /* LDC literal with writeback or P = 0 */
	TR_SP_N = 1 << 19,    /* Rn == SP (TBB/TBH; PC is allowed) */
	TR_SP_T = 1 << 20,    /* Rt == SP (MRC; PC is allowed) */
};

struct t32_pattern {
	uint32_t mask;     /* bits that identify the encoding */
	uint32_t value;    /* their values; also the (0)/(1) bits' values */
	uint32_t sbmask;   /* (0)/(1) bits: a mismatch is UNPREDICTABLE */
	uint16_t op;       /* enum a32_op */
	uint8_t fmt;       /* enum t32_fmt */
	uint16_t bad;      /* enum t32_reg: may be neither SP nor PC */
	uint16_t nopc;     /* enum t32_reg: may not be PC */
	uint32_t rules;    /* enum t32_rule bits */
};

struct t32_table {
	const struct t32_pattern *pat;
	size_t len;
};

/* The first level of decoding, ARM DDI 0406C A6.3 Table A6-9: which
 * section's table a word belongs to (first match; the list ends with a
 * catch-all naming the UNDEFINED table). */
struct t32_group {
	uint32_t mask, value;
	const struct t32_table *table;
};

extern const struct t32_group t32_groups[];
extern const size_t t32_group_count;

/* Field extractors, indexed by enum t32_fmt. */
struct a32_insn;
extern void (*const t32_fields[TF_COUNT])(uint32_t, struct a32_insn *);

#endif
