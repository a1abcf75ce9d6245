/* Private to the A32 decoder: the shape of an encoding-table entry, and
 * the names of the field formats and constraint rules that entries refer
 * to. The tables themselves are in a32_decode_tab.c, the code that reads
 * them in a32_decode.c. */
#ifndef DBT_A32_DECODE_TAB_H
#define DBT_A32_DECODE_TAB_H

#include <stddef.h>
#include <stdint.h>

/* How to pull the named fields out of a matched word. Each names a
 * group of encodings that share a field layout in ARM DDI 0406C. */
enum a32_fmt {
	F_NONE,
	F_DP_IMM, F_DP_REG, F_DP_RSR,           /* AND Rd, Rn, <operand2> */
	F_CMP_IMM, F_CMP_REG, F_CMP_RSR,        /* TST Rn, <operand2> */
	F_MOV_IMM, F_MOV_REG, F_MOV_RSR,        /* MOV Rd, <operand2> */
	F_MOV16,                                /* MOVW/MOVT Rd, #imm16 */
	F_MUL,        /* Rd 19:16, Ra 15:12, Rm 11:8, Rn 3:0, S */
	F_MULS3,      /* F_MUL without Ra (MUL) */
	F_MULL,       /* RdHi 19:16, RdLo 15:12, Rm, Rn, S */
	F_MULXY,      /* F_MUL + N (bit 5) and M (bit 6) halves */
	F_MULXY3,     /* F_MULXY without Ra (SMULxy) */
	F_MULLXY,     /* F_MULL + halves */
	F_MULWY,      /* F_MUL + M half (bit 6) */
	F_MULWY3,     /* F_MULWY without Ra (SMULWy) */
	F_MULD,       /* F_MUL + X swap (bit 5) */
	F_MULD3,      /* F_MULD without Ra (SMUAD, SMUSD) */
	F_MULLD,      /* F_MULL + X swap (SMLALD, SMLSLD) */
	F_SMM,        /* F_MUL + R round (bit 5) */
	F_SMM3,       /* F_SMM without Ra (SMMUL) */
	F_MUL3,       /* Rd 19:16, Rm 11:8, Rn 3:0 (SDIV, UDIV, USAD8) */
	F_RRR,        /* Rd 15:12, Rn 19:16, Rm 3:0 */
	F_RR,         /* Rd 15:12, Rm 3:0 */
	F_EXT,        /* F_RRR + rotation (bits 11:10) as ROR #8*rot */
	F_EXT1,       /* F_RR + rotation */
	F_PKH,        /* F_RRR + imm5, tb */
	F_SSAT, F_USAT, F_SSAT16, F_USAT16,     /* Rd, #sat, Rn{, shift} */
	F_BFX,        /* Rd, Rn 3:0, lsb 11:7, widthm1 20:16 */
	F_BFI,        /* Rd, Rn 3:0, lsb 11:7, msb 20:16 */
	F_BFC,        /* F_BFI without Rn */
	F_LS_IMM,     /* Rt, [Rn, #imm12], P U W */
	F_LS_REG,     /* Rt, [Rn, Rm, shift], P U W */
	F_LSX_IMM,    /* Rt, [Rn, #imm4H:imm4L], P U W */
	F_LSX_REG,    /* Rt, [Rn, Rm], P U W */
	F_LSD_IMM,    /* F_LSX_IMM with Rt2 = Rt + 1 */
	F_LSD_REG,    /* F_LSX_REG with Rt2 = Rt + 1 */
	F_LDM,        /* Rn, register list, P U W */
	F_LDREX,      /* Rt 15:12, [Rn] */
	F_LDREXD,     /* F_LDREX with Rt2 = Rt + 1 */
	F_STREX,      /* Rd 15:12, Rt 3:0, [Rn] */
	F_STREXD,     /* F_STREX with Rt2 = Rt + 1 */
	F_SWP,        /* Rt 15:12, Rt2 3:0, [Rn] */
	F_BRANCH,     /* imm24, sign-extended, << 2 */
	F_BLX_IMM,    /* imm24:H:0, sign-extended */
	F_RM,         /* Rm 3:0 */
	F_IMM24,      /* SVC */
	F_IMM16,      /* imm12 (19:8) : imm4 (3:0): BKPT, HVC, UDF */
	F_IMM4,       /* bits 3:0: SMC, barrier option */
	F_IMM8,       /* bits 7:0: hint number */
	F_PL_IMM,     /* [Rn, #+/-imm12] */
	F_PL_REG,     /* [Rn, +/-Rm, shift] */
	F_MRC,        /* coproc, opc1, Rt, CRn, CRm, opc2 */
	F_MCRR,       /* coproc, opc1, Rt, Rt2, CRm */
	F_LDC,        /* coproc, CRd, [Rn, #imm8*4], P U W, D */
	F_CDP,        /* coproc, opc1, CRd, CRn, CRm, opc2 */
	F_MRS, F_MRS_BANKED, F_MSR_REG, F_MSR_BANKED, F_MSR_IMM,
	F_CPS, F_SETEND, F_SRS, F_RFE,
	F_COUNT
};

/* Register fields that must not be PC (15): UNPREDICTABLE otherwise. */
enum a32_nopc {
	NP_D = 1 << 0, NP_N = 1 << 1, NP_M = 1 << 2, NP_S = 1 << 3,
	NP_A = 1 << 4, NP_T = 1 << 5, NP_T2 = 1 << 6, NP_LO = 1 << 7,
	NP_HI = 1 << 8,
};

/* Further UNPREDICTABLE constraints an encoding's pseudocode states. */
enum a32_rule {
	R_NONE,
	R_MULL,       /* RdHi == RdLo */
	R_WBACK,      /* writeback with Rn == PC or Rn == Rt */
	R_LDRD,       /* LDRD/STRD: Rt odd, Rt2 == PC, P=0 W=1, wback overlap */
	R_LDRD_REG,   /* R_LDRD and Rm == Rt or Rm == Rt2 (LDRD only) */
	R_LDM,        /* empty list; LDM writeback with Rn in the list */
	R_STM,        /* empty list */
	R_LDM_USER,   /* R_STM and W must be 0 */
	R_EXCL,       /* LDREXD/STREXD Rt odd or LR; STREX Rd overlaps */
	R_SWP,        /* Rn == Rt or Rn == Rt2 */
	R_BFI,        /* msb < lsb */
	R_BFX,        /* lsb + width > 32 */
	R_COND_AL,    /* BKPT, HVC: condition must be AL */
	R_MSR,        /* mask == 0 */
	R_MRRC,       /* MRRC: Rt == Rt2 */
	R_CPS,        /* CPS: imod, M, A/I/F and mode inconsistent */
	R_BANKED,     /* banked MRS/MSR: SYSm names no register */
	R_ALWAYS,     /* the whole encoding is UNPREDICTABLE */
	R_COUNT
};

struct a32_pattern {
	uint32_t mask;     /* bits that identify the encoding */
	uint32_t value;    /* their values; also the (0)/(1) bits' values */
	uint32_t sbmask;   /* (0)/(1) bits: a mismatch is UNPREDICTABLE */
	uint16_t op;       /* enum a32_op */
	uint8_t fmt;       /* enum a32_fmt */
	uint8_t rule;      /* enum a32_rule */
	uint16_t nopc;     /* enum a32_nopc bits */
};

struct a32_table {
	const struct a32_pattern *pat;
	size_t len;
};

/* Field extractors, indexed by enum a32_fmt (a32_fields.c). */
struct a32_insn;
extern void (*const a32_fields[F_COUNT])(uint32_t, struct a32_insn *);

/* Conditional encodings (cond != 1111), indexed by bits 27:25 (ARM DDI
 * 0406C A5.1, Table A5-1); each list ends in an UNDEF catch-all. */
extern const struct a32_table a32_tab_cond[8];
/* The unconditional space (cond == 1111, A5.7), same indexing. */
extern const struct a32_table a32_tab_uncond[8];

#endif
