/* Processor modes, banked registers, the CPSR and exception entry of the
 * guest ARMv7-A CPU (ARM DDI 0406C B1.3, B1.8, B1.9). The current mode's
 * registers live in arm_cpu.r[] where translated code uses them; a mode
 * switch moves the outgoing mode's banked registers out and the incoming
 * mode's in. */
#include "guest-arm/arm_sys.h"

#include <string.h>

#include "guest-arm/arm_sys_int.h"

/* CPSR bits this CPU keeps at zero: E (no big-endian data: SETEND BE is
 * UNDEFINED and SCTLR.EE is RAZ/WI, ID_ISAR1.Endian = 0), J (trivial
 * Jazelle, B1.3.3) and the reserved bits 23:20. */
#define CPSR_RAZ (ARM_CPSR_E | ARM_CPSR_J | (0xfu << 20))
#define CPSR_AIF (ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F)

/* SCTLR bits that shape exception entry (B4.1.130). */
#define SCTLR_V (1u << 13)     /* high vectors at 0xFFFF0000 */
#define SCTLR_TE (1u << 30)    /* exceptions taken in Thumb state */
#define HIGH_VECTORS 0xffff0000u
#define FIQ_BANKED_FIRST 8     /* R8_fiq-R12_fiq (B1.3.2) */
#define FIQ_BANKED_COUNT 5

int arm_sys_bank(uint32_t mode)
{
	switch (mode) {
	case ARM_MODE_USR:
	case ARM_MODE_SYS:
		return ARM_BANK_USR;
	case ARM_MODE_FIQ:
		return ARM_BANK_FIQ;
	case ARM_MODE_IRQ:
		return ARM_BANK_IRQ;
	case ARM_MODE_SVC:
		return ARM_BANK_SVC;
	case ARM_MODE_ABT:
		return ARM_BANK_ABT;
	case ARM_MODE_UND:
		return ARM_BANK_UND;
	default:
		return -1;   /* Monitor, Hyp and the reserved encodings */
	}
}

uint32_t arm_sys_cpsr(const struct arm_sys *s, const struct arm_cpu *cpu)
{
	return (arm_cpu_cpsr(cpu) & ARM_CPSR_APSR) | (s->cpsr & ~ARM_CPSR_APSR);
}

bool arm_sys_privileged(const struct arm_sys *s)
{
	return (s->cpsr & ARM_CPSR_MODE_MASK) != ARM_MODE_USR;
}

struct arm_mmu_regs arm_sys_mmu_regs(const struct arm_sys *s)
{
	return (struct arm_mmu_regs){
		.sctlr = s->cp15.sctlr,
		.ttbr0 = s->cp15.ttbr0,
		.ttbr1 = s->cp15.ttbr1,
		.ttbcr = s->cp15.ttbcr,
		.dacr = s->cp15.dacr,
		.contextidr = s->cp15.contextidr,
	};
}

uint32_t *arm_sys_cur_spsr(struct arm_sys *s)
{
	int b = arm_sys_bank(s->cpsr & ARM_CPSR_MODE_MASK);
	return b > ARM_BANK_USR ? &s->banks.spsr[b] : NULL;
}

uint32_t *arm_sys_user_reg(struct arm_sys *s, struct arm_cpu *cpu, unsigned n)
{
	int b = arm_sys_bank(s->cpsr & ARM_CPSR_MODE_MASK);

	if (b == ARM_BANK_FIQ && n >= FIQ_BANKED_FIRST && n < ARM_REG_SP)
		return &s->banks.usr_r8_12[n - FIQ_BANKED_FIRST];
	if (b != ARM_BANK_USR && n == ARM_REG_SP)
		return &s->banks.r13[ARM_BANK_USR];
	if (b != ARM_BANK_USR && n == ARM_REG_LR)
		return &s->banks.r14[ARM_BANK_USR];
	return &cpu->r[n];
}

/* Moves the banked registers for a switch to mode `to` (both modes
 * valid); sets only the mode field of s->cpsr. */
static void switch_mode(struct arm_sys *s, struct arm_cpu *cpu, uint32_t to)
{
	int from_b = arm_sys_bank(s->cpsr & ARM_CPSR_MODE_MASK);
	int to_b = arm_sys_bank(to);
	uint32_t *r8 = &cpu->r[FIQ_BANKED_FIRST];
	size_t r8_bytes = FIQ_BANKED_COUNT * sizeof(uint32_t);

	s->banks.r13[from_b] = cpu->r[ARM_REG_SP];
	s->banks.r14[from_b] = cpu->r[ARM_REG_LR];
	if (from_b == ARM_BANK_FIQ && to_b != ARM_BANK_FIQ) {
		memcpy(s->banks.fiq_r8_12, r8, r8_bytes);
		memcpy(r8, s->banks.usr_r8_12, r8_bytes);
	} else if (to_b == ARM_BANK_FIQ && from_b != ARM_BANK_FIQ) {
		memcpy(s->banks.usr_r8_12, r8, r8_bytes);
		memcpy(r8, s->banks.fiq_r8_12, r8_bytes);
	}
	cpu->r[ARM_REG_SP] = s->banks.r13[to_b];
	cpu->r[ARM_REG_LR] = s->banks.r14[to_b];
	s->cpsr = (s->cpsr & ~ARM_CPSR_MODE_MASK) | to;
}

uint32_t arm_sys_set_cpsr(struct arm_sys *s, struct arm_cpu *cpu, uint32_t cpsr)
{
	uint32_t old = s->cpsr, flags = 0;
	uint32_t mode = cpsr & ARM_CPSR_MODE_MASK;

	if (arm_sys_bank(mode) < 0)
		mode = old & ARM_CPSR_MODE_MASK;
	if (mode != (old & ARM_CPSR_MODE_MASK)) {
		switch_mode(s, cpu, mode);
		flags |= ARM_SYS_MODE_CHANGED;
	}
	cpsr &= ~CPSR_RAZ;
	s->cpsr = (cpsr & ~(ARM_CPSR_APSR | ARM_CPSR_MODE_MASK)) | mode;
	arm_cpu_set_cpsr(cpu, (cpsr & ARM_CPSR_APSR) | s->cpsr);
	if (old & ~s->cpsr & CPSR_AIF)
		flags |= ARM_SYS_IRQ_MASK;
	return flags;
}

/* Per exception (B1.8.1 Table B1-3, B1.8.3 Table B1-7, B1.9.2-B1.9.11):
 * the mode it is taken to, the vector offset, the LR value as an offset
 * from cpu->r[15] (see arm_sys_take_exception() for what r[15] holds),
 * and the masks set without the Security Extensions (A for aborts, IRQ,
 * FIQ and reset; F for FIQ and reset; I always). */
static const struct exc_info {
	uint8_t mode;
	uint8_t vector;
	uint8_t lr_arm, lr_thumb;
	uint32_t mask;
} exc_info[] = {
	[ARM_EXC_RESET] = { ARM_MODE_SVC, 0x00, 0, 0, CPSR_AIF },
	[ARM_EXC_UNDEF] = { ARM_MODE_UND, 0x04, 4, 2, ARM_CPSR_I },
	[ARM_EXC_SVC] = { ARM_MODE_SVC, 0x08, 0, 0, ARM_CPSR_I },
	[ARM_EXC_PREFETCH_ABORT] = { ARM_MODE_ABT, 0x0c, 4, 4,
				     ARM_CPSR_I | ARM_CPSR_A },
	[ARM_EXC_DATA_ABORT] = { ARM_MODE_ABT, 0x10, 8, 8,
				 ARM_CPSR_I | ARM_CPSR_A },
	[ARM_EXC_IRQ] = { ARM_MODE_IRQ, 0x18, 4, 4, ARM_CPSR_I | ARM_CPSR_A },
	[ARM_EXC_FIQ] = { ARM_MODE_FIQ, 0x1c, 4, 4, CPSR_AIF },
};

/* ExcVectorBase() (B1.8.1): high vectors, else VBAR. VBAR belongs to the
 * Security Extensions in DDI 0406C, but QEMU's cortex-a15 provides it
 * with EL3 disabled (as on -M virt) and the issue asks for it. */
static uint32_t vector_base(const struct arm_sys *s)
{
	return (s->cp15.sctlr & SCTLR_V) ? HIGH_VECTORS : s->cp15.vbar;
}

void arm_sys_take_exception(struct arm_sys *s, struct arm_cpu *cpu,
			    enum arm_exception e)
{
	const struct exc_info *x = &exc_info[e];
	uint32_t old = arm_sys_cpsr(s, cpu);
	uint32_t lr = cpu->r[ARM_REG_PC] +
		      ((old & ARM_CPSR_T) ? x->lr_thumb : x->lr_arm);
	uint32_t cpsr = old & ~(ARM_CPSR_MODE_MASK | ARM_CPSR_IT_LO |
				ARM_CPSR_IT_HI | ARM_CPSR_J | ARM_CPSR_T);

	cpsr |= x->mode | x->mask;
	if (s->cp15.sctlr & SCTLR_TE)
		cpsr |= ARM_CPSR_T;
	arm_sys_set_cpsr(s, cpu, cpsr);
	/* Reset leaves R14_svc and SPSR_svc UNKNOWN (B1.9.2): untouched. */
	if (e != ARM_EXC_RESET) {
		*arm_sys_cur_spsr(s) = old;
		cpu->r[ARM_REG_LR] = lr;
	}
	cpu->r[ARM_REG_PC] = vector_base(s) + x->vector;
}

bool arm_sys_check_interrupts(struct arm_sys *s, struct arm_cpu *cpu)
{
	if (s->fiq_line && !(s->cpsr & ARM_CPSR_F)) {
		arm_sys_take_exception(s, cpu, ARM_EXC_FIQ);
		return true;
	}
	if (s->irq_line && !(s->cpsr & ARM_CPSR_I)) {
		arm_sys_take_exception(s, cpu, ARM_EXC_IRQ);
		return true;
	}
	return false;
}

void arm_sys_reset(struct arm_sys *s, struct arm_cpu *cpu)
{
	const struct arm_timer_ops *timer = s->timer;
	arm_sys_log_fn log = s->log;
	void *log_ctx = s->log_ctx;
	uint32_t flags = arm_cpu_cpsr(cpu) & ARM_CPSR_APSR;

	memset(s, 0, sizeof(*s));
	s->timer = timer;
	s->log = log;
	s->log_ctx = log_ctx;
	/* Start from SVC so the mode switch below has a bank to leave. */
	s->cpsr = ARM_MODE_SVC;
	cp15_reset(s, cpu);
	arm_sys_set_cpsr(s, cpu, flags | ARM_MODE_SVC);
	arm_sys_take_exception(s, cpu, ARM_EXC_RESET);
}
