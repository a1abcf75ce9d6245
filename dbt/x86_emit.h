/* A small x86-64 instruction encoder for the translator. Every instruction
 * goes through one REX/ModRM/SIB routine (x86_emit.c); the helpers here
 * name the few instruction forms the translator needs. Encodings follow
 * the Intel SDM, volume 2 (chapter 2, "Instruction Format"), and the unit
 * test checks them byte for byte against GNU as. */
#ifndef DBT_X86_EMIT_H
#define DBT_X86_EMIT_H

#include <stdbool.h>
#include <stdint.h>

/* Register numbers as encoded in ModRM/SIB plus REX.R/X/B (SDM 2.2.1). */
enum x86_reg {
	X86_RAX, X86_RCX, X86_RDX, X86_RBX, X86_RSP, X86_RBP, X86_RSI, X86_RDI,
	X86_R8, X86_R9, X86_R10, X86_R11, X86_R12, X86_R13, X86_R14, X86_R15,
};
#define X86_NOREG (-1)
/* AH, the legacy high byte of RAX: byte operand of an instruction
 * without REX only (SDM 3.4.1.1). Its encoding is that of SPL. */
#define X86_AH 20
#define X86_RIP (-2)   /* base of a RIP-relative memory operand */

/* Condition codes, the low nibble of Jcc/SETcc/CMOVcc (SDM appendix B.1.4.7). */
enum x86_cc {
	X86_CC_O, X86_CC_NO, X86_CC_B, X86_CC_AE, X86_CC_E, X86_CC_NE,
	X86_CC_BE, X86_CC_A, X86_CC_S, X86_CC_NS, X86_CC_P, X86_CC_NP,
	X86_CC_L, X86_CC_GE, X86_CC_LE, X86_CC_G,
};
#define X86_CC_INVERT(cc) ((enum x86_cc)((cc) ^ 1))

/* The eight classic ALU operations: the /digit of opcodes 80/81/83 and
 * bits 5:3 of the two-operand opcodes (SDM "ADD", "SUB", ...). */
enum x86_alu {
	X86_ADD, X86_OR, X86_ADC, X86_SBB, X86_AND, X86_SUB, X86_XOR, X86_CMP,
};

/* The /digit of the shift group C0/C1/D1/D3 (SDM "SAL/SAR/SHL/SHR",
 * "RCL/RCR/ROL/ROR"). */
enum x86_shift {
	X86_ROL, X86_ROR, X86_RCL, X86_RCR, X86_SHL, X86_SHR, X86_SAR = 7,
};

/* The /digit of group F7 (SDM "NOT", "NEG", "MUL", "IMUL", "DIV", "IDIV"). */
enum x86_unary {
	X86_NOT = 2, X86_NEG, X86_MUL, X86_IMUL1, X86_DIV, X86_IDIV,
};

/* A memory operand: [base + index*scale + disp]. base may be X86_NOREG
 * (absolute disp32) or X86_RIP (disp is then the absolute target and the
 * encoder makes it relative). scale is 1, 2, 4 or 8. addr32 selects
 * 32-bit address arithmetic (prefix 67h, SDM 2.1.1), so a guest address
 * wraps at 4 GiB exactly as on ARM. */
struct x86_mem {
	int8_t base, index;
	uint8_t scale;
	bool addr32;
	int64_t disp;
};

static inline struct x86_mem x86_m(int base, int32_t disp)
{
	return (struct x86_mem){ .base = (int8_t)base, .index = X86_NOREG,
				 .scale = 1, .disp = disp };
}

static inline struct x86_mem x86_mi(int base, int index, int scale,
				    int32_t disp)
{
	return (struct x86_mem){ .base = (int8_t)base, .index = (int8_t)index,
				 .scale = (uint8_t)scale, .disp = disp };
}

/* A guest access: [base32 + index32*scale + disp] wrapping at 4 GiB. */
static inline struct x86_mem x86_g(int base, int index, int scale,
				   int32_t disp)
{
	return (struct x86_mem){ .base = (int8_t)base, .index = (int8_t)index,
				 .scale = (uint8_t)scale, .addr32 = true,
				 .disp = disp };
}

static inline struct x86_mem x86_rip(const void *target)
{
	return (struct x86_mem){ .base = X86_RIP, .index = X86_NOREG,
				 .scale = 1, .disp = (int64_t)(intptr_t)target };
}

/* The output buffer. Emitting past end sets overflow and stops writing;
 * the caller checks it once per block. */
struct x86_buf {
	uint8_t *p, *end;
	bool overflow;
};

/* Operand width in bytes: 1, 2, 4 or 8. */
typedef unsigned x86_width;

void x86_byte(struct x86_buf *b, uint8_t v);
void x86_u32(struct x86_buf *b, uint32_t v);

/* Data movement. */
void x86_mov_rr(struct x86_buf *b, x86_width w, int dst, int src);
void x86_mov_ri(struct x86_buf *b, x86_width w, int dst, uint64_t imm);
void x86_load(struct x86_buf *b, x86_width w, int dst, struct x86_mem m);
void x86_store(struct x86_buf *b, x86_width w, struct x86_mem m, int src);
void x86_store_imm(struct x86_buf *b, x86_width w, struct x86_mem m,
		   int32_t imm);
/* Zero/sign extension of an 8- or 16-bit source into a 32-bit register. */
void x86_movzx_rr(struct x86_buf *b, x86_width src_w, int dst, int src);
void x86_movsx_rr(struct x86_buf *b, x86_width src_w, int dst, int src);
void x86_movzx_rm(struct x86_buf *b, x86_width src_w, int dst,
		  struct x86_mem m);
void x86_movsx_rm(struct x86_buf *b, x86_width src_w, int dst,
		  struct x86_mem m);
void x86_movsxd_rr(struct x86_buf *b, int dst, int src);
void x86_lea(struct x86_buf *b, x86_width w, int dst, struct x86_mem m);
void x86_push(struct x86_buf *b, int r);
void x86_pop(struct x86_buf *b, int r);

/* Arithmetic and logic. */
void x86_alu_rr(struct x86_buf *b, enum x86_alu op, x86_width w, int dst,
		int src);
void x86_alu_ri(struct x86_buf *b, enum x86_alu op, x86_width w, int dst,
		int32_t imm);
void x86_alu_rm(struct x86_buf *b, enum x86_alu op, x86_width w, int dst,
		struct x86_mem m);
void x86_alu_mr(struct x86_buf *b, enum x86_alu op, x86_width w,
		struct x86_mem m, int src);
void x86_alu_mi(struct x86_buf *b, enum x86_alu op, x86_width w,
		struct x86_mem m, int32_t imm);
void x86_test_rr(struct x86_buf *b, x86_width w, int r1, int r2);
void x86_test_ri(struct x86_buf *b, x86_width w, int r, int32_t imm);
void x86_unary(struct x86_buf *b, enum x86_unary op, x86_width w, int r);
void x86_imul_rr(struct x86_buf *b, x86_width w, int dst, int src);
void x86_shift_ri(struct x86_buf *b, enum x86_shift op, x86_width w, int r,
		  uint8_t count);
void x86_shift_rcl(struct x86_buf *b, enum x86_shift op, x86_width w, int r);
void x86_bt_ri(struct x86_buf *b, x86_width w, int r, uint8_t bit);
void x86_bsr(struct x86_buf *b, x86_width w, int dst, int src);
void x86_bswap(struct x86_buf *b, x86_width w, int r);
void x86_xchg_rr(struct x86_buf *b, x86_width w, int r1, int r2);
void x86_setcc(struct x86_buf *b, enum x86_cc cc, int r8);
void x86_cmov(struct x86_buf *b, enum x86_cc cc, x86_width w, int dst,
	      int src);

/* Flag transfers (SDM "LAHF", "SAHF", "CMC", "CLC", "STC", "PUSHF"). */
void x86_lahf(struct x86_buf *b);
void x86_sahf(struct x86_buf *b);
void x86_cmc(struct x86_buf *b);
void x86_clc(struct x86_buf *b);
void x86_stc(struct x86_buf *b);
void x86_pushf(struct x86_buf *b);
void x86_popf(struct x86_buf *b);

/* Control flow. The rel32 forms return the address of their 4-byte
 * displacement so callers can patch it (x86_patch_rel32). */
uint8_t *x86_jmp(struct x86_buf *b, const void *target);
uint8_t *x86_jcc(struct x86_buf *b, enum x86_cc cc, const void *target);
uint8_t *x86_call(struct x86_buf *b, const void *target);
/* Short forms: return the address of the rel8, for x86_patch_rel8. */
uint8_t *x86_jcc8(struct x86_buf *b, enum x86_cc cc);
uint8_t *x86_jmp8(struct x86_buf *b);
uint8_t *x86_jrcxz(struct x86_buf *b);
void x86_jmp_r(struct x86_buf *b, int r);
void x86_jmp_m(struct x86_buf *b, struct x86_mem m);
void x86_call_r(struct x86_buf *b, int r);
void x86_ret(struct x86_buf *b);
void x86_ud2(struct x86_buf *b);

/* Point a rel32/rel8 field at target; false if the rel8 cannot reach. */
void x86_patch_rel32(uint8_t *field, const void *target);
bool x86_patch_rel8(uint8_t *field, const void *target);

#endif
