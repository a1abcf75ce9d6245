/* The system instructions that access memory (ARM DDI 0406C B9.3): SRS
 * and RFE, LDM/STM of the User registers, LDM with PC and ^ (exception
 * return), and the unprivileged loads and stores (LDRT family, A8.8) when
 * the monitor runs them at PL1. Memory goes through struct arm_sys_mem;
 * a fault is a precise Data Abort with no register changed. */
#include "guest-arm/arm_sys.h"

#include "dbt/a32_decode.h"
#include "guest-arm/arm_sys_int.h"

#define WORD 4u
#define WORD_ALIGN_MASK 3u
#define MAX_REGS 16
#define HALF_SIGN_BITS 16
#define BYTE_SIGN_BITS 24

/* MemA word accesses (A3.2.1): LDM, STM, SRS and RFE fault on a
 * misaligned address whatever SCTLR.A says. */
static int rd_word(struct sys_ctx *c, uint32_t va, bool priv, uint32_t *out)
{
	struct arm_walk_result f = { .fs = ARM_FS_ALIGNMENT };

	if ((va & WORD_ALIGN_MASK) ||
	    c->mem->read(c->mem->ctx, va, WORD, priv, out, &f)) {
		sys_data_abort(c, va, false, &f);
		return -1;
	}
	return 0;
}

static int wr_word(struct sys_ctx *c, uint32_t va, bool priv, uint32_t val)
{
	struct arm_walk_result f = { .fs = ARM_FS_ALIGNMENT };

	if ((va & WORD_ALIGN_MASK) ||
	    c->mem->write(c->mem->ctx, va, WORD, priv, val, &f)) {
		sys_data_abort(c, va, true, &f);
		return -1;
	}
	return 0;
}

/* The lowest address an LDM/STM/SRS/RFE of `bytes` touches from base
 * (A8.8.58-A8.8.61 and B9.3.13/B9.3.16: increment/before from U and P). */
static uint32_t block_start(const struct a32_insn *in, uint32_t base,
			    uint32_t bytes)
{
	uint32_t start = in->u ? base : base - bytes;
	if (in->p == in->u)      /* IB and DA: "wordhigher" */
		start += WORD;
	return start;
}

static uint32_t block_wback(const struct a32_insn *in, uint32_t base,
			    uint32_t bytes)
{
	return in->u ? base + bytes : base - bytes;
}

/* SRS (B9.3.16): LR and SPSR of the current mode to the stack of
 * another; UNPREDICTABLE (here UNDEFINED) in User and System modes. */
static void srs(struct sys_ctx *c)
{
	struct arm_sys *s = c->s;
	uint32_t *spsr = arm_sys_cur_spsr(s);
	int target = arm_sys_bank(c->in->imm);
	int cur = arm_sys_bank(s->cpsr & ARM_CPSR_MODE_MASK);

	if (!spsr || target < 0) {
		sys_undef(c);
		return;
	}
	uint32_t *sp = target == cur ? &c->cpu->r[ARM_REG_SP]
				     : &s->banks.r13[target];
	uint32_t addr = block_start(c->in, *sp, 2 * WORD);
	if (wr_word(c, addr, true, c->cpu->r[ARM_REG_LR]) ||
	    wr_word(c, addr + WORD, true, *spsr))
		return;
	if (c->in->w)
		*sp = block_wback(c->in, *sp, 2 * WORD);
}

/* RFE (B9.3.13): PC and CPSR from memory; UNPREDICTABLE (UNDEFINED here)
 * in User mode. */
static void rfe(struct sys_ctx *c)
{
	uint32_t base = c->cpu->r[c->in->rn], pc, psr;
	uint32_t addr = block_start(c->in, base, 2 * WORD);

	if (!arm_sys_privileged(c->s)) {
		sys_undef(c);
		return;
	}
	if (rd_word(c, addr, true, &pc) || rd_word(c, addr + WORD, true, &psr))
		return;
	if (c->in->w)
		c->cpu->r[c->in->rn] = block_wback(c->in, base, 2 * WORD);
	sys_exception_return(c, pc, psr);
}

/* Without __builtin_popcount: the monitor links no libgcc. */
static uint32_t reg_count(uint16_t list)
{
	uint32_t n = 0;
	for (; list; list &= (uint16_t)(list - 1))
		n++;
	return n;
}

/* LDM (User registers) B9.3.6, LDM (exception return) B9.3.5, STM (User
 * registers) B9.3.16: all UNPREDICTABLE (UNDEFINED here) in User and
 * System modes. Loads read every word before changing a register. */
static void ldm_stm_caret(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	uint32_t *spsr = arm_sys_cur_spsr(c->s);
	uint32_t vals[MAX_REGS];
	unsigned n = 0;

	if (!spsr) {
		sys_undef(c);
		return;
	}
	uint32_t base = c->cpu->r[in->rn];
	uint32_t bytes = WORD * reg_count(in->reglist);
	uint32_t addr = block_start(in, base, bytes);
	bool user = in->op != A32_LDM_EXCRET;
	for (unsigned i = 0; i < MAX_REGS; i++) {
		if (!(in->reglist & (1u << i)))
			continue;
		uint32_t va = addr + WORD * n;
		if (in->op == A32_STM_USER) {
			uint32_t v = i == ARM_REG_PC
				? sys_reg(c, i) : *arm_sys_user_reg(c->s, c->cpu, i);
			if (wr_word(c, va, true, v))
				return;
		} else if (rd_word(c, va, true, &vals[i])) {
			return;
		}
		n++;
	}
	if (in->op == A32_STM_USER)
		return;
	for (unsigned i = 0; i < ARM_REG_PC; i++)
		if (in->reglist & (1u << i))
			*(user ? arm_sys_user_reg(c->s, c->cpu, i) : &c->cpu->r[i]) =
				vals[i];
	if (user)
		return;
	if (in->w && !(in->reglist & (1u << in->rn)))
		c->cpu->r[in->rn] = block_wback(in, base, bytes);
	sys_exception_return(c, vals[ARM_REG_PC], *spsr);
}

/* LDRT, LDRBT, LDRHT, LDRSBT, LDRSHT, STRT, STRBT, STRHT (A8.8.92 ...):
 * PL0 permissions whatever the current mode. */
static unsigned t_size(unsigned op)
{
	if (op == A32_LDRBT || op == A32_STRBT || op == A32_LDRSBT)
		return 1;
	if (op == A32_LDRHT || op == A32_STRHT || op == A32_LDRSHT)
		return 2;
	return WORD;
}

static uint32_t t_offset(const struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	bool carry = arm_cpu_cpsr(c->cpu) & ARM_CPSR_C;

	if (in->form == A32_FORM_IMM)
		return in->imm;
	return sys_shift(sys_reg(c, in->rm), in->shift_type, in->shift_amount,
			 carry);
}

/* The A32 forms are post-indexed (p = 0); the T32 ones (LDRT T1 ...)
 * use the offset address, Rn + imm8, without writeback (p = 1). */
static void ldrt_strt(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	unsigned op = in->op, size = t_size(op);
	bool store = op == A32_STRT || op == A32_STRBT || op == A32_STRHT;
	uint32_t base = c->cpu->r[in->rn], off = t_offset(c), v = 0;
	uint32_t offaddr = in->u ? base + off : base - off;
	uint32_t addr = in->p ? offaddr : base;
	struct arm_walk_result f = { .fs = 0 };

	if (store) {
		v = sys_reg(c, in->rt);
		if (c->mem->write(c->mem->ctx, addr, size, false, v, &f)) {
			sys_data_abort(c, addr, true, &f);
			return;
		}
	} else {
		if (c->mem->read(c->mem->ctx, addr, size, false, &v, &f)) {
			sys_data_abort(c, addr, false, &f);
			return;
		}
		if (op == A32_LDRSBT)
			v = (uint32_t)((int32_t)(v << BYTE_SIGN_BITS) >> BYTE_SIGN_BITS);
		else if (op == A32_LDRSHT)
			v = (uint32_t)((int32_t)(v << HALF_SIGN_BITS) >> HALF_SIGN_BITS);
		c->cpu->r[in->rt] = v;
	}
	if (!in->p)
		c->cpu->r[in->rn] = offaddr;
}

void sys_exec_mem(struct sys_ctx *c)
{
	switch (c->in->op) {
	case A32_SRS:
		srs(c);
		break;
	case A32_RFE:
		rfe(c);
		break;
	case A32_LDM_USER:
	case A32_LDM_EXCRET:
	case A32_STM_USER:
		ldm_stm_caret(c);
		break;
	default:
		ldrt_strt(c);
		break;
	}
}
