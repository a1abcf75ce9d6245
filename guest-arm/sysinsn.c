/* Executes the system instructions the translator leaves to the monitor
 * (ARM DDI 0406C B9 "System Instructions", A8 for the others): PSR moves,
 * CPS, exception-returning data processing, hints that sleep, calls to
 * the board, exception generation and coprocessor accesses. Memory-using
 * ones (SRS, RFE, LDM/STM ^, LDRT family) are in sysmem.c. Encodings come
 * from the translator's decoders (dbt/a32_decode.h, dbt/t32_decode.h), in
 * ARM or Thumb state. UNPREDICTABLE cases are UNDEFINED, as in the
 * translator. */
#include "guest-arm/arm_sys.h"

#include "dbt/a32_decode.h"
#include "dbt/t32_decode.h"
#include "guest-arm/arm_sys_int.h"

/* MRS reads the CPSR without the execution state bits IT, J and T
 * (B9.3.8: CPSR AND '11111000 11111111 00000011 11011111'). */
#define MRS_CPSR_MASK 0xf8ff03dfu

/* MSR/CPSRWriteByInstr field mask bits (B1.3.3, A8.8.110). */
#define PSR_C 1u          /* control: bits 7:0 */
#define PSR_X 2u          /* extension: bits 15:8 */
#define PSR_S 4u          /* status: bits 23:16 */
#define PSR_F 8u          /* flags: bits 31:24 */
#define PSR_ALL 0xfu
#define PSR_BYTE_BITS 8
#define PSR_BYTE_MASK 0xffu
#define CPSR_NZCVQ 0xf8000000u

/* CPS A/I/F operand bits (B9.3.1) sit at CPSR bits 8:6. */
#define CPS_AIF_SHIFT 6
#define CPS_IMOD_ENABLE 2
#define CPS_IMOD_DISABLE 3

#define CP14 14
#define CP15 15

/* struct a32_insn.raw of a 32-bit T32 encoding is hw1 << 16 | hw2. */
#define T32_HW_BITS 16
#define T32_HW_MASK 0xffffu
/* ITSTATE (A2.5.2): IT[7:4] the condition of the next instruction;
 * IT[3:0] = 1000 for the last one of the block. */
#define IT_COND_SHIFT 4
#define IT_MASK_BITS 0xfu
#define IT_LAST 0x8u

/* ---- condition, registers, exceptions ----------------------------------- */

/* ConditionPassed (A8.3.1). */
static bool cond_passed(unsigned cond, uint32_t cpsr)
{
	bool n = cpsr & ARM_CPSR_N, z = cpsr & ARM_CPSR_Z;
	bool cf = cpsr & ARM_CPSR_C, v = cpsr & ARM_CPSR_V;
	bool r;

	switch (cond >> 1) {
	case 0: r = z; break;
	case 1: r = cf; break;
	case 2: r = n; break;
	case 3: r = v; break;
	case 4: r = cf && !z; break;
	case 5: r = n == v; break;
	case 6: r = !z && n == v; break;
	default: return true;            /* AL, and the NV space */
	}
	return (cond & 1) ? !r : r;
}

uint32_t sys_reg(const struct sys_ctx *c, unsigned n)
{
	if (n != ARM_REG_PC)
		return c->cpu->r[n];
	if (!c->thumb)
		return c->pc + ARM_PC_READ_OFFSET;
	uint32_t pc = c->pc + THUMB_PC_READ_OFFSET;
	return c->in->pc_align ? pc & ~3u : pc;
}

/* ITAdvance() (A2.5.2) once the instruction is done in Thumb state. */
static void it_advance(struct sys_ctx *c)
{
	uint32_t cpsr = arm_sys_cpsr(c->s, c->cpu);

	if (c->thumb && arm_cpsr_itstate(cpsr))
		c->flags |= arm_sys_set_cpsr(c->s, c->cpu,
					     arm_cpsr_it_advance(cpsr));
}

void sys_undef(struct sys_ctx *c)
{
	c->cpu->r[ARM_REG_PC] = c->pc;
	arm_sys_take_exception(c->s, c->cpu, ARM_EXC_UNDEF);
	c->flags |= ARM_SYS_EXCEPTION | ARM_SYS_MODE_CHANGED;
}

void sys_data_abort(struct sys_ctx *c, uint32_t va, bool is_write,
		    const struct arm_walk_result *fault)
{
	c->s->cp15.dfsr = arm_fsr(fault, true, is_write);
	c->s->cp15.dfar = va;
	c->cpu->r[ARM_REG_PC] = c->pc;
	arm_sys_take_exception(c->s, c->cpu, ARM_EXC_DATA_ABORT);
	c->flags |= ARM_SYS_EXCEPTION | ARM_SYS_MODE_CHANGED;
}

/* ---- PSR writes ------------------------------------------------------------ */

/* CPSRWriteByInstr (B1.3.3). Without the Security Extensions IsSecure()
 * holds, so PL1 may write A and F; SCTLR.NMFI is 0 here. An invalid mode
 * is UNPREDICTABLE: the mode stays. E and J are RAZ (arm_sys_set_cpsr). */
void sys_cpsr_write_by_instr(struct sys_ctx *c, uint32_t val, unsigned bytemask,
			     bool is_excpt_return)
{
	uint32_t nv = arm_sys_cpsr(c->s, c->cpu), set = 0;
	bool priv = arm_sys_privileged(c->s);

	if (bytemask & PSR_F)
		set |= CPSR_NZCVQ | (is_excpt_return ? ARM_CPSR_IT_LO | ARM_CPSR_J : 0);
	if (bytemask & PSR_S)
		set |= ARM_CPSR_GE_MASK;
	if (bytemask & PSR_X)
		set |= ARM_CPSR_E | (is_excpt_return ? ARM_CPSR_IT_HI : 0) |
		       (priv ? ARM_CPSR_A : 0);
	if (bytemask & PSR_C) {
		set |= is_excpt_return ? ARM_CPSR_T : 0;
		if (priv)
			set |= ARM_CPSR_I | ARM_CPSR_F |
			       (arm_sys_bank(val & ARM_CPSR_MODE_MASK) >= 0
					? ARM_CPSR_MODE_MASK : 0);
	}
	nv = (nv & ~set) | (val & set);
	c->flags |= arm_sys_set_cpsr(c->s, c->cpu, nv);
}

void sys_exception_return(struct sys_ctx *c, uint32_t new_pc, uint32_t spsr)
{
	sys_cpsr_write_by_instr(c, spsr, PSR_ALL, true);
	c->cpsr_restored = true;
	/* BranchWritePC (A2.3.2): the address aligned to the new state, so
	 * bit 0 of a Thumb return address is ignored: T and ITSTATE come
	 * from the SPSR, never from the address. */
	new_pc &= (c->s->cpsr & ARM_CPSR_T) ? ~1u : ~3u;
	c->cpu->r[ARM_REG_PC] = new_pc;
}

/* SPSRWriteByInstr (B1.3.3): every bit of the chosen bytes. */
static void spsr_write(struct sys_ctx *c, uint32_t *spsr, uint32_t val)
{
	uint32_t mask = 0;

	if ((c->in->psr_mask & PSR_C) &&
	    arm_sys_bank(val & ARM_CPSR_MODE_MASK) < 0) {
		sys_undef(c);
		return;
	}
	for (unsigned i = 0; i < 4; i++)
		if (c->in->psr_mask & (1u << i))
			mask |= PSR_BYTE_MASK << (i * PSR_BYTE_BITS);
	*spsr = (*spsr & ~mask) | (val & mask);
}

/* MRS and MSR (B9.3.8, B9.3.11, B9.3.12); the SPSR forms are UNPREDICTABLE
 * in User and System modes, which have none. */
static void psr_move(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	uint32_t *spsr = arm_sys_cur_spsr(c->s);

	if (in->r_spsr && !spsr) {
		sys_undef(c);
		return;
	}
	if (in->op == A32_MRS) {
		c->cpu->r[in->rd] = in->r_spsr
			? *spsr : arm_sys_cpsr(c->s, c->cpu) & MRS_CPSR_MASK;
		return;
	}
	uint32_t val = in->op == A32_MSR_IMM ? in->imm : sys_reg(c, in->rn);
	if (in->r_spsr)
		spsr_write(c, spsr, val);
	else
		sys_cpsr_write_by_instr(c, val, in->psr_mask, false);
}

/* CPS (B9.3.1): a NOP at PL0. */
static void cps(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	uint32_t nv = arm_sys_cpsr(c->s, c->cpu);
	uint32_t aif = (uint32_t)in->cps_aif << CPS_AIF_SHIFT;

	if (!arm_sys_privileged(c->s))
		return;
	if (in->cps_m && arm_sys_bank(in->imm) < 0) {
		sys_undef(c);
		return;
	}
	if (in->cps_imod == CPS_IMOD_ENABLE)
		nv &= ~aif;
	else if (in->cps_imod == CPS_IMOD_DISABLE)
		nv |= aif;
	if (in->cps_m)
		nv = (nv & ~ARM_CPSR_MODE_MASK) | in->imm;
	c->flags |= arm_sys_set_cpsr(c->s, c->cpu, nv);
}

/* ---- SUBS PC, LR and related (B9.3.20) ----------------------------------- */

/* Shift_C without the carry out (A8.4.3); amounts as DecodeImmShift gives
 * them (LSR/ASR 1-32, ROR 1-31, RRX). */
uint32_t sys_shift(uint32_t x, unsigned type, unsigned n, bool carry)
{
	switch (type) {
	case A32_SHIFT_LSL:
		return n >= 32 ? 0 : x << n;
	case A32_SHIFT_LSR:
		return n >= 32 ? 0 : x >> n;
	case A32_SHIFT_ASR:
		return n >= 32 ? (uint32_t)((int32_t)x >> 31)
			       : (uint32_t)((int32_t)x >> n);
	case A32_SHIFT_ROR:
		n &= 31;
		return n ? (x >> n) | (x << (32 - n)) : x;
	default:
		return ((uint32_t)carry << 31) | (x >> 1);   /* RRX */
	}
}

static uint32_t dp_result(unsigned op, uint32_t n, uint32_t m, bool carry)
{
	switch (op) {
	case A32_AND: return n & m;
	case A32_EOR: return n ^ m;
	case A32_SUB: return n - m;
	case A32_RSB: return m - n;
	case A32_ADD: return n + m;
	case A32_ADC: return n + m + carry;
	case A32_SBC: return n + ~m + carry;
	case A32_RSC: return m + ~n + carry;
	case A32_ORR: return n | m;
	case A32_BIC: return n & ~m;
	case A32_MVN: return ~m;
	default: return m;   /* MOV */
	}
}

static void dp_exception_return(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	uint32_t *spsr = arm_sys_cur_spsr(c->s);
	bool carry = arm_cpu_cpsr(c->cpu) & ARM_CPSR_C;

	if (!spsr || in->form == A32_FORM_REG_REG) {
		sys_undef(c);
		return;
	}
	uint32_t m = in->form == A32_FORM_IMM
		? in->imm
		: sys_shift(sys_reg(c, in->rm), in->shift_type, in->shift_amount, carry);
	uint32_t result = dp_result(in->op, sys_reg(c, in->rn), m, carry);
	sys_exception_return(c, result, *spsr);
}

/* ---- hints, calls, exceptions, coprocessors ------------------------------- */

/* WFE sleeps unless the Event Register is set, which it clears
 * (B1.8.13); SEV sets it (one CPU: nobody else to signal). */
static void wait_for_event(struct sys_ctx *c)
{
	if (c->s->event)
		c->s->event = false;
	else
		c->flags |= ARM_SYS_WFI;
}

/* HVC and SMC are the board's PSCI conduit, as on QEMU's -M virt;
 * both are UNDEFINED at PL0 (B9.3.4, B6.1.9). */
static void board_call(struct sys_ctx *c, uint32_t flag)
{
	if (!arm_sys_privileged(c->s)) {
		sys_undef(c);
		return;
	}
	c->s->call_imm = c->in->imm;
	c->flags |= flag;
}

static void take(struct sys_ctx *c, enum arm_exception e, uint32_t pc)
{
	c->cpu->r[ARM_REG_PC] = pc;
	arm_sys_take_exception(c->s, c->cpu, e);
	c->flags |= ARM_SYS_EXCEPTION | ARM_SYS_MODE_CHANGED;
}

/* BKPT (A8.8.24, C4.1): with no debugger the debug event is a Prefetch
 * Abort with IFSR reporting a debug event. */
static void breakpoint(struct sys_ctx *c)
{
	struct arm_walk_result r = { .fs = ARM_FS_DEBUG };

	c->s->cp15.ifsr = arm_fsr(&r, false, false);
	take(c, ARM_EXC_PREFETCH_ABORT, c->pc);
}

/* Coprocessors: CP15 and CP14 registers; CP10/CP11 (VFP, Advanced SIMD)
 * are absent (CPACR reads 0), so silently UNDEFINED, as Linux expects
 * when it probes; anything else is logged and UNDEFINED. */
static void coproc(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	bool regs = in->coproc == CP15 || in->coproc == CP14;
	int rc = -1;

	/* CP14 and CP15 are reached only by MCR/MRC/MCRR/MRRC (B3.17); their
	 * unconditional "2" forms, like every other coprocessor here, are
	 * UNDEFINED. */
	if (in->cond == A32_COND_NV)
		regs = false;
	if (regs && (in->op == A32_MRC || in->op == A32_MCR))
		rc = sys_coproc_rt(c);
	else if (regs && (in->op == A32_MRRC || in->op == A32_MCRR))
		rc = sys_coproc_rrt(c);
	else
		sys_log_unmodelled_insn(c);
	if (rc)
		sys_undef(c);
}

static bool is_dp(unsigned op)
{
	return op >= A32_AND && op <= A32_MVN;
}

static void dispatch(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;

	switch (in->op) {
	case A32_MRS: case A32_MSR_IMM: case A32_MSR_REG:
		psr_move(c); return;
	case A32_CPS:
		cps(c); return;
	case A32_SETEND:
		if (in->imm)      /* no big-endian data (ID_ISAR1.Endian = 0) */
			sys_undef(c);
		return;
	case A32_SRS: case A32_RFE: case A32_LDM_USER: case A32_LDM_EXCRET:
	case A32_STM_USER: case A32_LDRT: case A32_LDRBT: case A32_STRT:
	case A32_STRBT: case A32_LDRHT: case A32_LDRSHT: case A32_LDRSBT:
	case A32_STRHT:
		sys_exec_mem(c); return;
	case A32_WFI:
		c->flags |= ARM_SYS_WFI; return;
	case A32_WFE:
		wait_for_event(c); return;
	case A32_SEV:
		c->s->event = true; return;
	case A32_NOP: case A32_YIELD: case A32_DMB: case A32_DSB: case A32_ISB:
	case A32_PLD: case A32_PLDW: case A32_PLI: case A32_DBG:
		return;
	case A32_CLREX:           /* opens the local monitor (A8.8.32) */
		c->cpu->exclusive_addr = ~0u;
		c->cpu->exclusive_valid = 0;
		return;
	case A32_HVC:
		board_call(c, ARM_SYS_HVC); return;
	case A32_SMC:
		board_call(c, ARM_SYS_SMC); return;
	case A32_SVC:
		/* TakeSVCException (B1.9.4) saves the CPSR after ITAdvance();
		 * the immediate is imm24, or imm8 in T32 (A8.8.228). */
		c->cpu->svc_imm = in->imm;
		it_advance(c);
		take(c, ARM_EXC_SVC, c->pc + in->size); return;
	case A32_BKPT:
		breakpoint(c); return;
	case A32_MRC: case A32_MCR: case A32_MRRC: case A32_MCRR:
	case A32_LDC: case A32_STC: case A32_CDP:
		coproc(c); return;
	default:
		break;
	}
	/* Data processing with S and Rd = PC; everything else here (UDF,
	 * UNDEFINED encodings, the VFP/NEON spaces, ERET and banked MRS/MSR
	 * of the absent Virtualization Extensions) is UNDEFINED. */
	if (is_dp(in->op) && in->s && in->rd == ARM_REG_PC &&
	    !(in->op >= A32_TST && in->op <= A32_CMN))
		dp_exception_return(c);
	else
		sys_undef(c);
}

/* The instruction in its state's encoding: raw as struct a32_insn holds
 * it (a 16-bit T32 encoding has nothing above bit 15). */
static void decode(bool thumb, uint32_t raw, struct a32_insn *in)
{
	if (!thumb)
		a32_decode(raw, in);
	else if (raw >> T32_HW_BITS)
		t32_decode((uint16_t)(raw >> T32_HW_BITS),
			   (uint16_t)(raw & T32_HW_MASK), in);
	else
		t32_decode((uint16_t)raw, 0, in);
}

/* CurrentCond() (A8.3.1): inside an IT block ITSTATE's condition, which
 * the T32 decoder leaves out of insn.cond; BKPT ignores it (A8.8.24). */
static unsigned current_cond(const struct a32_insn *in, uint32_t it)
{
	return it && in->op != A32_BKPT ? it >> IT_COND_SHIFT : in->cond;
}

/* The system instructions UNPREDICTABLE in an IT block (CPS B9.3.1,
 * SETEND A8.8.157), or in one but as its last instruction (SUBS PC, LR
 * B9.3.19, RFE B9.3.13): UNDEFINED here, as the decoder's cases. */
static bool it_unpredictable(const struct a32_insn *in, uint32_t it)
{
	bool last = (it & IT_MASK_BITS) == IT_LAST;

	if (in->op == A32_CPS || in->op == A32_SETEND)
		return true;
	return !last && (in->op == A32_RFE ||
			 (in->op == A32_SUB && in->rd == ARM_REG_PC));
}

uint32_t arm_sys_exec(struct arm_sys *s, struct arm_cpu *cpu, uint32_t insn,
		      const struct arm_sys_mem *mem)
{
	struct a32_insn in;
	uint32_t cpsr = arm_sys_cpsr(s, cpu);
	struct sys_ctx c = { .s = s, .cpu = cpu, .mem = mem, .in = &in,
			     .pc = cpu->r[ARM_REG_PC],
			     .thumb = cpsr & ARM_CPSR_T };
	uint32_t it = c.thumb ? arm_cpsr_itstate(cpsr) : 0;

	decode(c.thumb, insn, &in);
	cpu->r[ARM_REG_PC] = c.pc + in.size;
	/* A failing condition makes any instruction a NOP, an UNDEFINED
	 * one included (A8.3: IMPLEMENTATION DEFINED; QEMU does the same);
	 * it still moves an IT block on. */
	if (!cond_passed(current_cond(&in, it), cpsr)) {
		it_advance(&c);
		return c.flags;
	}
	if (in.unpred != A32_UNPRED_NONE || (it && it_unpredictable(&in, it)))
		sys_undef(&c);
	else
		dispatch(&c);
	/* An exception entry saved this instruction's ITSTATE and cleared
	 * it; an exception return loaded the SPSR's. */
	if (!(c.flags & ARM_SYS_EXCEPTION) && !c.cpsr_restored)
		it_advance(&c);
	return c.flags;
}
