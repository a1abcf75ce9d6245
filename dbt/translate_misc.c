/* Branches, exception-generating instructions, hints and barriers, the
 * CP15 thread-ID read, and the bit-manipulation group: CLZ, byte and bit
 * reversal, sign/zero extension (with add) and bitfields (ARM DDI 0406C
 * A5.4.3-A5.4.6, A8.8). Scratch: ECX, EDX, ESI. */
#include "cache.h"
#include "translate.h"

#define BYTE_BITS 8
#define HALF_BITS 16
#define WORD_BITS 32
#define BSR_ZERO_INPUT 63  /* XOR 31 gives 32, CLZ(0) (A8.8.33) */
#define CP15 15
/* TPIDRURO is CP15 c13, c0, opc1 0, opc2 3 (B4.1.150). */
#define TPIDRURO_CRN 13
#define TPIDRURO_CRM 0
#define TPIDRURO_OPC1 0
#define TPIDRURO_OPC2 3

/* MRC p15, 0, Rt, c13, c0, 3: TPIDRURO (B4.1.150), readable at PL0. */
bool dbt_is_tpidruro_read(const struct a32_insn *in)
{
	return in->op == A32_MRC && in->coproc == CP15 &&
	       in->opc1 == TPIDRURO_OPC1 && in->crn == TPIDRURO_CRN &&
	       in->crm == TPIDRURO_CRM && in->opc2 == TPIDRURO_OPC2 &&
	       in->rt != ARM_REG_PC;
}

bool dbt_is_apsr_access(const struct a32_insn *in)
{
	return (in->op == A32_MRS || in->op == A32_MSR_REG ||
		in->op == A32_MSR_IMM) && !in->r_spsr;
}

/* Called from translated code with the flags in memory. */
static uint32_t helper_mrs(struct arm_cpu *cpu)
{
	return arm_cpu_cpsr(cpu);
}

static void helper_msr(struct arm_cpu *cpu, uint32_t val, uint32_t mask)
{
	uint32_t keep = 0, cpsr = arm_cpu_cpsr(cpu);
	if (!(mask & TR_PSR_MASK_NZCVQ))
		keep |= ARM_CPSR_NZCV | ARM_CPSR_Q;
	if (!(mask & TR_PSR_MASK_G))
		keep |= ARM_CPSR_GE_MASK;
	uint32_t apsr = ARM_CPSR_NZCV | ARM_CPSR_Q | ARM_CPSR_GE_MASK;
	arm_cpu_set_cpsr(cpu, (cpsr & (keep | ~apsr)) | (val & apsr & ~keep));
}

static void apsr_access(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	tr_clobber(t);
	x86_mov_rr(b, 8, X86_RDI, TR_CPU);
	if (in->op == A32_MRS) {
		tr_call(t, (const void *)helper_mrs);
		tr_put(t, in->rd, X86_RAX);
		return;
	}
	if (in->op == A32_MSR_IMM)
		x86_mov_ri(b, 4, X86_RSI, in->imm);
	else
		tr_get(t, X86_RSI, in->rn);
	x86_mov_ri(b, 4, X86_RDX, in->psr_mask);
	tr_call(t, (const void *)helper_msr);
	t->fl_mem = true;
	t->fl_host = false;
	t->split = TR_SPLIT_NONE;
}

/* The return address a call leaves in LR: in Thumb state with bit 0
 * set, so that BX LR comes back to Thumb (A8.8.25). */
static void link(struct tr *t)
{
	tr_put_imm(t, ARM_REG_LR, tr_tag(t, tr_next_pc(t)));
}

/* B, BL and BLX (immediate), A8.8.18, A8.8.25. BLX switches state; its
 * Thumb form branches from Align(PC, 4). */
static void branch(struct tr *t, const struct a32_insn *in)
{
	uint32_t pc = tr_pc_value(t);
	if (in->op != A32_B)
		link(t);
	if (in->op != A32_BLX_IMM)
		tr_end_direct(t, tr_tag(t, pc + in->imm));
	else if (t->thumb)
		tr_end_direct(t, (pc & ~3u) + in->imm);
	else
		tr_end_direct(t, (pc + in->imm) | 1u);
}

static void branch_reg(struct tr *t, const struct a32_insn *in)
{
	tr_get(t, X86_RDX, in->rm);
	if (in->op == A32_BLX_REG)
		link(t);
	tr_end_indirect(t, X86_RDX);
}

/* CBZ/CBNZ (A8.8.29): a forward branch on Rn being zero or not, which
 * leaves the block only when taken, like a conditional B. */
static void compare_branch(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	tr_clobber(t);
	int r = tr_src(t, in->rn, X86_RCX);
	x86_test_rr(b, 4, r, r);
	uint8_t *skip = x86_jcc(b, in->op == A32_CBZ ? X86_CC_NE : X86_CC_E, b->p);
	struct tr_flag_state s0 = tr_flags_get(t);
	struct tr_rc_state rc0 = t->rc;
	tr_end_direct(t, tr_tag(t, tr_pc_value(t) + in->imm));
	x86_patch_rel32(skip, b->p);
	tr_flags_set(t, s0);
	t->rc = rc0;
	t->ended = false;
	if (t->idx == t->n - 1)
		tr_end_direct(t, tr_tag(t, tr_next_pc(t)));
}

static bool control(struct tr *t, const struct a32_insn *in)
{
	switch (in->op) {
	case A32_B: case A32_BL: case A32_BLX_IMM:
		branch(t, in);
		return true;
	case A32_CBZ: case A32_CBNZ:
		compare_branch(t, in);
		return true;
	case A32_BX: case A32_BLX_REG: case A32_BXJ:
		/* BXJ: no Jazelle, so it is BX (A8.8.28). */
		branch_reg(t, in);
		return true;
	case A32_SVC:
		x86_store_imm(&t->b, 4, TR_CPU_FIELD(svc_imm), (int32_t)in->imm);
		tr_end_exit(t, DBT_EXIT_SVC, tr_next_pc(t));
		return true;
	case A32_BKPT:
		tr_end_exit(t, DBT_EXIT_BKPT, t->pc);
		return true;
	case A32_UDF:
		tr_end_exit(t, DBT_EXIT_UNDEF, t->pc);
		return true;
	case A32_MRC:
	case A32_MCR:
		if (dbt_is_tpidruro_read(in)) {
			x86_load(&t->b, 4, X86_RCX, TR_CPU_FIELD(tpidruro));
			tr_put(t, in->rt, X86_RCX);
		} else {
			tr_end_exit(t, DBT_EXIT_UNDEF, t->pc);
		}
		return true;
	case A32_MRS: case A32_MSR_REG: case A32_MSR_IMM:
		if (dbt_is_apsr_access(in))
			apsr_access(t, in);
		else
			tr_end_exit(t, DBT_EXIT_UNDEF, t->pc);
		return true;
	case A32_CLREX:
		x86_store_imm(&t->b, 1, TR_CPU_FIELD(exclusive_valid), 0);
		return true;
	case A32_NOP: case A32_YIELD: case A32_WFE: case A32_WFI:
	case A32_SEV: case A32_DBG: case A32_PLD: case A32_PLDW: case A32_PLI:
	case A32_DMB: case A32_DSB: case A32_ISB:
		/* One guest CPU on a TSO host, code coherent by construction
		 * (DESIGN.md): barriers, hints and preloads have nothing to do.
		 * WFI/WFE may complete at once (B1.8.13). */
		return true;
	default:
		return false;
	}
}

/* CLZ via BSR: 31 - index of the top set bit, with 63 standing in for a
 * zero input so that XOR 31 gives 32. */
static void clz(struct tr *t, int v)
{
	struct x86_buf *b = &t->b;
	x86_mov_ri(b, 4, X86_RSI, BSR_ZERO_INPUT);
	x86_bsr(b, 4, X86_RDX, v);
	x86_cmov(b, X86_CC_E, 4, X86_RDX, X86_RSI);
	x86_alu_ri(b, X86_XOR, 4, X86_RDX, WORD_BITS - 1);
	x86_mov_rr(b, 4, v, X86_RDX);
}

/* RBIT: swap adjacent bits, pairs and nibbles, then bytes. */
static void rbit(struct tr *t, int v)
{
	static const uint32_t masks[] = { 0x55555555, 0x33333333, 0x0f0f0f0f };
	struct x86_buf *b = &t->b;
	for (unsigned i = 0; i < 3; i++) {
		uint8_t sh = (uint8_t)(1u << i);
		x86_mov_rr(b, 4, X86_RDX, v);
		x86_shift_ri(b, X86_SHR, 4, X86_RDX, sh);
		x86_alu_ri(b, X86_AND, 4, X86_RDX, (int32_t)masks[i]);
		x86_alu_ri(b, X86_AND, 4, v, (int32_t)masks[i]);
		x86_shift_ri(b, X86_SHL, 4, v, sh);
		x86_alu_rr(b, X86_OR, 4, v, X86_RDX);
	}
	x86_bswap(b, 4, v);
}

static bool reverse(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	int v = X86_RCX;
	switch (in->op) {
	case A32_CLZ: case A32_REV: case A32_REV16: case A32_REVSH:
	case A32_RBIT:
		break;
	default:
		return false;
	}
	tr_clobber(t);
	tr_get(t, v, in->rm);
	if (in->op == A32_CLZ)
		clz(t, v);
	else if (in->op == A32_RBIT)
		rbit(t, v);
	else
		x86_bswap(b, 4, v);
	if (in->op == A32_REV16)
		x86_shift_ri(b, X86_ROR, 4, v, HALF_BITS);
	else if (in->op == A32_REVSH)
		x86_shift_ri(b, X86_SAR, 4, v, HALF_BITS);
	tr_put(t, in->rd, v);
	return true;
}

static bool is_extend(unsigned op)
{
	return op >= A32_SXTAB && op <= A32_UXTH;
}

/* The two bytes at bits 7:0 and 23:16, extended to halfwords, each
 * optionally added to the matching halfword of Rn (A8.8.222, A8.8.272). */
static void extend16(struct tr *t, const struct a32_insn *in, bool sign,
		     bool add)
{
	struct x86_buf *b = &t->b;
	int v = X86_RCX, hi = X86_RSI, lo = X86_RDX;
	x86_mov_rr(b, 4, hi, v);
	x86_shift_ri(b, X86_SHR, 4, hi, HALF_BITS);
	if (sign) {
		x86_movsx_rr(b, 1, lo, v);
		x86_movsx_rr(b, 1, hi, hi);
	} else {
		x86_movzx_rr(b, 1, lo, v);
		x86_movzx_rr(b, 1, hi, hi);
	}
	if (add) {
		tr_get(t, v, in->rn);
		x86_alu_rr(b, X86_ADD, 4, lo, v);
		x86_shift_ri(b, X86_SHR, 4, v, HALF_BITS);
		x86_alu_rr(b, X86_ADD, 4, hi, v);
	}
	x86_movzx_rr(b, 2, v, lo);
	x86_shift_ri(b, X86_SHL, 4, hi, HALF_BITS);
	x86_alu_rr(b, X86_OR, 4, v, hi);
}

static void extend(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	unsigned op = in->op;
	int v = X86_RCX;
	bool sign = op <= A32_SXTH;
	bool add = op == A32_SXTAB || op == A32_SXTAB16 || op == A32_SXTAH ||
		   op == A32_UXTAB || op == A32_UXTAB16 || op == A32_UXTAH;
	bool half = op == A32_SXTAH || op == A32_SXTH || op == A32_UXTAH ||
		    op == A32_UXTH;
	tr_clobber(t);
	tr_get(t, v, in->rm);
	if (in->shift_amount)
		x86_shift_ri(b, X86_ROR, 4, v, in->shift_amount);
	if (op == A32_SXTAB16 || op == A32_SXTB16 || op == A32_UXTAB16 ||
	    op == A32_UXTB16) {
		extend16(t, in, sign, add);
	} else {
		if (sign)
			x86_movsx_rr(b, half ? 2 : 1, v, v);
		else
			x86_movzx_rr(b, half ? 2 : 1, v, v);
		if (add)
			x86_alu_rr(b, X86_ADD, 4, v, tr_src(t, in->rn, X86_RDX));
	}
	tr_put(t, in->rd, v);
}

static uint32_t low_mask(unsigned width)
{
	return width >= WORD_BITS ? ~0u : (1u << width) - 1;
}

/* BFC, BFI, SBFX, UBFX (A8.8.20, A8.8.21, A8.8.164, A8.8.239). */
static bool bitfield(struct tr *t, const struct a32_insn *in)
{
	struct x86_buf *b = &t->b;
	unsigned op = in->op;
	if (op != A32_BFC && op != A32_BFI && op != A32_SBFX && op != A32_UBFX)
		return false;
	tr_clobber(t);
	int v = X86_RCX;
	if (op == A32_SBFX || op == A32_UBFX) {
		tr_get(t, v, in->rn);
		uint8_t up = (uint8_t)(WORD_BITS - in->lsb - in->width);
		if (up)
			x86_shift_ri(b, X86_SHL, 4, v, up);
		uint8_t down = (uint8_t)(WORD_BITS - in->width);
		if (down)
			x86_shift_ri(b, op == A32_SBFX ? X86_SAR : X86_SHR, 4, v, down);
	} else {
		uint32_t mask = low_mask(in->width) << in->lsb;
		tr_get(t, v, in->rd);
		x86_alu_ri(b, X86_AND, 4, v, (int32_t)~mask);
		if (op == A32_BFI) {
			tr_get(t, X86_RDX, in->rn);
			if (in->lsb)
				x86_shift_ri(b, X86_SHL, 4, X86_RDX, in->lsb);
			x86_alu_ri(b, X86_AND, 4, X86_RDX, (int32_t)mask);
			x86_alu_rr(b, X86_OR, 4, v, X86_RDX);
		}
	}
	tr_put(t, in->rd, v);
	return true;
}

bool dbt_tr_misc(struct tr *t, const struct a32_insn *in)
{
	if (control(t, in) || reverse(t, in) || bitfield(t, in))
		return true;
	if (!is_extend(in->op))
		return false;
	extend(t, in);
	return true;
}
