/* x86-64 encoder: one routine (emit_op) lays out prefix, REX, opcode,
 * ModRM, SIB and displacement for every instruction; the rest are
 * one-liners naming opcodes. Intel SDM volume 2, chapter 2. */
#include <string.h>

#include "x86_emit.h"

/* Legacy prefixes and REX (SDM 2.1.1, 2.2.1). */
#define PFX_OPSIZE 0x66
#define PFX_ADDRSIZE 0x67
#define REX_BASE 0x40
#define REX_W 0x08
#define REX_R 0x04
#define REX_X 0x02
#define REX_B 0x01

/* ModRM mod field and special r/m encodings (SDM table 2-2, 2-3). */
#define MOD_DISP0 0x00
#define MOD_DISP8 0x40
#define MOD_DISP32 0x80
#define MOD_REG 0xc0
#define RM_SIB 4        /* r/m = 100: a SIB byte follows */
#define RM_DISP32 5     /* mod 00, r/m = 101: RIP-relative disp32 */
#define SIB_NO_INDEX 4  /* index = 100: none */
#define SIB_NO_BASE 5   /* mod 00, base = 101: disp32, no base */

/* Opcodes (SDM volume 2 instruction pages). Multi-byte opcodes are
 * written high byte first: 0x0fb6 is 0F B6. */
#define OP_ALU_RM_R 0x01      /* op r/m, r; 8-bit form is one less */
#define OP_ALU_R_RM 0x03      /* op r, r/m */
#define OP_ALU_IMM32 0x81
#define OP_ALU_IMM8 0x83
#define OP_ALU_ACC_IMM 0x05    /* op eAX, imm; 8-bit form 0x04 */
#define OP_TEST_RM_R 0x85
#define OP_TEST_ACC_IMM 0xa9   /* 8-bit form 0xa8 */
#define OP_XCHG_RM_R 0x87
#define OP_MOV_RM_R 0x89      /* store; 8-bit form 0x88 */
#define OP_MOV_R_RM 0x8b      /* load; 8-bit form 0x8a */
#define OP_LEA 0x8d
#define OP_MOV_R_IMM 0xb8     /* B8+r */
#define OP_MOV_RM_IMM 0xc7    /* 8-bit form 0xc6 */
#define OP_SHIFT_IMM 0xc1
#define OP_SHIFT_1 0xd1
#define OP_SHIFT_CL 0xd3
#define OP_GRP3 0xf7
#define OP_TEST_IMM_DIGIT 0
#define OP_GRP5 0xff
#define GRP5_CALL 2
#define GRP5_JMP 4
#define OP_PUSH_R 0x50
#define OP_POP_R 0x58
#define OP_MOVSXD 0x63
#define OP_IMUL_R_RM 0x0faf
#define OP_MOVZX8 0x0fb6
#define OP_MOVZX16 0x0fb7
#define OP_MOVSX8 0x0fbe
#define OP_MOVSX16 0x0fbf
#define OP_BT_IMM 0x0fba
#define BT_IMM_DIGIT 4
#define OP_BSR 0x0fbd
#define OP_BSWAP 0x0fc8       /* 0F C8+r */
#define OP_SETCC 0x0f90       /* 0F 90+cc */
#define OP_CMOVCC 0x0f40      /* 0F 40+cc */
#define OP_JCC32 0x0f80       /* 0F 80+cc */
#define OP_JCC8 0x70          /* 70+cc */
#define OP_JMP32 0xe9
#define OP_JMP8 0xeb
#define OP_CALL32 0xe8
#define OP_JRCXZ 0xe3
#define OP_RET 0xc3
#define OP_UD2 0x0f0b
#define OP_LAHF 0x9f
#define OP_SAHF 0x9e
#define OP_CMC 0xf5
#define OP_CLC 0xf8
#define OP_STC 0xf9
#define OP_PUSHF 0x9c
#define OP_POPF 0x9d

/* Byte registers 4-7 mean SPL/BPL/SIL/DIL only with a REX prefix
 * (SDM 3.4.1.1); without one they are AH/CH/DH/BH. */
#define BYTE_REG_NEEDS_REX(r) ((r) >= X86_RSP && (r) <= X86_RDI)

void x86_byte(struct x86_buf *b, uint8_t v)
{
	if (b->p < b->end)
		*b->p++ = v;
	else
		b->overflow = true;
}

void x86_u32(struct x86_buf *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		x86_byte(b, (uint8_t)(v >> (8 * i)));
}

static void emit_opcode(struct x86_buf *b, uint32_t opc)
{
	if (opc > 0xffff)
		x86_byte(b, (uint8_t)(opc >> 16));
	if (opc > 0xff)
		x86_byte(b, (uint8_t)(opc >> 8));
	x86_byte(b, (uint8_t)opc);
}

static bool fits8(int64_t v)
{
	return v >= -128 && v <= 127;
}

/* The operand that ModRM.r/m names: a register (mem == NULL) or memory. */
struct rm {
	int reg;
	const struct x86_mem *mem;
};

static void emit_mem(struct x86_buf *b, int reg, const struct x86_mem *m,
		     unsigned imm_len)
{
	uint8_t r = (uint8_t)((reg & 7) << 3);
	if (m->base == X86_RIP) {
		x86_byte(b, MOD_DISP0 | r | RM_DISP32);
		int64_t next = (int64_t)(intptr_t)b->p + 4 + imm_len;
		x86_u32(b, (uint32_t)(m->disp - next));
		return;
	}
	uint8_t idx = m->index == X86_NOREG ? SIB_NO_INDEX : (m->index & 7);
	uint8_t ss = m->scale == 8 ? 3 : m->scale == 4 ? 2 : m->scale == 2;
	if (m->base == X86_NOREG) {
		x86_byte(b, MOD_DISP0 | r | RM_SIB);
		x86_byte(b, (uint8_t)(ss << 6 | idx << 3 | SIB_NO_BASE));
		x86_u32(b, (uint32_t)m->disp);
		return;
	}
	uint8_t mod = MOD_DISP32;
	if (m->disp == 0 && (m->base & 7) != X86_RBP)
		mod = MOD_DISP0;
	else if (fits8(m->disp))
		mod = MOD_DISP8;
	if (m->index != X86_NOREG || (m->base & 7) == X86_RSP) {
		x86_byte(b, mod | r | RM_SIB);
		x86_byte(b, (uint8_t)(ss << 6 | idx << 3 | (m->base & 7)));
	} else {
		x86_byte(b, (uint8_t)(mod | r | (m->base & 7)));
	}
	if (mod == MOD_DISP8)
		x86_byte(b, (uint8_t)m->disp);
	else if (mod == MOD_DISP32)
		x86_u32(b, (uint32_t)m->disp);
}

/* Prefix, REX, opcode, ModRM, SIB, displacement. byte_regs says that
 * reg (bit 0) and/or a register r/m (bit 1) are 8-bit operands. imm_len
 * is the size of an immediate that follows (for RIP-relative operands). */
#define BYTE_REG 1
#define BYTE_RM 2
static void emit_op(struct x86_buf *b, x86_width w, uint32_t opc, int reg,
		    struct rm rm, unsigned byte_regs, unsigned imm_len)
{
	uint8_t rex = 0;
	if (rm.mem && rm.mem->addr32)
		x86_byte(b, PFX_ADDRSIZE);  /* GNU as puts it before 66h */
	if (w == 2)
		x86_byte(b, PFX_OPSIZE);
	if (w == 8)
		rex |= REX_W;
	if (reg & 8)
		rex |= REX_R;
	if ((byte_regs & BYTE_REG) && BYTE_REG_NEEDS_REX(reg))
		rex |= REX_BASE;
	if (rm.mem) {
		if (rm.mem->base >= 0 && (rm.mem->base & 8))
			rex |= REX_B;
		if (rm.mem->index >= 0 && (rm.mem->index & 8))
			rex |= REX_X;
	} else {
		if (rm.reg & 8)
			rex |= REX_B;
		if ((byte_regs & BYTE_RM) && BYTE_REG_NEEDS_REX(rm.reg))
			rex |= REX_BASE;
	}
	if (rex)
		x86_byte(b, REX_BASE | rex);
	emit_opcode(b, opc);
	if (rm.mem)
		emit_mem(b, reg, rm.mem, imm_len);
	else
		x86_byte(b, (uint8_t)(MOD_REG | (reg & 7) << 3 | (rm.reg & 7)));
}

static struct rm R(int r)
{
	return (struct rm){ .reg = r, .mem = NULL };
}

static struct rm M(const struct x86_mem *m)
{
	return (struct rm){ .reg = 0, .mem = m };
}

/* 8-bit forms of the classic opcodes are the 16/32/64-bit opcode - 1. */
static uint32_t sized(uint32_t opc, x86_width w)
{
	return w == 1 ? opc - 1 : opc;
}

static unsigned byte_flags(x86_width w, unsigned which)
{
	return w == 1 ? which : 0;
}

static void emit_imm(struct x86_buf *b, x86_width w, int32_t imm)
{
	if (w == 1)
		x86_byte(b, (uint8_t)imm);
	else if (w == 2) {
		x86_byte(b, (uint8_t)imm);
		x86_byte(b, (uint8_t)(imm >> 8));
	} else
		x86_u32(b, (uint32_t)imm);
}

static unsigned imm_size(x86_width w)
{
	return w > 4 ? 4 : w;
}

void x86_mov_rr(struct x86_buf *b, x86_width w, int dst, int src)
{
	emit_op(b, w, sized(OP_MOV_RM_R, w), src, R(dst),
		byte_flags(w, BYTE_REG | BYTE_RM), 0);
}

void x86_mov_ri(struct x86_buf *b, x86_width w, int dst, uint64_t imm)
{
	if (w == 8 && (int64_t)imm == (int32_t)imm) {
		emit_op(b, 8, OP_MOV_RM_IMM, 0, R(dst), 0, 4);
		x86_u32(b, (uint32_t)imm);
		return;
	}
	if (w == 8 && imm <= UINT32_MAX)
		w = 4;  /* a 32-bit mov zero-extends (SDM 3.4.1.1) */
	uint8_t rex = (uint8_t)((w == 8 ? REX_W : 0) | (dst & 8 ? REX_B : 0));
	if (w == 2)
		x86_byte(b, PFX_OPSIZE);
	if (rex)
		x86_byte(b, REX_BASE | rex);
	x86_byte(b, (uint8_t)(OP_MOV_R_IMM + (dst & 7)));
	if (w == 8) {
		x86_u32(b, (uint32_t)imm);
		x86_u32(b, (uint32_t)(imm >> 32));
	} else {
		emit_imm(b, w, (int32_t)imm);
	}
}

void x86_load(struct x86_buf *b, x86_width w, int dst, struct x86_mem m)
{
	emit_op(b, w, sized(OP_MOV_R_RM, w), dst, M(&m),
		byte_flags(w, BYTE_REG), 0);
}

void x86_store(struct x86_buf *b, x86_width w, struct x86_mem m, int src)
{
	emit_op(b, w, sized(OP_MOV_RM_R, w), src, M(&m),
		byte_flags(w, BYTE_REG), 0);
}

void x86_store_imm(struct x86_buf *b, x86_width w, struct x86_mem m,
		   int32_t imm)
{
	emit_op(b, w, sized(OP_MOV_RM_IMM, w), 0, M(&m), 0, imm_size(w));
	emit_imm(b, w, imm);
}

static uint32_t ext_op(x86_width src_w, bool sign)
{
	if (sign)
		return src_w == 1 ? OP_MOVSX8 : OP_MOVSX16;
	return src_w == 1 ? OP_MOVZX8 : OP_MOVZX16;
}

void x86_movzx_rr(struct x86_buf *b, x86_width src_w, int dst, int src)
{
	emit_op(b, 4, ext_op(src_w, false), dst, R(src),
		byte_flags(src_w, BYTE_RM), 0);
}

void x86_movsx_rr(struct x86_buf *b, x86_width src_w, int dst, int src)
{
	emit_op(b, 4, ext_op(src_w, true), dst, R(src),
		byte_flags(src_w, BYTE_RM), 0);
}

void x86_movzx_rm(struct x86_buf *b, x86_width src_w, int dst,
		  struct x86_mem m)
{
	emit_op(b, 4, ext_op(src_w, false), dst, M(&m), 0, 0);
}

void x86_movsx_rm(struct x86_buf *b, x86_width src_w, int dst,
		  struct x86_mem m)
{
	emit_op(b, 4, ext_op(src_w, true), dst, M(&m), 0, 0);
}

void x86_movsxd_rr(struct x86_buf *b, int dst, int src)
{
	emit_op(b, 8, OP_MOVSXD, dst, R(src), 0, 0);
}

void x86_lea(struct x86_buf *b, x86_width w, int dst, struct x86_mem m)
{
	emit_op(b, w, OP_LEA, dst, M(&m), 0, 0);
}

static void emit_short_reg(struct x86_buf *b, uint8_t opc, int r)
{
	if (r & 8)
		x86_byte(b, REX_BASE | REX_B);
	x86_byte(b, (uint8_t)(opc + (r & 7)));
}

void x86_push(struct x86_buf *b, int r)
{
	emit_short_reg(b, OP_PUSH_R, r);
}

void x86_pop(struct x86_buf *b, int r)
{
	emit_short_reg(b, OP_POP_R, r);
}

void x86_alu_rr(struct x86_buf *b, enum x86_alu op, x86_width w, int dst,
		int src)
{
	emit_op(b, w, sized(OP_ALU_RM_R + (op << 3), w), src, R(dst),
		byte_flags(w, BYTE_REG | BYTE_RM), 0);
}

/* The short accumulator form (no ModRM), which GNU as also prefers. */
static void acc_imm(struct x86_buf *b, uint32_t opc, x86_width w, int32_t imm)
{
	if (w == 2)
		x86_byte(b, PFX_OPSIZE);
	if (w == 8)
		x86_byte(b, REX_BASE | REX_W);
	x86_byte(b, (uint8_t)sized(opc, w));
	emit_imm(b, w, imm);
}

static void alu_imm(struct x86_buf *b, enum x86_alu op, x86_width w,
		    struct rm rm, int32_t imm)
{
	if (w != 1 && fits8(imm)) {
		emit_op(b, w, OP_ALU_IMM8, op, rm, 0, 1);
		x86_byte(b, (uint8_t)imm);
		return;
	}
	if (!rm.mem && rm.reg == X86_RAX) {
		acc_imm(b, OP_ALU_ACC_IMM + (op << 3), w, imm);
		return;
	}
	emit_op(b, w, sized(OP_ALU_IMM32, w), op, rm,
		byte_flags(w, BYTE_RM), imm_size(w));
	emit_imm(b, w, imm);
}

void x86_alu_ri(struct x86_buf *b, enum x86_alu op, x86_width w, int dst,
		int32_t imm)
{
	alu_imm(b, op, w, R(dst), imm);
}

void x86_alu_mi(struct x86_buf *b, enum x86_alu op, x86_width w,
		struct x86_mem m, int32_t imm)
{
	alu_imm(b, op, w, M(&m), imm);
}

void x86_alu_rm(struct x86_buf *b, enum x86_alu op, x86_width w, int dst,
		struct x86_mem m)
{
	emit_op(b, w, sized(OP_ALU_R_RM + (op << 3), w), dst, M(&m),
		byte_flags(w, BYTE_REG), 0);
}

void x86_alu_mr(struct x86_buf *b, enum x86_alu op, x86_width w,
		struct x86_mem m, int src)
{
	emit_op(b, w, sized(OP_ALU_RM_R + (op << 3), w), src, M(&m),
		byte_flags(w, BYTE_REG), 0);
}

void x86_test_rr(struct x86_buf *b, x86_width w, int r1, int r2)
{
	emit_op(b, w, sized(OP_TEST_RM_R, w), r2, R(r1),
		byte_flags(w, BYTE_REG | BYTE_RM), 0);
}

void x86_test_ri(struct x86_buf *b, x86_width w, int r, int32_t imm)
{
	if (r == X86_RAX) {
		acc_imm(b, OP_TEST_ACC_IMM, w, imm);
		return;
	}
	emit_op(b, w, sized(OP_GRP3, w), OP_TEST_IMM_DIGIT, R(r),
		byte_flags(w, BYTE_RM), imm_size(w));
	emit_imm(b, w, imm);
}

void x86_unary(struct x86_buf *b, enum x86_unary op, x86_width w, int r)
{
	emit_op(b, w, sized(OP_GRP3, w), op, R(r), byte_flags(w, BYTE_RM), 0);
}

void x86_imul_rr(struct x86_buf *b, x86_width w, int dst, int src)
{
	emit_op(b, w, OP_IMUL_R_RM, dst, R(src), 0, 0);
}

void x86_shift_ri(struct x86_buf *b, enum x86_shift op, x86_width w, int r,
		  uint8_t count)
{
	if (count == 1) {
		emit_op(b, w, sized(OP_SHIFT_1, w), op, R(r),
			byte_flags(w, BYTE_RM), 0);
		return;
	}
	emit_op(b, w, sized(OP_SHIFT_IMM, w), op, R(r),
		byte_flags(w, BYTE_RM), 1);
	x86_byte(b, count);
}

void x86_shift_rcl(struct x86_buf *b, enum x86_shift op, x86_width w, int r)
{
	emit_op(b, w, sized(OP_SHIFT_CL, w), op, R(r),
		byte_flags(w, BYTE_RM), 0);
}

void x86_bt_ri(struct x86_buf *b, x86_width w, int r, uint8_t bit)
{
	emit_op(b, w, OP_BT_IMM, BT_IMM_DIGIT, R(r), 0, 1);
	x86_byte(b, bit);
}

void x86_bsr(struct x86_buf *b, x86_width w, int dst, int src)
{
	emit_op(b, w, OP_BSR, dst, R(src), 0, 0);
}

void x86_bswap(struct x86_buf *b, x86_width w, int r)
{
	uint8_t rex = (uint8_t)((w == 8 ? REX_W : 0) | (r & 8 ? REX_B : 0));
	if (rex)
		x86_byte(b, REX_BASE | rex);
	emit_opcode(b, OP_BSWAP + (r & 7));
}

void x86_xchg_rr(struct x86_buf *b, x86_width w, int r1, int r2)
{
	emit_op(b, w, sized(OP_XCHG_RM_R, w), r2, R(r1),
		byte_flags(w, BYTE_REG | BYTE_RM), 0);
}

void x86_setcc(struct x86_buf *b, enum x86_cc cc, int r8)
{
	emit_op(b, 4, OP_SETCC + cc, 0, R(r8), BYTE_RM, 0);
}

void x86_cmov(struct x86_buf *b, enum x86_cc cc, x86_width w, int dst,
	      int src)
{
	emit_op(b, w, OP_CMOVCC + cc, dst, R(src), 0, 0);
}

void x86_lahf(struct x86_buf *b) { x86_byte(b, OP_LAHF); }
void x86_sahf(struct x86_buf *b) { x86_byte(b, OP_SAHF); }
void x86_cmc(struct x86_buf *b) { x86_byte(b, OP_CMC); }
void x86_clc(struct x86_buf *b) { x86_byte(b, OP_CLC); }
void x86_stc(struct x86_buf *b) { x86_byte(b, OP_STC); }
void x86_pushf(struct x86_buf *b) { x86_byte(b, OP_PUSHF); }
void x86_popf(struct x86_buf *b) { x86_byte(b, OP_POPF); }
void x86_ret(struct x86_buf *b) { x86_byte(b, OP_RET); }
void x86_ud2(struct x86_buf *b) { emit_opcode(b, OP_UD2); }

void x86_patch_rel32(uint8_t *field, const void *target)
{
	int64_t rel = (int64_t)(intptr_t)target - (int64_t)(intptr_t)(field + 4);
	uint32_t v = (uint32_t)rel;
	memcpy(field, &v, sizeof v);
}

bool x86_patch_rel8(uint8_t *field, const void *target)
{
	int64_t rel = (int64_t)(intptr_t)target - (int64_t)(intptr_t)(field + 1);
	if (!fits8(rel))
		return false;
	*field = (uint8_t)rel;
	return true;
}

static uint8_t *emit_rel32(struct x86_buf *b, uint32_t opc, const void *target)
{
	emit_opcode(b, opc);
	uint8_t *field = b->p;
	x86_u32(b, 0);
	if (!b->overflow)
		x86_patch_rel32(field, target);
	return field;
}

uint8_t *x86_jmp(struct x86_buf *b, const void *target)
{
	return emit_rel32(b, OP_JMP32, target);
}

uint8_t *x86_jcc(struct x86_buf *b, enum x86_cc cc, const void *target)
{
	return emit_rel32(b, OP_JCC32 + cc, target);
}

uint8_t *x86_call(struct x86_buf *b, const void *target)
{
	return emit_rel32(b, OP_CALL32, target);
}

static uint8_t *emit_rel8(struct x86_buf *b, uint8_t opc)
{
	x86_byte(b, opc);
	uint8_t *field = b->p;
	x86_byte(b, 0);
	return field;
}

uint8_t *x86_jcc8(struct x86_buf *b, enum x86_cc cc)
{
	return emit_rel8(b, (uint8_t)(OP_JCC8 + cc));
}

uint8_t *x86_jmp8(struct x86_buf *b)
{
	return emit_rel8(b, OP_JMP8);
}

uint8_t *x86_jrcxz(struct x86_buf *b)
{
	return emit_rel8(b, OP_JRCXZ);
}

void x86_jmp_r(struct x86_buf *b, int r)
{
	emit_op(b, 4, OP_GRP5, GRP5_JMP, R(r), 0, 0);
}

void x86_jmp_m(struct x86_buf *b, struct x86_mem m)
{
	emit_op(b, 4, OP_GRP5, GRP5_JMP, M(&m), 0, 0);
}

void x86_call_r(struct x86_buf *b, int r)
{
	emit_op(b, 4, OP_GRP5, GRP5_CALL, R(r), 0, 0);
}
