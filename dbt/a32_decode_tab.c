/* The A32 encoding tables (ARM DDI 0406C chapter A5), written as data:
 * one line per encoding, {mask, value, should-be bits, op, field format,
 * constraint rule, registers that must not be PC}. Within a list the
 * first match wins, so more specific encodings come first and every list
 * ends with an UNDEF catch-all. Values give only bits 27:0; the condition
 * field selects the conditional or the unconditional tables. */
#include "a32_decode.h"
#include "a32_decode_tab.h"

#define E(mask, value, sb, op, fmt, rule, nopc) \
	{ (mask), (value), (sb), (op), (fmt), (rule), (nopc) }
#define UNDEF_ALL E(0, 0, 0, A32_UNDEF, F_NONE, R_NONE, 0)
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Data-processing opcode field, bits 24:21 (A5.2.1-A5.2.3). */
#define DP_OPC(opc) ((uint32_t)(opc) << 21)
#define RD_SB 0x0000f000u  /* Rd (0)(0)(0)(0) of TST/TEQ/CMP/CMN */
#define RN_SB 0x000f0000u  /* Rn (0)(0)(0)(0) of MOV/MVN */

/* Register-shifted register (A5.2.2): bit 7 = 0, bit 4 = 1. */
#define DP_RSR(opc, op, f, sb, np) \
	E(0x0fe00090, DP_OPC(opc) | 0x10, sb, op, f, R_NONE, np)
/* Register, shifted by immediate (A5.2.1): bit 4 = 0. */
#define DP_REG(opc, op, f, sb) E(0x0fe00010, DP_OPC(opc), sb, op, f, R_NONE, 0)
/* Immediate (A5.2.3): bit 25 = 1. */
#define DP_IMM(opc, op, f, sb) \
	E(0x0fe00000, 0x02000000 | DP_OPC(opc), sb, op, f, R_NONE, 0)

#define NP_DNM (NP_D | NP_N | NP_M)
#define NP_DNMA (NP_D | NP_N | NP_M | NP_A)
#define NP_LHNM (NP_LO | NP_HI | NP_N | NP_M)

/* bits 27:25 = 000: multiplies, synchronization, extra loads/stores,
 * miscellaneous, halfword multiplies, data processing (register). */
static const struct a32_pattern tab_000[] = {
	/* Multiply and multiply accumulate (A5.2.5). */
	E(0x0fe000f0, 0x00000090, 0x0000f000, A32_MUL, F_MULS3, R_NONE, NP_DNM),
	E(0x0fe000f0, 0x00200090, 0, A32_MLA, F_MUL, R_NONE, NP_DNMA),
	E(0x0ff000f0, 0x00400090, 0, A32_UMAAL, F_MULL, R_MULL, NP_LHNM),
	E(0x0ff000f0, 0x00600090, 0, A32_MLS, F_MUL, R_NONE, NP_DNMA),
	E(0x0fe000f0, 0x00800090, 0, A32_UMULL, F_MULL, R_MULL, NP_LHNM),
	E(0x0fe000f0, 0x00a00090, 0, A32_UMLAL, F_MULL, R_MULL, NP_LHNM),
	E(0x0fe000f0, 0x00c00090, 0, A32_SMULL, F_MULL, R_MULL, NP_LHNM),
	E(0x0fe000f0, 0x00e00090, 0, A32_SMLAL, F_MULL, R_MULL, NP_LHNM),
	E(0x0f0000f0, 0x00000090, 0, A32_UNDEF, F_NONE, R_NONE, 0),

	/* Synchronization primitives (A5.2.10). */
	E(0x0ff000f0, 0x01000090, 0x00000f00, A32_SWP, F_SWP, R_SWP,
	  NP_T | NP_T2 | NP_N),
	E(0x0ff000f0, 0x01400090, 0x00000f00, A32_SWPB, F_SWP, R_SWP,
	  NP_T | NP_T2 | NP_N),
	E(0x0ff000f0, 0x01800f90, 0x00000f00, A32_STREX, F_STREX, R_EXCL,
	  NP_D | NP_T | NP_N),
	E(0x0ff000f0, 0x01900f9f, 0x00000f0f, A32_LDREX, F_LDREX, R_NONE,
	  NP_T | NP_N),
	E(0x0ff000f0, 0x01a00f90, 0x00000f00, A32_STREXD, F_STREXD, R_EXCL,
	  NP_D | NP_N),
	E(0x0ff000f0, 0x01b00f9f, 0x00000f0f, A32_LDREXD, F_LDREXD, R_EXCL,
	  NP_N),
	E(0x0ff000f0, 0x01c00f90, 0x00000f00, A32_STREXB, F_STREX, R_EXCL,
	  NP_D | NP_T | NP_N),
	E(0x0ff000f0, 0x01d00f9f, 0x00000f0f, A32_LDREXB, F_LDREX, R_NONE,
	  NP_T | NP_N),
	E(0x0ff000f0, 0x01e00f90, 0x00000f00, A32_STREXH, F_STREX, R_EXCL,
	  NP_D | NP_T | NP_N),
	E(0x0ff000f0, 0x01f00f9f, 0x00000f0f, A32_LDREXH, F_LDREX, R_NONE,
	  NP_T | NP_N),
	E(0x0f0000f0, 0x01000090, 0, A32_UNDEF, F_NONE, R_NONE, 0),

	/* Extra load/store, unprivileged (A5.2.9): P = 0, W = 1. */
	E(0x0f7000f0, 0x006000b0, 0, A32_STRHT, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0f7000f0, 0x002000b0, 0x00000f00, A32_STRHT, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),
	E(0x0f7000f0, 0x007000b0, 0, A32_LDRHT, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0f7000f0, 0x003000b0, 0x00000f00, A32_LDRHT, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),
	E(0x0f7000f0, 0x007000d0, 0, A32_LDRSBT, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0f7000f0, 0x003000d0, 0x00000f00, A32_LDRSBT, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),
	E(0x0f7000f0, 0x007000f0, 0, A32_LDRSHT, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0f7000f0, 0x003000f0, 0x00000f00, A32_LDRSHT, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),

	/* Extra load/store (A5.2.8): bit 22 selects immediate offset. */
	E(0x0e5000f0, 0x004000b0, 0, A32_STRH, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0e5000f0, 0x000000b0, 0x00000f00, A32_STRH, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),
	E(0x0e5000f0, 0x005000b0, 0, A32_LDRH, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0e5000f0, 0x001000b0, 0x00000f00, A32_LDRH, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),
	E(0x0e5000f0, 0x004000d0, 0, A32_LDRD, F_LSD_IMM, R_LDRD, 0),
	E(0x0e5000f0, 0x000000d0, 0x00000f00, A32_LDRD, F_LSD_REG, R_LDRD_REG,
	  NP_M),
	E(0x0e5000f0, 0x005000d0, 0, A32_LDRSB, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0e5000f0, 0x001000d0, 0x00000f00, A32_LDRSB, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),
	E(0x0e5000f0, 0x004000f0, 0, A32_STRD, F_LSD_IMM, R_LDRD, 0),
	E(0x0e5000f0, 0x000000f0, 0x00000f00, A32_STRD, F_LSD_REG, R_LDRD,
	  NP_M),
	E(0x0e5000f0, 0x005000f0, 0, A32_LDRSH, F_LSX_IMM, R_WBACK, NP_T),
	E(0x0e5000f0, 0x001000f0, 0x00000f00, A32_LDRSH, F_LSX_REG, R_WBACK,
	  NP_T | NP_M),

	/* Halfword multiply and multiply accumulate (A5.2.7). */
	E(0x0ff00090, 0x01000080, 0, A32_SMLAXY, F_MULXY, R_NONE, NP_DNMA),
	E(0x0ff000b0, 0x01200080, 0, A32_SMLAWY, F_MULWY, R_NONE, NP_DNMA),
	E(0x0ff000b0, 0x012000a0, 0x0000f000, A32_SMULWY, F_MULWY3, R_NONE,
	  NP_DNM),
	E(0x0ff00090, 0x01400080, 0, A32_SMLALXY, F_MULLXY, R_MULL, NP_LHNM),
	E(0x0ff00090, 0x01600080, 0x0000f000, A32_SMULXY, F_MULXY3, R_NONE,
	  NP_DNM),

	/* Miscellaneous (A5.2.12); bit 9 selects the banked MRS/MSR. */
	E(0x0fb002f0, 0x010f0000, 0x000f0d0f, A32_MRS, F_MRS, R_NONE, NP_D),
	E(0x0fb002f0, 0x01000200, 0x00000c0f, A32_MRS_BANKED, F_MRS_BANKED,
	  R_BANKED, NP_D),
	E(0x0fb002f0, 0x0120f000, 0x0000fd00, A32_MSR_REG, F_MSR_REG, R_MSR,
	  NP_N),
	E(0x0fb002f0, 0x0120f200, 0x0000fc00, A32_MSR_BANKED, F_MSR_BANKED,
	  R_BANKED, NP_N),
	E(0x0ff000f0, 0x012fff10, 0x000fff00, A32_BX, F_RM, R_NONE, 0),
	E(0x0ff000f0, 0x012fff20, 0x000fff00, A32_BXJ, F_RM, R_NONE, NP_M),
	E(0x0ff000f0, 0x012fff30, 0x000fff00, A32_BLX_REG, F_RM, R_NONE, NP_M),
	E(0x0ff000f0, 0x016f0f10, 0x000f0f00, A32_CLZ, F_RR, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x01000050, 0x00000f00, A32_QADD, F_RRR, R_NONE, NP_DNM),
	E(0x0ff000f0, 0x01200050, 0x00000f00, A32_QSUB, F_RRR, R_NONE, NP_DNM),
	E(0x0ff000f0, 0x01400050, 0x00000f00, A32_QDADD, F_RRR, R_NONE,
	  NP_DNM),
	E(0x0ff000f0, 0x01600050, 0x00000f00, A32_QDSUB, F_RRR, R_NONE,
	  NP_DNM),
	E(0x0ff000f0, 0x0160006e, 0x000fff0f, A32_ERET, F_NONE, R_NONE, 0),
	E(0x0ff000f0, 0x01200070, 0, A32_BKPT, F_IMM16, R_COND_AL, 0),
	E(0x0ff000f0, 0x01400070, 0, A32_HVC, F_IMM16, R_COND_AL, 0),
	E(0x0ff000f0, 0x01600070, 0x000fff00, A32_SMC, F_IMM4, R_NONE, 0),
	E(0x0f900080, 0x01000000, 0, A32_UNDEF, F_NONE, R_NONE, 0),

	/* Data processing, register-shifted register (A5.2.2). */
	DP_RSR(0x0, A32_AND, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x1, A32_EOR, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x2, A32_SUB, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x3, A32_RSB, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x4, A32_ADD, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x5, A32_ADC, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x6, A32_SBC, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x7, A32_RSC, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0x8, A32_TST, F_CMP_RSR, RD_SB, NP_N | NP_M | NP_S),
	DP_RSR(0x9, A32_TEQ, F_CMP_RSR, RD_SB, NP_N | NP_M | NP_S),
	DP_RSR(0xa, A32_CMP, F_CMP_RSR, RD_SB, NP_N | NP_M | NP_S),
	DP_RSR(0xb, A32_CMN, F_CMP_RSR, RD_SB, NP_N | NP_M | NP_S),
	DP_RSR(0xc, A32_ORR, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0xd, A32_MOV, F_MOV_RSR, RN_SB, NP_D | NP_M | NP_S),
	DP_RSR(0xe, A32_BIC, F_DP_RSR, 0, NP_DNM | NP_S),
	DP_RSR(0xf, A32_MVN, F_MOV_RSR, RN_SB, NP_D | NP_M | NP_S),

	/* Data processing, register (A5.2.1). */
	DP_REG(0x0, A32_AND, F_DP_REG, 0),
	DP_REG(0x1, A32_EOR, F_DP_REG, 0),
	DP_REG(0x2, A32_SUB, F_DP_REG, 0),
	DP_REG(0x3, A32_RSB, F_DP_REG, 0),
	DP_REG(0x4, A32_ADD, F_DP_REG, 0),
	DP_REG(0x5, A32_ADC, F_DP_REG, 0),
	DP_REG(0x6, A32_SBC, F_DP_REG, 0),
	DP_REG(0x7, A32_RSC, F_DP_REG, 0),
	DP_REG(0x8, A32_TST, F_CMP_REG, RD_SB),
	DP_REG(0x9, A32_TEQ, F_CMP_REG, RD_SB),
	DP_REG(0xa, A32_CMP, F_CMP_REG, RD_SB),
	DP_REG(0xb, A32_CMN, F_CMP_REG, RD_SB),
	DP_REG(0xc, A32_ORR, F_DP_REG, 0),
	DP_REG(0xd, A32_MOV, F_MOV_REG, RN_SB),
	DP_REG(0xe, A32_BIC, F_DP_REG, 0),
	DP_REG(0xf, A32_MVN, F_MOV_REG, RN_SB),
	UNDEF_ALL,
};

/* bits 27:25 = 001: data processing (immediate), MOVW/MOVT, MSR
 * (immediate) and hints (A5.2.3, A5.2.11). */
static const struct a32_pattern tab_001[] = {
	E(0x0ff00000, 0x03000000, 0, A32_MOVW, F_MOV16, R_NONE, NP_D),
	E(0x0ff00000, 0x03400000, 0, A32_MOVT, F_MOV16, R_NONE, NP_D),
	/* Hints: MSR with R = 0 and mask = 0 (A5.2.11). Unlisted hint
	 * numbers are unallocated hints that execute as NOP. */
	E(0x0fff00ff, 0x0320f000, 0x0000ff00, A32_NOP, F_IMM8, R_NONE, 0),
	E(0x0fff00ff, 0x0320f001, 0x0000ff00, A32_YIELD, F_IMM8, R_NONE, 0),
	E(0x0fff00ff, 0x0320f002, 0x0000ff00, A32_WFE, F_IMM8, R_NONE, 0),
	E(0x0fff00ff, 0x0320f003, 0x0000ff00, A32_WFI, F_IMM8, R_NONE, 0),
	E(0x0fff00ff, 0x0320f004, 0x0000ff00, A32_SEV, F_IMM8, R_NONE, 0),
	E(0x0fff00f0, 0x0320f0f0, 0x0000ff00, A32_DBG, F_IMM4, R_NONE, 0),
	E(0x0fff0000, 0x0320f000, 0x0000ff00, A32_NOP, F_IMM8, R_NONE, 0),
	E(0x0fb00000, 0x0320f000, 0x0000f000, A32_MSR_IMM, F_MSR_IMM, R_MSR, 0),

	DP_IMM(0x0, A32_AND, F_DP_IMM, 0),
	DP_IMM(0x1, A32_EOR, F_DP_IMM, 0),
	DP_IMM(0x2, A32_SUB, F_DP_IMM, 0),
	DP_IMM(0x3, A32_RSB, F_DP_IMM, 0),
	DP_IMM(0x4, A32_ADD, F_DP_IMM, 0),
	DP_IMM(0x5, A32_ADC, F_DP_IMM, 0),
	DP_IMM(0x6, A32_SBC, F_DP_IMM, 0),
	DP_IMM(0x7, A32_RSC, F_DP_IMM, 0),
	DP_IMM(0x8, A32_TST, F_CMP_IMM, RD_SB),
	DP_IMM(0x9, A32_TEQ, F_CMP_IMM, RD_SB),
	DP_IMM(0xa, A32_CMP, F_CMP_IMM, RD_SB),
	DP_IMM(0xb, A32_CMN, F_CMP_IMM, RD_SB),
	DP_IMM(0xc, A32_ORR, F_DP_IMM, 0),
	DP_IMM(0xd, A32_MOV, F_MOV_IMM, RN_SB),
	DP_IMM(0xe, A32_BIC, F_DP_IMM, 0),
	DP_IMM(0xf, A32_MVN, F_MOV_IMM, RN_SB),
	UNDEF_ALL,
};

/* bits 27:25 = 010: load/store word and byte, immediate offset (A5.3).
 * P = 0, W = 1 selects the unprivileged (T) forms. */
static const struct a32_pattern tab_010[] = {
	E(0x0f700000, 0x04200000, 0, A32_STRT, F_LS_IMM, R_WBACK, 0),
	E(0x0f700000, 0x04300000, 0, A32_LDRT, F_LS_IMM, R_WBACK, NP_T),
	E(0x0f700000, 0x04600000, 0, A32_STRBT, F_LS_IMM, R_WBACK, NP_T),
	E(0x0f700000, 0x04700000, 0, A32_LDRBT, F_LS_IMM, R_WBACK, NP_T),
	E(0x0e500000, 0x04000000, 0, A32_STR, F_LS_IMM, R_WBACK, 0),
	E(0x0e500000, 0x04100000, 0, A32_LDR, F_LS_IMM, R_WBACK, 0),
	E(0x0e500000, 0x04400000, 0, A32_STRB, F_LS_IMM, R_WBACK, NP_T),
	E(0x0e500000, 0x04500000, 0, A32_LDRB, F_LS_IMM, R_WBACK, NP_T),
	UNDEF_ALL,
};

/* bits 27:25 = 011: load/store with register offset (bit 4 = 0, A5.3)
 * and the media instructions (bit 4 = 1, A5.4). */
static const struct a32_pattern tab_011[] = {
	E(0x0f700010, 0x06200000, 0, A32_STRT, F_LS_REG, R_WBACK, NP_M),
	E(0x0f700010, 0x06300000, 0, A32_LDRT, F_LS_REG, R_WBACK, NP_T | NP_M),
	E(0x0f700010, 0x06600000, 0, A32_STRBT, F_LS_REG, R_WBACK, NP_T | NP_M),
	E(0x0f700010, 0x06700000, 0, A32_LDRBT, F_LS_REG, R_WBACK, NP_T | NP_M),
	E(0x0e500010, 0x06000000, 0, A32_STR, F_LS_REG, R_WBACK, NP_M),
	E(0x0e500010, 0x06100000, 0, A32_LDR, F_LS_REG, R_WBACK, NP_M),
	E(0x0e500010, 0x06400000, 0, A32_STRB, F_LS_REG, R_WBACK, NP_T | NP_M),
	E(0x0e500010, 0x06500000, 0, A32_LDRB, F_LS_REG, R_WBACK, NP_T | NP_M),

#define PAR(u, pre, opc, op) \
	E(0x0ff000f0, 0x06000f10 | (u) << 22 | (pre) << 20 | (opc) << 5, \
	  0x00000f00, op, F_RRR, R_NONE, NP_DNM)
	/* Parallel add/subtract (A5.4.1): U, prefix (bits 21:20), op2. */
	PAR(0, 1, 0, A32_SADD16), PAR(0, 1, 1, A32_SASX),
	PAR(0, 1, 2, A32_SSAX), PAR(0, 1, 3, A32_SSUB16),
	PAR(0, 1, 4, A32_SADD8), PAR(0, 1, 7, A32_SSUB8),
	PAR(0, 2, 0, A32_QADD16), PAR(0, 2, 1, A32_QASX),
	PAR(0, 2, 2, A32_QSAX), PAR(0, 2, 3, A32_QSUB16),
	PAR(0, 2, 4, A32_QADD8), PAR(0, 2, 7, A32_QSUB8),
	PAR(0, 3, 0, A32_SHADD16), PAR(0, 3, 1, A32_SHASX),
	PAR(0, 3, 2, A32_SHSAX), PAR(0, 3, 3, A32_SHSUB16),
	PAR(0, 3, 4, A32_SHADD8), PAR(0, 3, 7, A32_SHSUB8),
	PAR(1, 1, 0, A32_UADD16), PAR(1, 1, 1, A32_UASX),
	PAR(1, 1, 2, A32_USAX), PAR(1, 1, 3, A32_USUB16),
	PAR(1, 1, 4, A32_UADD8), PAR(1, 1, 7, A32_USUB8),
	PAR(1, 2, 0, A32_UQADD16), PAR(1, 2, 1, A32_UQASX),
	PAR(1, 2, 2, A32_UQSAX), PAR(1, 2, 3, A32_UQSUB16),
	PAR(1, 2, 4, A32_UQADD8), PAR(1, 2, 7, A32_UQSUB8),
	PAR(1, 3, 0, A32_UHADD16), PAR(1, 3, 1, A32_UHASX),
	PAR(1, 3, 2, A32_UHSAX), PAR(1, 3, 3, A32_UHSUB16),
	PAR(1, 3, 4, A32_UHADD8), PAR(1, 3, 7, A32_UHSUB8),
#undef PAR

	/* Packing, unpacking, saturation and reversal (A5.4.3). Rn = 1111
	 * selects the extend forms without add. */
	E(0x0ff00070, 0x06800010, 0, A32_PKHBT, F_PKH, R_NONE, NP_DNM),
	E(0x0ff00070, 0x06800050, 0, A32_PKHTB, F_PKH, R_NONE, NP_DNM),
	E(0x0fff00f0, 0x068f0070, 0x00000300, A32_SXTB16, F_EXT1, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06800070, 0x00000300, A32_SXTAB16, F_EXT, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06800fb0, 0x00000f00, A32_SEL, F_RRR, R_NONE, NP_DNM),
	E(0x0fe00030, 0x06a00010, 0, A32_SSAT, F_SSAT, R_NONE, NP_D | NP_N),
	E(0x0ff000f0, 0x06a00f30, 0x00000f00, A32_SSAT16, F_SSAT16, R_NONE,
	  NP_D | NP_N),
	E(0x0fff00f0, 0x06af0070, 0x00000300, A32_SXTB, F_EXT1, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06a00070, 0x00000300, A32_SXTAB, F_EXT, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06bf0f30, 0x000f0f00, A32_REV, F_RR, R_NONE,
	  NP_D | NP_M),
	E(0x0fff00f0, 0x06bf0070, 0x00000300, A32_SXTH, F_EXT1, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06b00070, 0x00000300, A32_SXTAH, F_EXT, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06bf0fb0, 0x000f0f00, A32_REV16, F_RR, R_NONE,
	  NP_D | NP_M),
	E(0x0fff00f0, 0x06cf0070, 0x00000300, A32_UXTB16, F_EXT1, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06c00070, 0x00000300, A32_UXTAB16, F_EXT, R_NONE,
	  NP_D | NP_M),
	E(0x0fe00030, 0x06e00010, 0, A32_USAT, F_USAT, R_NONE, NP_D | NP_N),
	E(0x0ff000f0, 0x06e00f30, 0x00000f00, A32_USAT16, F_USAT16, R_NONE,
	  NP_D | NP_N),
	E(0x0fff00f0, 0x06ef0070, 0x00000300, A32_UXTB, F_EXT1, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06e00070, 0x00000300, A32_UXTAB, F_EXT, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06ff0f30, 0x000f0f00, A32_RBIT, F_RR, R_NONE,
	  NP_D | NP_M),
	E(0x0fff00f0, 0x06ff0070, 0x00000300, A32_UXTH, F_EXT1, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06f00070, 0x00000300, A32_UXTAH, F_EXT, R_NONE,
	  NP_D | NP_M),
	E(0x0ff000f0, 0x06ff0fb0, 0x000f0f00, A32_REVSH, F_RR, R_NONE,
	  NP_D | NP_M),

	/* Signed multiplies (A5.4.4). Ra = 1111 selects the forms without
	 * accumulate. */
	E(0x0ff0f0d0, 0x0700f010, 0, A32_SMUAD, F_MULD3, R_NONE, NP_DNM),
	E(0x0ff000d0, 0x07000010, 0, A32_SMLAD, F_MULD, R_NONE, NP_DNM),
	E(0x0ff0f0d0, 0x0700f050, 0, A32_SMUSD, F_MULD3, R_NONE, NP_DNM),
	E(0x0ff000d0, 0x07000050, 0, A32_SMLSD, F_MULD, R_NONE, NP_DNM),
	E(0x0ff000f0, 0x0710f010, 0x0000f000, A32_SDIV, F_MUL3, R_NONE,
	  NP_DNM),
	E(0x0ff000f0, 0x0730f010, 0x0000f000, A32_UDIV, F_MUL3, R_NONE,
	  NP_DNM),
	E(0x0ff000d0, 0x07400010, 0, A32_SMLALD, F_MULLD, R_MULL, NP_LHNM),
	E(0x0ff000d0, 0x07400050, 0, A32_SMLSLD, F_MULLD, R_MULL, NP_LHNM),
	E(0x0ff0f0d0, 0x0750f010, 0, A32_SMMUL, F_SMM3, R_NONE, NP_DNM),
	E(0x0ff000d0, 0x07500010, 0, A32_SMMLA, F_SMM, R_NONE, NP_DNM),
	E(0x0ff000d0, 0x075000d0, 0, A32_SMMLS, F_SMM, R_NONE, NP_DNMA),

	/* USAD8/USADA8, bitfields, UDF (A5.4). */
	E(0x0ff0f0f0, 0x0780f010, 0, A32_USAD8, F_MUL3, R_NONE, NP_DNM),
	E(0x0ff000f0, 0x07800010, 0, A32_USADA8, F_MUL, R_NONE, NP_DNM),
	E(0x0fe00070, 0x07a00050, 0, A32_SBFX, F_BFX, R_BFX, NP_D | NP_N),
	E(0x0fe0007f, 0x07c0001f, 0, A32_BFC, F_BFC, R_BFI, NP_D),
	E(0x0fe00070, 0x07c00010, 0, A32_BFI, F_BFI, R_BFI, NP_D),
	E(0x0fe00070, 0x07e00050, 0, A32_UBFX, F_BFX, R_BFX, NP_D | NP_N),
	E(0x0ff000f0, 0x07f000f0, 0, A32_UDF, F_IMM16, R_NONE, 0),
	UNDEF_ALL,
};

/* bits 27:25 = 100: LDM/STM (A5.5). S (bit 22) selects the user-register
 * and exception-return forms. */
static const struct a32_pattern tab_100[] = {
	E(0x0e508000, 0x08508000, 0, A32_LDM_EXCRET, F_LDM, R_LDM, NP_N),
	E(0x0e508000, 0x08500000, 0, A32_LDM_USER, F_LDM, R_LDM_USER, NP_N),
	E(0x0e500000, 0x08400000, 0, A32_STM_USER, F_LDM, R_LDM_USER, NP_N),
	E(0x0e500000, 0x08100000, 0, A32_LDM, F_LDM, R_LDM, NP_N),
	E(0x0e500000, 0x08000000, 0, A32_STM, F_LDM, R_STM, NP_N),
	UNDEF_ALL,
};

/* bits 27:25 = 101: B, BL (A5.5). */
static const struct a32_pattern tab_101[] = {
	E(0x0f000000, 0x0a000000, 0, A32_B, F_BRANCH, R_NONE, 0),
	E(0x0f000000, 0x0b000000, 0, A32_BL, F_BRANCH, R_NONE, 0),
	UNDEF_ALL,
};

/* Coprocessor numbers 10 and 11 are the VFP/Advanced SIMD space (A5.6). */
#define COPROC_MASK 0x00000e00u
#define COPROC_VFP 0x00000a00u

/* bits 27:25 = 110: coprocessor loads/stores and two-register moves. */
static const struct a32_pattern tab_110[] = {
	E(0x0fe00000, 0x0c000000, 0, A32_UNDEF, F_NONE, R_NONE, 0),
	E(0x0e000000 | COPROC_MASK, 0x0c000000 | COPROC_VFP, 0, A32_VFP,
	  F_NONE, R_NONE, 0),
	E(0x0ff00000, 0x0c400000, 0, A32_MCRR, F_MCRR, R_NONE,
	  NP_T | NP_T2),
	E(0x0ff00000, 0x0c500000, 0, A32_MRRC, F_MCRR, R_MRRC,
	  NP_T | NP_T2),
	E(0x0e100000, 0x0c000000, 0, A32_STC, F_LDC, R_NONE, 0),
	E(0x0e100000, 0x0c100000, 0, A32_LDC, F_LDC, R_NONE, 0),
	UNDEF_ALL,
};

/* bits 27:25 = 111: SVC, CDP, MCR, MRC (A5.6). */
static const struct a32_pattern tab_111[] = {
	E(0x0f000000, 0x0f000000, 0, A32_SVC, F_IMM24, R_NONE, 0),
	E(0x0f000000 | COPROC_MASK, 0x0e000000 | COPROC_VFP, 0, A32_VFP,
	  F_NONE, R_NONE, 0),
	E(0x0f000010, 0x0e000000, 0, A32_CDP, F_CDP, R_NONE, 0),
	E(0x0f100010, 0x0e000010, 0, A32_MCR, F_MRC, R_NONE, NP_T),
	E(0x0f100010, 0x0e100010, 0, A32_MRC, F_MRC, R_NONE, 0),
	UNDEF_ALL,
};

const struct a32_table a32_tab_cond[8] = {
	{ tab_000, LEN(tab_000) }, { tab_001, LEN(tab_001) },
	{ tab_010, LEN(tab_010) }, { tab_011, LEN(tab_011) },
	{ tab_100, LEN(tab_100) }, { tab_101, LEN(tab_101) },
	{ tab_110, LEN(tab_110) }, { tab_111, LEN(tab_111) },
};

/* Unconditional space (A5.7). bits 27:25 = 000: CPS, SETEND. */
static const struct a32_pattern utab_000[] = {
	E(0x0ff10020, 0x01000000, 0x0000fe00, A32_CPS, F_CPS, R_CPS, 0),
	E(0x0ff100f0, 0x01010000, 0x000efd0f, A32_SETEND, F_SETEND, R_NONE, 0),
	UNDEF_ALL,
};

/* bits 27:25 = 001: Advanced SIMD data processing (A5.7.1). */
static const struct a32_pattern utab_001[] = {
	E(0, 0, 0, A32_NEON, F_NONE, R_NONE, 0),
};

/* bits 27:25 = 010: Advanced SIMD loads/stores, memory hints with an
 * immediate, barriers (A5.7.1, Table A5-24). Encodings that table calls
 * UNPREDICTABLE decode as NOP with R_ALWAYS. */
static const struct a32_pattern utab_010[] = {
	E(0x0f100000, 0x04000000, 0, A32_NEON, F_NONE, R_NONE, 0),
	E(0x0f700000, 0x04100000, 0, A32_NOP, F_NONE, R_NONE, 0),
	E(0x0f700000, 0x0450f000, 0x0000f000, A32_PLI, F_PL_IMM, R_NONE, 0),
	E(0x0f700000, 0x0510f000, 0x0000f000, A32_PLDW, F_PL_IMM, R_NONE,
	  NP_N),
	E(0x0f700000, 0x0550f000, 0x0000f000, A32_PLD, F_PL_IMM, R_NONE, 0),
	E(0x0ff000ff, 0x057ff01f, 0x000fff00, A32_CLREX, F_NONE, R_NONE, 0),
	E(0x0ff000f0, 0x057ff040, 0x000fff00, A32_DSB, F_IMM4, R_NONE, 0),
	E(0x0ff000f0, 0x057ff050, 0x000fff00, A32_DMB, F_IMM4, R_NONE, 0),
	E(0x0ff000f0, 0x057ff060, 0x000fff00, A32_ISB, F_IMM4, R_NONE, 0),
	E(0x0ff00000, 0x05700000, 0, A32_NOP, F_NONE, R_ALWAYS, 0),
	E(0x0ff00000, 0x05300000, 0, A32_NOP, F_NONE, R_ALWAYS, 0),
	E(0x0fb00000, 0x05b00000, 0, A32_NOP, F_NONE, R_ALWAYS, 0),
	UNDEF_ALL,
};

/* bits 27:25 = 011: memory hints with a register offset (A5.7.1). */
static const struct a32_pattern utab_011[] = {
	E(0x0f700010, 0x06100000, 0, A32_NOP, F_NONE, R_NONE, 0),
	E(0x0f700010, 0x0650f000, 0x0000f000, A32_PLI, F_PL_REG, R_NONE, NP_M),
	E(0x0f700010, 0x0710f000, 0x0000f000, A32_PLDW, F_PL_REG, R_NONE,
	  NP_N | NP_M),
	E(0x0f700010, 0x0750f000, 0x0000f000, A32_PLD, F_PL_REG, R_NONE, NP_M),
	E(0x0e300010, 0x06300000, 0, A32_NOP, F_NONE, R_ALWAYS, 0),
	UNDEF_ALL,
};

/* bits 27:25 = 100: SRS, RFE (A5.7). */
static const struct a32_pattern utab_100[] = {
	E(0x0e500000, 0x084d0500, 0x000fffe0, A32_SRS, F_SRS, R_NONE, 0),
	E(0x0e500000, 0x08100a00, 0x0000ffff, A32_RFE, F_RFE, R_NONE, NP_N),
	UNDEF_ALL,
};

/* bits 27:25 = 101: BLX (immediate). */
static const struct a32_pattern utab_101[] = {
	E(0, 0, 0, A32_BLX_IMM, F_BLX_IMM, R_NONE, 0),
};

/* bits 27:25 = 110, 111: the coprocessor "2" forms (A5.7). They are
 * UNDEFINED for coprocessors 10 and 11 (A5.7, Table A5-23). */
static const struct a32_pattern utab_110[] = {
	E(0x0fe00000, 0x0c000000, 0, A32_UNDEF, F_NONE, R_NONE, 0),
	E(0x0e000000 | COPROC_MASK, 0x0c000000 | COPROC_VFP, 0, A32_UNDEF,
	  F_NONE, R_NONE, 0),
	E(0x0ff00000, 0x0c400000, 0, A32_MCRR, F_MCRR, R_NONE, NP_T | NP_T2),
	E(0x0ff00000, 0x0c500000, 0, A32_MRRC, F_MCRR, R_MRRC, NP_T | NP_T2),
	E(0x0e100000, 0x0c000000, 0, A32_STC, F_LDC, R_NONE, 0),
	E(0x0e100000, 0x0c100000, 0, A32_LDC, F_LDC, R_NONE, 0),
	UNDEF_ALL,
};

static const struct a32_pattern utab_111[] = {
	E(0x0f000000, 0x0f000000, 0, A32_UNDEF, F_NONE, R_NONE, 0),
	E(0x0f000000 | COPROC_MASK, 0x0e000000 | COPROC_VFP, 0, A32_UNDEF,
	  F_NONE, R_NONE, 0),
	E(0x0f000010, 0x0e000000, 0, A32_CDP, F_CDP, R_NONE, 0),
	E(0x0f100010, 0x0e000010, 0, A32_MCR, F_MRC, R_NONE, NP_T),
	E(0x0f100010, 0x0e100010, 0, A32_MRC, F_MRC, R_NONE, 0),
	UNDEF_ALL,
};

const struct a32_table a32_tab_uncond[8] = {
	{ utab_000, LEN(utab_000) }, { utab_001, LEN(utab_001) },
	{ utab_010, LEN(utab_010) }, { utab_011, LEN(utab_011) },
	{ utab_100, LEN(utab_100) }, { utab_101, LEN(utab_101) },
	{ utab_110, LEN(utab_110) }, { utab_111, LEN(utab_111) },
};
