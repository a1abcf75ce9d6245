/* Declarative decoder for the ARMv7-A A32 (ARM state) instruction set
 * (ARM DDI 0406C, chapter A5 "ARM Instruction Set Encoding"). The
 * encodings live in tables of {mask, value, op, field format} in
 * a32_decode_tab.c; a32_decode() finds the first match and extracts the
 * fields, already expanded as the manual's pseudocode does. */
#ifndef DBT_A32_DECODE_H
#define DBT_A32_DECODE_H

#include <stdbool.h>
#include <stdint.h>

/* Condition field values (ARM DDI 0406C A8.3). */
#define A32_COND_AL 0xeu
#define A32_COND_NV 0xfu /* selects the unconditional space (A5.7) */

/* Instruction identities. Order has no meaning; a32_op_name() gives the
 * manual's mnemonic. Ops tagged "system" below are decoded fully but are
 * meant to be handled by the monitor (privileged state, coprocessors,
 * VFP/NEON): a32_op_is_system() is true for them. */
enum a32_op {
	A32_UNDEF = 0,   /* UNDEFINED encoding: raise Undefined Instruction */

	/* Data processing (A5.2.1-A5.2.3), operand in form/imm/rm/shift. */
	A32_AND, A32_EOR, A32_SUB, A32_RSB, A32_ADD, A32_ADC, A32_SBC, A32_RSC,
	A32_TST, A32_TEQ, A32_CMP, A32_CMN, A32_ORR, A32_MOV, A32_BIC, A32_MVN,
	A32_ORN,                     /* T32 only: Rd = Rn OR NOT operand2 */
	A32_MOVW, A32_MOVT,          /* imm = imm16 */

	/* Multiplies (A5.2.5, A5.4.4) and divides (A5.4.4). */
	A32_MUL, A32_MLA, A32_MLS,
	A32_UMULL, A32_UMLAL, A32_SMULL, A32_SMLAL, A32_UMAAL,
	A32_SMULXY, A32_SMLAXY, A32_SMULWY, A32_SMLAWY, A32_SMLALXY,
	A32_SMLAD, A32_SMLSD, A32_SMUAD, A32_SMUSD, A32_SMLALD, A32_SMLSLD,
	A32_SMMUL, A32_SMMLA, A32_SMMLS,
	A32_SDIV, A32_UDIV,

	/* Saturating arithmetic (A5.2.6) and saturation (A5.4.3). */
	A32_QADD, A32_QSUB, A32_QDADD, A32_QDSUB,
	A32_SSAT, A32_USAT, A32_SSAT16, A32_USAT16,

	/* Parallel add/subtract (A5.4.1): prefix x operation, six prefixes
	 * of six ops in this order (media_ops.c indexes them). */
	A32_SADD16, A32_SASX, A32_SSAX, A32_SSUB16, A32_SADD8, A32_SSUB8,
	A32_QADD16, A32_QASX, A32_QSAX, A32_QSUB16, A32_QADD8, A32_QSUB8,
	A32_SHADD16, A32_SHASX, A32_SHSAX, A32_SHSUB16, A32_SHADD8, A32_SHSUB8,
	A32_UADD16, A32_UASX, A32_USAX, A32_USUB16, A32_UADD8, A32_USUB8,
	A32_UQADD16, A32_UQASX, A32_UQSAX, A32_UQSUB16, A32_UQADD8, A32_UQSUB8,
	A32_UHADD16, A32_UHASX, A32_UHSAX, A32_UHSUB16, A32_UHADD8, A32_UHSUB8,

	/* Other media (A5.4.3, A5.4.5, A5.4.6). */
	A32_SEL, A32_USAD8, A32_USADA8, A32_PKHBT, A32_PKHTB,
	A32_SXTAB, A32_SXTAB16, A32_SXTAH, A32_SXTB, A32_SXTB16, A32_SXTH,
	A32_UXTAB, A32_UXTAB16, A32_UXTAH, A32_UXTB, A32_UXTB16, A32_UXTH,
	A32_REV, A32_REV16, A32_REVSH, A32_RBIT, A32_CLZ,
	A32_BFC, A32_BFI, A32_SBFX, A32_UBFX,

	/* Loads and stores (A5.3, A5.2.8, A5.2.9). */
	A32_LDR, A32_LDRB, A32_STR, A32_STRB,
	A32_LDRT, A32_LDRBT, A32_STRT, A32_STRBT,
	A32_LDRH, A32_LDRSH, A32_LDRSB, A32_STRH, A32_LDRD, A32_STRD,
	A32_LDRHT, A32_LDRSHT, A32_LDRSBT, A32_STRHT,
	A32_LDM, A32_STM,            /* p/u/w select DA/IA/DB/IB, writeback */

	/* Synchronization primitives (A5.2.10). */
	A32_LDREX, A32_LDREXB, A32_LDREXH, A32_LDREXD,
	A32_STREX, A32_STREXB, A32_STREXH, A32_STREXD,
	A32_CLREX, A32_SWP, A32_SWPB,

	/* Branches (A5.5, A5.2.12). */
	A32_B, A32_BL, A32_BLX_IMM, A32_BX, A32_BLX_REG, A32_BXJ,
	/* T32 only (A6.2.5, A6.3.4, A8.8.29, A8.8.191): CBZ/CBNZ compare rn
	 * with zero, imm the forward offset; TBB/TBH branch by a table at
	 * rn indexed by rm. */
	A32_CBZ, A32_CBNZ, A32_TBB, A32_TBH,

	/* Hints, barriers, preloads (A5.2.11, A5.7.1). Unallocated hints
	 * and memory hints decode as NOP, as the manual says they execute;
	 * the encodings Table A5-24 calls UNPREDICTABLE are NOP with
	 * unpred set. */
	A32_NOP, A32_YIELD, A32_WFE, A32_WFI, A32_SEV, A32_DBG,
	A32_DMB, A32_DSB, A32_ISB, A32_PLD, A32_PLDW, A32_PLI,
	A32_IT,         /* T32 only (A8.8.54): imm = firstcond:mask, bits 7:0 */

	/* Exception generation and coprocessor register moves. */
	A32_SVC, A32_UDF, A32_BKPT, A32_MRC, A32_MCR,

	/* System: decoded, handled by the monitor (a32_op_is_system()). */
	A32_MRS, A32_MSR_IMM, A32_MSR_REG,   /* CPSR/SPSR, mask in imm */
	A32_MRS_BANKED, A32_MSR_BANKED,      /* banked reg: sysm, r_spsr */
	A32_CPS, A32_SRS, A32_RFE, A32_SETEND,
	A32_LDM_USER,   /* LDM (user registers), A8.8.60: ^ without PC */
	A32_LDM_EXCRET, /* LDM (exception return), A8.8.59: ^ with PC */
	A32_STM_USER,   /* STM (user registers), B9.3.16 */
	A32_SMC, A32_HVC, A32_ERET,
	A32_LDC, A32_STC, A32_CDP, A32_MCRR, A32_MRRC,
	A32_VFP,        /* coprocessor 10/11 space (VFP, Advanced SIMD moves) */
	A32_NEON,       /* Advanced SIMD unconditional space (A5.7) */

	A32_OP_COUNT
};

/* Shift types as encoded in the "type" field (A8.4.1 DecodeImmShift),
 * plus RRX, which the manual encodes as ROR #0. */
enum a32_shift {
	A32_SHIFT_LSL = 0,
	A32_SHIFT_LSR = 1,
	A32_SHIFT_ASR = 2,
	A32_SHIFT_ROR = 3,
	A32_SHIFT_RRX = 4,
};

/* How the second operand (data processing) or the offset (loads and
 * stores) is given. */
enum a32_operand_form {
	A32_FORM_NONE = 0,
	A32_FORM_IMM,       /* imm (already expanded) */
	A32_FORM_REG_IMM,   /* rm, shift_type, shift_amount (DecodeImmShift) */
	A32_FORM_REG_REG,   /* rm, shift_type (LSL..ROR), shift register rs */
};

/* Why an encoding was flagged UNPREDICTABLE (ARM DDI 0406C A2.1 allows
 * any behaviour short of a security hole, including UNDEFINED). The
 * decoder still fills every field as the nearest defined encoding would;
 * the translator's documented choice is to raise Undefined Instruction
 * for any insn with unpred != A32_UNPRED_NONE. */
enum a32_unpred {
	A32_UNPRED_NONE = 0,
	A32_UNPRED_PC,          /* PC as an operand where it is forbidden */
	A32_UNPRED_WBACK,       /* writeback base is also a transfer register */
	A32_UNPRED_SBZ,         /* (0)/(1) bits of the encoding not as required */
	A32_UNPRED_REGS,        /* register constraint (RdHi==RdLo, Rt odd...) */
	A32_UNPRED_FIELD,       /* field value (msb<lsb, empty list, width) */
};

struct a32_insn {
	uint32_t raw;           /* A32 word; T32: hw1 << 16 | hw2 for 32-bit
				 * encodings, the halfword for 16-bit ones */
	uint8_t size;           /* bytes: 4, or 2 for a 16-bit T32 encoding */
	uint16_t op;            /* enum a32_op */
	uint8_t cond;           /* 0..14; A32_COND_AL for unconditional ops,
				 * except A32_COND_NV for the coprocessor
				 * "2" forms (LDC2, MCR2, ...) */
	uint8_t unpred;         /* enum a32_unpred */
	uint8_t s;              /* S bit: update flags */
	uint8_t s_unless_it;    /* T32 16-bit: s holds only outside an IT
				 * block (setflags = !InITBlock()) */
	uint8_t pc_align;       /* T32: PC as rn reads Align(PC, 4) (ADR and
				 * literal loads); otherwise PC reads insn + 4 */
	uint8_t form;           /* enum a32_operand_form of operand 2/offset */

	/* Registers, named as in the manual's assembler syntax: rt is the
	 * transfer register of loads/stores, LDREX/STREX (rd is STREX's
	 * status register), SWP, MRC/MCR/MCRR/MRRC; rt2 is Rt2 of LDRD/STRD,
	 * LDREXD/STREXD (always rt+1), SWP (the register stored) and
	 * MCRR/MRRC. rdlo/rdhi for long multiplies (also SMLALxy/SMLALD).
	 * Multiplies use Rd, Rn, Rm, Ra as the manual names them. Unused
	 * register fields are 0. */
	uint8_t rd, rn, rm, rs, ra, rt, rt2, rdlo, rdhi;

	/* The shift of operand 2 / the offset register (DecodeImmShift:
	 * LSR/ASR 1..32, ROR 1..31, RRX 1, LSL 0..31), also the PKH and
	 * SSAT/USAT shifts and the SXT/UXT rotation (ROR 0, 8, 16, 24). */
	uint8_t shift_type;     /* enum a32_shift */
	uint8_t shift_amount;

	/* Load/store and LDM/STM addressing (A5.3): P=index, U=add, W=wback.
	 * For post-indexed forms (p==0) writeback is implied; w keeps the
	 * encoded bit (it selects the T forms there). */
	uint8_t p, u, w;

	/* ARMExpandImm_C (A5.2.4): when imm_carry is set the shifter carry
	 * out is bit 31 of imm; otherwise it is the current C flag. */
	uint8_t imm_carry;
	uint32_t imm;           /* expanded immediate; branch offset (already
				 * scaled, sign-extended, BLX H bit in; CBZ's
				 * zero-extended); T32 LDREX imm8 << 2; imm16 of
				 * MOVW/MOVT, SVC imm24, BKPT/UDF/HVC imm16,
				 * SMC imm4, barrier/hint option, CPS/SRS
				 * mode, SETEND E bit, LDC/STC imm8 << 2 */

	uint16_t reglist;       /* LDM/STM */

	/* Bitfields: lsb and width (BFC/BFI: msb-lsb+1; xBFX: widthm1+1).
	 * SSAT/USAT(16): sat is the saturate_to value of the pseudocode. */
	uint8_t lsb, width, sat;

	/* Halfword selectors: SMULxy/SMLAxy/SMLALxy n_top, m_top; SMULWy and
	 * SMLAWy m_top; SMLAD/SMLSD/SMUAD/SMUSD/SMLALD/SMLSLD m_swap (the X
	 * suffix); SMMUL/SMMLA/SMMLS round (the R suffix). */
	uint8_t n_top, m_top, m_swap, round;

	/* Coprocessor fields (A5.6, A8.8.99 MRC): coproc, opc1, opc2, CRn,
	 * CRm. LDC/STC use p/u/w/imm and the D bit in opc1 bit 0. */
	uint8_t coproc, opc1, opc2, crn, crm;

	/* MRS/MSR: r_spsr = 1 for SPSR; banked forms give SYSm in sysm;
	 * MSR's field mask (bits 19:16) is psr_mask. */
	uint8_t r_spsr, sysm, psr_mask;

	/* CRd of LDC/STC/CDP. */
	uint8_t crd;

	/* CPS (B9.3.1): imod, M and the A/I/F bits (A = bit 2); the mode
	 * is in imm. */
	uint8_t cps_imod, cps_m, cps_aif;
};

/* Decode one A32 instruction word. Always fills *out (op A32_UNDEF for
 * UNDEFINED encodings) and returns 0 for a defined op, -1 for UNDEF. */
int a32_decode(uint32_t insn, struct a32_insn *out);

/* The manual's mnemonic, in lower case, without condition or S suffix
 * (SMULxy is "smulxy"; parallel ops are e.g. "uqadd16"). */
const char *a32_op_name(enum a32_op op);

/* The data-processing ops whose carry comes from the shifter, not an
 * addition (A8.4.1): AND, EOR, TST, TEQ, ORR, ORN, MOV, BIC, MVN. */
bool a32_op_is_logical(enum a32_op op);

/* True for the ops only T32 encodes (ORN, CBZ/CBNZ, TBB/TBH, IT): the
 * A32 decoder never produces them. */
bool a32_op_is_t32_only(enum a32_op op);

/* True for the ops the monitor handles (privileged state, coprocessors
 * other than MRC/MCR, VFP/NEON). */
bool a32_op_is_system(enum a32_op op);

/* a32_op_is_system(), plus the encodings whose op alone does not say so:
 * data processing with S and Rd = PC is an exception return (SUBS PC, LR
 * and related, B9.3.20), and the coprocessor "2" forms. MRC/MCR are
 * left to the caller, which checks the coprocessor fields. */
bool a32_insn_is_system(const struct a32_insn *insn);

#endif
