/* Single-instruction load/store execution for device accesses, in ARM
 * or Thumb state. Values are gathered before any register is written, so
 * an abort part-way (say, on the second word of an LDM) leaves the guest
 * state as it was, as a precise Data Abort requires (ARM DDI 0406C
 * B1.9.7). */
#include "guest-arm/mmio.h"

#include <string.h>

#include "guest-arm/arm_sys.h"

#define MAX_WORDS 16
#define A32_PC_OFFSET 8   /* PC reads as the instruction's address + 8 (A2.3) */
#define T32_PC_OFFSET 4   /* ... + 4 in Thumb state */

/* PC as an operand: + 8 in ARM state, + 4 in Thumb state, Align(PC, 4)
 * for the T32 encodings that say so (literal loads, LDRD literal). */
static uint32_t pc_value(const struct arm_cpu *cpu, const struct a32_insn *in)
{
	uint32_t pc = cpu->r[ARM_REG_PC];

	if (!(arm_cpu_cpsr(cpu) & ARM_CPSR_T))
		return pc + A32_PC_OFFSET;
	pc += T32_PC_OFFSET;
	return in->pc_align ? pc & ~3u : pc;
}

static uint32_t reg_value(const struct arm_cpu *cpu, const struct a32_insn *in,
			  unsigned r)
{
	return r == ARM_REG_PC ? pc_value(cpu, in) : cpu->r[r];
}

/* The shifted register offset (A8.4.3 Shift_C; carry out unused here). */
static uint32_t offset_of(const struct arm_cpu *cpu, const struct a32_insn *in)
{
	if (in->form == A32_FORM_IMM)
		return in->imm;
	uint32_t v = reg_value(cpu, in, in->rm);
	unsigned n = in->shift_amount;
	switch (in->shift_type) {
	case A32_SHIFT_LSL:
		return n >= 32 ? 0 : v << n;
	case A32_SHIFT_LSR:
		return n >= 32 ? 0 : v >> n;
	case A32_SHIFT_ASR:
		return (uint32_t)((int32_t)v >> (n >= 32 ? 31 : n));
	case A32_SHIFT_ROR:
		n &= 31;
		return n ? (v >> n) | (v << (32 - n)) : v;
	default: {  /* RRX */
		uint32_t c = (arm_cpu_cpsr(cpu) & ARM_CPSR_C) ? 1u : 0u;
		return (c << 31) | (v >> 1);
	}
	}
}

struct xfer {
	unsigned size;      /* 1, 2 or 4 */
	bool load, sign;
	unsigned nregs;     /* 1, or 2 for LDRD/STRD */
};

static bool classify(enum a32_op op, struct xfer *x)
{
	static const struct {
		enum a32_op op;
		struct xfer x;
	} table[] = {
		{ A32_LDR, { 4, true, false, 1 } },   { A32_STR, { 4, false, false, 1 } },
		{ A32_LDRB, { 1, true, false, 1 } },  { A32_STRB, { 1, false, false, 1 } },
		{ A32_LDRH, { 2, true, false, 1 } },  { A32_STRH, { 2, false, false, 1 } },
		{ A32_LDRSB, { 1, true, true, 1 } },  { A32_LDRSH, { 2, true, true, 1 } },
		{ A32_LDRD, { 4, true, false, 2 } },  { A32_STRD, { 4, false, false, 2 } },
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (table[i].op == op) {
			*x = table[i].x;
			return true;
		}
	}
	return false;
}

static uint32_t extend(uint32_t v, const struct xfer *x)
{
	if (!x->sign)
		return v;
	return x->size == 1 ? (uint32_t)(int32_t)(int8_t)v
			    : (uint32_t)(int32_t)(int16_t)v;
}

static int access(const struct mmio_ops *ops, uint32_t va, unsigned size,
		  bool load, uint32_t *val, struct mmio_fault *f)
{
	int fs = load ? ops->read(ops->ctx, va, size, val, &f->walk)
		      : ops->write(ops->ctx, va, size, *val, &f->walk);
	if (fs) {
		f->va = va;
		f->is_write = !load;
	}
	return fs;
}

/* Writes r; a load into PC is LoadWritePC (A2.3.2), an interworking
 * branch: bit 0 selects Thumb state. In ARM state bits[1:0] = 10 is
 * UNPREDICTABLE; they are ignored, as the translator ignores them. */
static void set_reg(struct arm_cpu *cpu, unsigned r, uint32_t v, bool *pc_written)
{
	cpu->r[r] = v;
	if (r == ARM_REG_PC) {
		bool thumb = v & 1u;
		uint32_t cpsr = arm_cpu_cpsr(cpu) & ~ARM_CPSR_T;
		arm_cpu_set_cpsr(cpu, thumb ? cpsr | ARM_CPSR_T : cpsr);
		cpu->r[r] = v & (thumb ? ~1u : ~3u);
		*pc_written = true;
	}
}

/* The instruction is complete: the PC moves past it unless it branched,
 * and an IT block moves on (ITAdvance, A2.5.2). */
static enum mmio_result done(struct arm_cpu *cpu, const struct a32_insn *in,
			     bool pc_written)
{
	uint32_t cpsr = arm_cpu_cpsr(cpu);

	if (!pc_written)
		cpu->r[ARM_REG_PC] += in->size;
	if (arm_cpsr_itstate(cpsr))
		arm_cpu_set_cpsr(cpu, arm_cpsr_it_advance(cpsr));
	return MMIO_DONE;
}

static enum mmio_result single(struct arm_cpu *cpu, const struct a32_insn *in,
			       const struct xfer *x, const struct mmio_ops *ops,
			       struct mmio_fault *f)
{
	uint32_t base = reg_value(cpu, in, in->rn);
	uint32_t off = offset_of(cpu, in);
	uint32_t offaddr = in->u ? base + off : base - off;
	uint32_t addr = in->p ? offaddr : base;
	bool wback = !in->p || in->w;
	uint32_t vals[2];
	unsigned rts[2] = { in->rt, in->rt2 };
	bool pc_written = false;

	for (unsigned i = 0; i < x->nregs; i++) {
		if (!x->load)
			vals[i] = reg_value(cpu, in, rts[i]);
		if (access(ops, addr + 4 * i, x->size, x->load, &vals[i], f))
			return MMIO_ABORT;
	}
	if (wback)
		set_reg(cpu, in->rn, offaddr, &pc_written);
	for (unsigned i = 0; x->load && i < x->nregs; i++)
		set_reg(cpu, rts[i], extend(vals[i], x), &pc_written);
	return done(cpu, in, pc_written);
}

static unsigned count_regs(uint16_t list)
{
	unsigned n = 0;

	for (; list; list &= (uint16_t)(list - 1))
		n++;
	return n;
}

/* LDM/STM, all four modes (A8.8.58-A8.8.61, A8.8.199-A8.8.202). */
static enum mmio_result multiple(struct arm_cpu *cpu, const struct a32_insn *in,
				 const struct mmio_ops *ops, struct mmio_fault *f)
{
	unsigned n = count_regs(in->reglist);
	uint32_t base = cpu->r[in->rn];
	uint32_t start = in->u ? base + (in->p ? 4 : 0) : base - 4 * n + (in->p ? 0 : 4);
	uint32_t vals[MAX_WORDS];
	bool load = in->op == A32_LDM, pc_written = false;
	unsigned k = 0;

	for (unsigned r = 0; r < 16; r++) {
		if (!(in->reglist & (1u << r)))
			continue;
		if (!load)
			vals[k] = reg_value(cpu, in, r);
		if (access(ops, start + 4 * k, 4, load, &vals[k], f))
			return MMIO_ABORT;
		k++;
	}
	if (in->w)
		set_reg(cpu, in->rn, in->u ? base + 4 * n : base - 4 * n, &pc_written);
	k = 0;
	for (unsigned r = 0; load && r < 16; r++)
		if (in->reglist & (1u << r))
			set_reg(cpu, r, vals[k++], &pc_written);
	return done(cpu, in, pc_written);
}

/* STREX family (A8.8.212-A8.8.215) with the translator's local monitor
 * (dbt/translate_mem.c): the store happens iff the monitor is valid for
 * this address; either way the monitor is cleared. The address is Rn,
 * plus T32 LDREX/STREX's imm8 << 2 (zero for every other form). */
static enum mmio_result store_exclusive(struct arm_cpu *cpu, const struct a32_insn *in,
					const struct mmio_ops *ops, struct mmio_fault *f)
{
	unsigned size = in->op == A32_STREXB ? 1 : in->op == A32_STREXH ? 2 : 4;
	unsigned words = in->op == A32_STREXD ? 2 : 1;
	uint32_t addr = cpu->r[in->rn] + in->imm;
	uint32_t status = 1;

	if (cpu->exclusive_valid && cpu->exclusive_addr == addr) {
		uint32_t vals[2] = { cpu->r[in->rt], cpu->r[in->rt2] };
		for (unsigned i = 0; i < words; i++)
			if (access(ops, addr + 4 * i, size, false, &vals[i], f))
				return MMIO_ABORT;
		status = 0;
	}
	cpu->exclusive_valid = 0;
	cpu->r[in->rd] = status;
	return done(cpu, in, false);
}

/* LDREX family (A8.8.75-A8.8.78): the loads, then the local monitor
 * is set for the address as the translator sets it. */
static enum mmio_result load_exclusive(struct arm_cpu *cpu, const struct a32_insn *in,
				       const struct mmio_ops *ops, struct mmio_fault *f)
{
	unsigned size = in->op == A32_LDREXB ? 1 : in->op == A32_LDREXH ? 2 : 4;
	unsigned words = in->op == A32_LDREXD ? 2 : 1;
	uint32_t addr = cpu->r[in->rn] + in->imm;
	uint32_t vals[2] = { 0, 0 };

	for (unsigned i = 0; i < words; i++)
		if (access(ops, addr + 4 * i, size, true, &vals[i], f))
			return MMIO_ABORT;
	cpu->r[in->rt] = vals[0];
	if (words == 2)
		cpu->r[in->rt2] = vals[1];
	cpu->exclusive_addr = addr;
	cpu->exclusive_valid = 1;
	return done(cpu, in, false);
}

/* SWP/SWPB (A8.8.229): load, then store, then write Rt. */
static enum mmio_result swap(struct arm_cpu *cpu, const struct a32_insn *in,
			     const struct mmio_ops *ops, struct mmio_fault *f)
{
	unsigned size = in->op == A32_SWPB ? 1 : 4;
	uint32_t addr = cpu->r[in->rn], old, val = cpu->r[in->rt2];

	if (access(ops, addr, size, true, &old, f) ||
	    access(ops, addr, size, false, &val, f))
		return MMIO_ABORT;
	cpu->r[in->rt] = old;
	return done(cpu, in, false);
}

enum mmio_result mmio_emulate(struct arm_cpu *cpu, const struct a32_insn *in,
			      const struct mmio_ops *ops, struct mmio_fault *f)
{
	struct xfer x;

	memset(f, 0, sizeof(*f));
	if (in->unpred != A32_UNPRED_NONE)
		return MMIO_UNSUPPORTED;
	if (in->op == A32_LDM || in->op == A32_STM)
		return multiple(cpu, in, ops, f);
	if (in->op >= A32_STREX && in->op <= A32_STREXD)
		return store_exclusive(cpu, in, ops, f);
	if (in->op >= A32_LDREX && in->op <= A32_LDREXD)
		return load_exclusive(cpu, in, ops, f);
	if (in->op == A32_SWP || in->op == A32_SWPB)
		return swap(cpu, in, ops, f);
	if (!classify((enum a32_op)in->op, &x))
		return MMIO_UNSUPPORTED;
	return single(cpu, in, &x, ops, f);
}
