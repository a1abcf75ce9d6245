/* Data-processing instructions (ARM DDI 0406C A5.2.1-A5.2.3, A8.4 shifts):
 * the shifter operand in every form with its carry-out, then the ALU
 * operation mapped onto the x86 one that sets the same flags. Registers:
 * Rn and the result in EDX, the operand in ESI, a shift count in ECX,
 * a shifter carry (0/1) in R8D, R9D scratch. */
#include "cache.h"
#include "translate.h"

#define OP_REG X86_RSI
#define RES X86_RDX
#define CARRY X86_R8
#define TMP X86_RDI
#define SHIFT_CLAMP 63       /* 64-bit shifts see every count >= 32 */
#define SHIFT_COUNT_MASK 0xff /* A8.4.1: only Rs[7:0] counts */
#define SAVED_CF_BYTE 1      /* the LAHF image's byte within flags_priv[0] */

enum carry_kind { CARRY_OLD, CARRY_CONST, CARRY_REG };

struct operand {
	bool is_imm;
	uint32_t imm;
	int reg;            /* the value when !is_imm: OP_REG or a cached reg */
	enum carry_kind carry;
	uint8_t carry_const;
};

static bool is_compare(unsigned op)
{
	return op >= A32_TST && op <= A32_CMN;
}

/* Old C as 0/1 in reg, from the saved flags (the instruction keeps C,
 * so it was saved before the first clobber). */
static void load_old_carry(struct tr *t, int reg)
{
	x86_movzx_rm(&t->b, 1, reg, tr_cpu_mem(offsetof(struct arm_cpu, flags_priv) +
					      SAVED_CF_BYTE));
	x86_alu_ri(&t->b, X86_AND, 4, reg, 1);
}

/* CF as 0/1 in the carry register (SETcc writes only its low byte). */
static void carry_from_cf(struct tr *t)
{
	x86_setcc(&t->b, X86_CC_B, CARRY);
	x86_movzx_rr(&t->b, 1, CARRY, CARRY);
}

static void shift_imm(struct tr *t, const struct a32_insn *in, bool need_c,
		      struct operand *o)
{
	struct x86_buf *b = &t->b;
	unsigned n = in->shift_amount;
	static const enum x86_shift x86_of[] = { X86_SHL, X86_SHR, X86_SAR, X86_ROR };
	tr_get(t, OP_REG, in->rm);
	o->carry = CARRY_REG;
	if (in->shift_type == A32_SHIFT_RRX) {
		tr_flags_host(t);
		if (t->c_inv)
			x86_cmc(b);
		t->c_inv = false;
		x86_shift_ri(b, X86_RCR, 4, OP_REG, 1);
		if (need_c)
			carry_from_cf(t);
		t->fl_host = false;
	} else if (n == 32) {
		/* LSR #32: 0, carry bit 31; ASR #32: sign fill, carry bit 31. */
		if (need_c) {
			x86_mov_rr(b, 4, CARRY, OP_REG);
			x86_shift_ri(b, X86_SHR, 4, CARRY, 31);
		}
		if (in->shift_type == A32_SHIFT_LSR)
			x86_alu_rr(b, X86_XOR, 4, OP_REG, OP_REG);
		else
			x86_shift_ri(b, X86_SAR, 4, OP_REG, 31);
	} else {
		x86_shift_ri(b, x86_of[in->shift_type], 4, OP_REG, (uint8_t)n);
		if (need_c)
			carry_from_cf(t);
	}
}

/* Register-specified shift: counts 0-255, done in 64 bits so counts of
 * 32 and more come out as A8.4.2 says; a zero count keeps C. */
static void shift_reg(struct tr *t, const struct a32_insn *in, bool need_c,
		      struct operand *o)
{
	struct x86_buf *b = &t->b;
	tr_get(t, X86_RCX, in->rs);
	x86_movzx_rr(b, 1, X86_RCX, X86_RCX);
	tr_get(t, OP_REG, in->rm);
	o->carry = CARRY_REG;
	if (in->shift_type == A32_SHIFT_ROR) {
		x86_shift_rcl(b, X86_ROR, 4, OP_REG);
		if (need_c) {
			x86_mov_rr(b, 4, CARRY, OP_REG);
			x86_shift_ri(b, X86_SHR, 4, CARRY, 31);
		}
	} else {
		if (in->shift_type == A32_SHIFT_ASR)
			x86_movsxd_rr(b, OP_REG, OP_REG);
		x86_mov_ri(b, 4, TMP, SHIFT_CLAMP);
		x86_alu_ri(b, X86_CMP, 4, X86_RCX, SHIFT_CLAMP);
		x86_cmov(b, X86_CC_A, 4, X86_RCX, TMP);
		enum x86_shift op = in->shift_type == A32_SHIFT_LSL ? X86_SHL
				  : in->shift_type == A32_SHIFT_LSR ? X86_SHR
								    : X86_SAR;
		if (need_c) {
			/* LSL: carry = bit 32 of the 64-bit result; LSR/ASR:
			 * bit 0 of (value << 1) >> count. */
			x86_mov_rr(b, 8, CARRY, OP_REG);
			if (op == X86_SHL) {
				x86_shift_rcl(b, X86_SHL, 8, CARRY);
				x86_shift_ri(b, X86_SHR, 8, CARRY, 32);
			} else {
				x86_shift_ri(b, X86_SHL, 8, CARRY, 1);
				x86_shift_rcl(b, op, 8, CARRY);
			}
			x86_alu_ri(b, X86_AND, 4, CARRY, 1);
		}
		x86_shift_rcl(b, op, 8, OP_REG);
	}
	if (need_c) {
		x86_test_rr(b, 4, X86_RCX, X86_RCX);
		uint8_t *nonzero = x86_jcc8(b, X86_CC_NE);
		load_old_carry(t, CARRY);
		x86_patch_rel8(nonzero, b->p);
	}
}

static void get_operand(struct tr *t, const struct a32_insn *in,
			bool need_c, struct operand *o)
{
	*o = (struct operand){ .carry = CARRY_OLD, .reg = OP_REG };
	if (in->form == A32_FORM_IMM) {
		o->is_imm = true;
		o->imm = in->imm;
		if (in->imm_carry) {
			o->carry = CARRY_CONST;
			o->carry_const = (uint8_t)(in->imm >> 31);
		}
	} else if (in->form == A32_FORM_REG_IMM) {
		if (in->shift_type == A32_SHIFT_LSL && in->shift_amount == 0)
			o->reg = tr_src(t, in->rm, OP_REG);
		else
			shift_imm(t, in, need_c, o);
	} else {
		shift_reg(t, in, need_c, o);
	}
}

/* N, Z from the result, C from the shifter, V unchanged (A8.8.x "S").
 * nz_set: the x86 instruction that made res already set SF and ZF. */
static void logical_flags(struct tr *t, int res, const struct operand *o,
			  bool nz_set)
{
	int carry = -1, carry_reg = X86_NOREG;
	if (o->carry == CARRY_CONST)
		carry = o->carry_const;
	else if (o->carry == CARRY_REG)
		carry_reg = CARRY;
	tr_flags_nz(t, res, 4, nz_set, carry, carry_reg);
}

static void alu_op(struct tr *t, enum x86_alu op, int dst,
		   const struct operand *o)
{
	if (o->is_imm)
		x86_alu_ri(&t->b, op, 4, dst, (int32_t)o->imm);
	else
		x86_alu_rr(&t->b, op, 4, dst, o->reg);
}

/* The register to compute Rd in: its cache register when that does not
 * hold the operand still to be read, else the scratch RES. */
static int dest_reg(struct tr *t, const struct a32_insn *in,
		    const struct operand *o, bool reads_rn)
{
	if (in->rd == ARM_REG_PC)
		return RES;
	int d = tr_dst(t, in->rd);
	if (!o->is_imm && o->reg == d && (!reads_rn || in->rn != in->rd))
		return RES;
	return d;
}

static void set_rd(struct tr *t, const struct a32_insn *in, int res)
{
	if (in->rd == ARM_REG_PC && t->thumb) {
		/* ALUWritePC is BranchWritePC in Thumb state (A2.3.2): it
		 * stays there, whatever bit 0 of the result. */
		tr_clobber(t);
		x86_alu_ri(&t->b, X86_OR, 4, res, 1);
		tr_end_indirect(t, res);
	} else if (in->rd == ARM_REG_PC) {
		tr_end_indirect(t, res);
	} else if (res == RES || res == TMP) {
		tr_put(t, in->rd, res);
	}
}

/* Copy an operand register before modifying it (it may be a cache
 * register). */
static void own_operand(struct tr *t, struct operand *o)
{
	if (!o->is_imm && o->reg != OP_REG) {
		x86_mov_rr(&t->b, 4, OP_REG, o->reg);
		o->reg = OP_REG;
	}
}

static void logical(struct tr *t, const struct a32_insn *in,
		    struct operand *o)
{
	struct x86_buf *b = &t->b;
	unsigned op = in->op;
	bool move = op == A32_MOV || op == A32_MVN;
	bool cmp = op == A32_TST || op == A32_TEQ;
	int rn = move ? X86_NOREG : tr_src(t, in->rn, RES);
	int d = cmp ? RES : dest_reg(t, in, o, !move);
	if (move && o->is_imm)
		x86_mov_ri(b, 4, d, op == A32_MVN ? ~o->imm : o->imm);
	else if (move && o->reg != d)
		x86_mov_rr(b, 4, d, o->reg);
	if (op == A32_MVN && !o->is_imm)
		x86_unary(b, X86_NOT, 4, d);
	if (!move) {
		if (rn != d)
			x86_mov_rr(b, 4, d, rn);
		if (op == A32_BIC || op == A32_ORN) {
			if (o->is_imm)
				o->imm = ~o->imm;
			else {
				own_operand(t, o);
				x86_unary(b, X86_NOT, 4, OP_REG);
			}
		}
		enum x86_alu x = op == A32_AND || op == A32_BIC || op == A32_TST ? X86_AND
			       : op == A32_ORR || op == A32_ORN ? X86_OR : X86_XOR;
		alu_op(t, x, d, o);
	}
	if (in->s)
		logical_flags(t, d, o, !move);
	if (!cmp)
		set_rd(t, in, d);
}

static void arith_flags(struct tr *t, const struct a32_insn *in)
{
	unsigned op = in->op;
	if (in->s || is_compare(op)) {
		t->fl_host = true;
		t->fl_mem = false;
		t->c_inv = !(op == A32_ADD || op == A32_ADC || op == A32_CMN);
	} else {
		t->fl_host = false;
	}
}

/* ARM C after a subtraction is NOT borrow, the inverse of x86 CF. */
static void arith(struct tr *t, const struct a32_insn *in,
		  const struct operand *o)
{
	struct x86_buf *b = &t->b;
	unsigned op = in->op;
	static const enum x86_alu x86_of[] = {
		[A32_SUB] = X86_SUB, [A32_RSB] = X86_SUB, [A32_ADD] = X86_ADD,
		[A32_ADC] = X86_ADC, [A32_SBC] = X86_SBB, [A32_RSC] = X86_SBB,
		[A32_CMP] = X86_CMP, [A32_CMN] = X86_ADD,
	};
	bool reverse = op == A32_RSB || op == A32_RSC;
	int rn = tr_src(t, in->rn, RES);
	int d;
	if (op == A32_CMP) {
		d = rn;
	} else if (reverse) {
		d = TMP;
		if (o->is_imm)
			x86_mov_ri(b, 4, TMP, o->imm);
		else
			x86_mov_rr(b, 4, TMP, o->reg);
	} else {
		d = op == A32_CMN ? RES : dest_reg(t, in, o, true);
		if (rn != d)
			x86_mov_rr(b, 4, d, rn);
	}
	if (op == A32_ADC || op == A32_SBC || op == A32_RSC) {
		tr_flags_host(t);
		if (t->c_inv != (op != A32_ADC))
			x86_cmc(b);
	}
	if (reverse)
		x86_alu_rr(b, x86_of[op], 4, TMP, rn);
	else
		alu_op(t, x86_of[op], d, o);
	arith_flags(t, in);
	if (!is_compare(op))
		set_rd(t, in, d);
}

/* ADD/SUB without S through LEA, which leaves EFLAGS alone. */
static void add_sub_lea(struct tr *t, const struct a32_insn *in,
			struct operand *o)
{
	int rn = tr_src(t, in->rn, RES);
	if (in->op == A32_SUB && !o->is_imm) {
		/* rn - rm = rn + NOT rm + 1 */
		own_operand(t, o);
		x86_unary(&t->b, X86_NOT, 4, OP_REG);
	}
	int d = in->rd == ARM_REG_PC ? RES : tr_dst(t, in->rd);
	if (o->is_imm) {
		int32_t k = (int32_t)(in->op == A32_ADD ? o->imm : -o->imm);
		x86_lea(&t->b, 4, d, x86_m(rn, k));
	} else {
		x86_lea(&t->b, 4, d, x86_mi(rn, o->reg, 1, in->op == A32_SUB));
	}
	set_rd(t, in, d);
}

static bool flag_free_operand(const struct a32_insn *in)
{
	return in->form == A32_FORM_IMM ||
	       (in->form == A32_FORM_REG_IMM &&
		in->shift_type == A32_SHIFT_LSL && in->shift_amount == 0);
}

static void movw_movt(struct tr *t, const struct a32_insn *in)
{
	if (in->op == A32_MOVW) {
		tr_put_imm(t, in->rd, in->imm);
		return;
	}
	/* MOVT writes the top half only: a 16-bit store. */
	struct x86_mem top = tr_reg_mem(in->rd);
	top.disp += 2;
	tr_forget(t, in->rd);
	x86_store_imm(&t->b, 2, top, (int32_t)in->imm);
}

/* MOVS Rd, Rm, LSL/LSR/ASR #1-31: the x86 shift sets SF, ZF and CF
 * exactly as ARM sets N, Z and C (SDM "SAL/SAR/SHL/SHR": CF = last bit
 * out), so only V stays behind in the image. */
static bool movs_shift(struct tr *t, const struct a32_insn *in)
{
	static const enum x86_shift x86_of[] = { X86_SHL, X86_SHR, X86_SAR };
	if (in->op != A32_MOV || !in->s || in->rd == ARM_REG_PC ||
	    in->form != A32_FORM_REG_IMM || in->shift_type > A32_SHIFT_ASR ||
	    in->shift_amount == 0 || in->shift_amount >= 32)
		return false;
	int rm = tr_src(t, in->rm, OP_REG);
	int d = tr_dst(t, in->rd);
	if (d != rm)
		x86_mov_rr(&t->b, 4, d, rm);
	x86_shift_ri(&t->b, x86_of[in->shift_type], 4, d, in->shift_amount);
	tr_flags_nzc_host(t);
	return true;
}

bool dbt_tr_dp(struct tr *t, const struct a32_insn *in)
{
	unsigned op = in->op;
	if (op == A32_MOVW || op == A32_MOVT) {
		movw_movt(t, in);
		return true;
	}
	if ((op < A32_AND || op > A32_MVN) && op != A32_ORN)
		return false;
	if (in->rd == ARM_REG_PC && in->s && !is_compare(op)) {
		/* SUBS PC, LR and friends return from an exception: not
		 * available in User mode (B9.3.19). */
		tr_end_exit(t, DBT_EXIT_UNDEF, t->pc);
		return true;
	}
	bool flag_free = !in->s && flag_free_operand(in) &&
			 (op == A32_MOV || op == A32_MVN || op == A32_ADD ||
			  op == A32_SUB);
	if (!flag_free)
		tr_clobber(t);
	if (movs_shift(t, in))
		return true;
	bool logic = a32_op_is_logical((enum a32_op)op);
	bool need_c = logic && in->s && (t->live_after & TR_C);
	struct operand o;
	get_operand(t, in, need_c, &o);
	if (logic)
		logical(t, in, &o);
	else if (flag_free)
		add_sub_lea(t, in, &o);
	else
		arith(t, in, &o);
	return true;
}
