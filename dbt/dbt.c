/* The translator's entry points: setting up the code cache and its fixed
 * stubs (the enter/exit trampolines, the fault resume paths), the
 * dispatch loop of dbt_run(), CPSR accessors and fault lookup. */
#include <string.h>

#include "cache.h"
#include "translate.h"
#include "x86_emit.h"

/* The callee-saved registers of the System V x86-64 ABI, which generated
 * code may use and the enter stub therefore preserves. */
static const int callee_saved[] = {
	X86_RBX, X86_RBP, X86_R12, X86_R13, X86_R14, X86_R15,
};
#define N_CALLEE_SAVED (sizeof callee_saved / sizeof callee_saved[0])

/* EFLAGS.OF is restored from the saved byte by adding 0x7f: 1 + 0x7f
 * overflows a signed byte, 0 + 0x7f does not (SDM "ADD"). */
#define OF_FROM_BYTE 0x7f

static unsigned exit_index(unsigned code)
{
	return code >= DBT_EXIT_CHAIN ? DBT_EXIT_FAULT + 1 + code - DBT_EXIT_CHAIN
				      : code;
}

uint8_t *dbt_exit_stub(struct dbt *d, unsigned code)
{
	return d->exit_to[exit_index(code)];
}

/* Emit the guest-flag save (EFLAGS -> flags_priv[TR_FLAGS_SAVED]). */
static void emit_save_flags(struct x86_buf *b)
{
	x86_lahf(b);
	x86_setcc(b, X86_CC_O, X86_RAX);
	x86_store(b, 2, TR_FLAGS_FIELD(TR_FLAGS_SAVED), X86_RAX);
}

/* Generated so that entering translated code needs no assembler file:
 * enter(cpu, code) saves the callee-saved registers, keeps RSP 16-byte
 * aligned for tr_call(), pins cpu in RBP, loads the guest flags. */
static void emit_enter(struct dbt *d, struct x86_buf *b, uint8_t **leave)
{
	d->enter = (uint32_t (*)(struct arm_cpu *, const uint8_t *))(void *)b->p;
	for (unsigned i = 0; i < N_CALLEE_SAVED; i++)
		x86_push(b, callee_saved[i]);
	x86_alu_ri(b, X86_SUB, 8, X86_RSP, 8);
	x86_mov_rr(b, 8, TR_CPU, X86_RDI);
	x86_load(b, 2, X86_RAX, TR_FLAGS_FIELD(TR_FLAGS_SAVED));
	x86_alu_ri(b, X86_ADD, 1, X86_RAX, OF_FROM_BYTE);
	x86_sahf(b);
	x86_jmp_r(b, X86_RSI);

	*leave = b->p;
	x86_alu_ri(b, X86_ADD, 8, X86_RSP, 8);
	for (unsigned i = N_CALLEE_SAVED; i-- > 0;)
		x86_pop(b, callee_saved[i]);
	x86_ret(b);
}

static void emit_stubs(struct dbt *d)
{
	struct x86_buf b = { .p = d->code_base, .end = d->code_end };
	uint8_t *leave;
	emit_enter(d, &b, &leave);
	for (unsigned code = 0; code < DBT_EXIT_CODES; code++) {
		if (code > DBT_EXIT_FAULT && code < DBT_EXIT_CHAIN)
			continue;
		d->exit_to[exit_index(code)] = b.p;
		if (code == DBT_EXIT_CHAIN)
			x86_store(&b, 8, x86_rip(&d->chain_site), X86_RDX);
		emit_save_flags(&b);
		x86_mov_ri(&b, 4, X86_RAX, code);
		x86_jmp(&b, leave);
	}
	d->fault_resume[DBT_FF_HOST] = dbt_exit_stub(d, DBT_EXIT_FAULT);
	d->fault_resume[DBT_FF_HOST_INV] = b.p;
	x86_cmc(&b);
	x86_jmp(&b, dbt_exit_stub(d, DBT_EXIT_FAULT));
	d->fault_resume[DBT_FF_MEM] = b.p;
	x86_mov_ri(&b, 4, X86_RAX, DBT_EXIT_FAULT);
	x86_jmp(&b, leave);
	d->fault_resume[DBT_FF_SPLIT_NZ] = b.p;
	tr_flags_merge(&b, TR_SPLIT_NZ);
	x86_jmp(&b, d->fault_resume[DBT_FF_MEM]);
	d->fault_resume[DBT_FF_SPLIT_NZC] = b.p;
	tr_flags_merge(&b, TR_SPLIT_NZC);
	x86_jmp(&b, d->fault_resume[DBT_FF_MEM]);
	d->code_start = d->code_ptr = (uint8_t *)(((uintptr_t)b.p + 63) & ~(uintptr_t)63);
}

int dbt_init(struct dbt **out, const struct dbt_config *cfg)
{
	struct dbt *d;
	if (dbt_cache_init(&d, cfg->code_buf, cfg->code_size) < 0)
		return -1;
	d->system_mode = cfg->system_mode;
	emit_stubs(d);
	dbt_cache_reset(d);
	*out = d;
	return 0;
}

/* Inside dbt_run() translated code keeps the execution state in the
 * addresses it stores to r[15], interworking style: bit 0 set means
 * Thumb (ARM DDI 0406C A2.3.2 BXWritePC). Outside, r[15] is the plain
 * address and CPSR.T says; these two convert. */
static void state_to_pc(struct arm_cpu *cpu)
{
	bool thumb = cpu->flags_priv[TR_FLAGS_REST] & ARM_CPSR_T;
	cpu->r[ARM_REG_PC] = (cpu->r[ARM_REG_PC] & ~1u) | (thumb ? 1u : 0u);
}

static void pc_to_state(struct arm_cpu *cpu)
{
	uint32_t *rest = &cpu->flags_priv[TR_FLAGS_REST];
	*rest = (cpu->r[ARM_REG_PC] & 1u) ? (*rest | ARM_CPSR_T)
					  : (*rest & ~ARM_CPSR_T);
	cpu->r[ARM_REG_PC] &= ~1u;
}

/* A miss in the inline table or an unchained branch: find or translate
 * the block for cpu->r[15] (with its state bit) and cpu->itstate.
 * Returns its code, or NULL with *exit set. */
static uint8_t *dispatch(struct dbt *d, struct arm_cpu *cpu,
			 enum dbt_exit *exit)
{
	uint32_t pc = cpu->r[ARM_REG_PC];
	/* bits[1:0] = 0b10 in ARM state is UNPREDICTABLE (A2.3.2): ignore. */
	if (!(pc & 1u))
		pc &= ~3u;
	cpu->r[ARM_REG_PC] = pc;
	struct dbt_block *b = dbt_cache_get(d, cpu, pc, cpu->itstate);
	if (!b) {
		cpu->fault_addr = pc & ~1u;
		cpu->fault_is_write = 0;
		*exit = DBT_EXIT_FAULT;
		return NULL;
	}
	/* Translated code runs with ITSTATE known statically; memory holds
	 * it only at exits from inside an IT block. */
	cpu->itstate = 0;
	return b->code;
}

static enum dbt_exit run(struct dbt *d, struct arm_cpu *cpu)
{
	uint8_t *code = NULL;   /* set when a lookup miss already found it */

	for (;;) {
		enum dbt_exit exit = DBT_EXIT_FAULT;
		uint64_t gen = d->generation;
		uint8_t *site = d->chain_site;
		if (!code && !(code = dispatch(d, cpu, &exit)))
			return exit;
		if (site && gen == d->generation)
			x86_patch_rel32(site, code);
		d->chain_site = NULL;
		d->in_run = true;
		uint32_t rc = d->enter(cpu, code);
		d->in_run = false;
		dbt_cache_settle(d);
		code = NULL;
		if (rc == DBT_EXIT_FAULT)
			cpu->itstate = d->fault_itstate;
		if (rc == DBT_EXIT_LOOKUP) {
			/* Enter the block found here directly: dispatching it
			 * again would walk the guest tables a second time. A
			 * block entered inside an IT block is never in the
			 * table, which knows no ITSTATE. */
			uint8_t it = cpu->itstate;
			if (!(code = dispatch(d, cpu, &exit)))
				return exit;
			if (!it)
				dbt_jtab_insert(d, cpu->r[ARM_REG_PC],
						cpu->lookup_ctx, code);
		} else if (rc != DBT_EXIT_CHAIN) {
			return (enum dbt_exit)rc;
		}
	}
}

enum dbt_exit dbt_run(struct dbt *d, struct arm_cpu *cpu)
{
	d->cpu = cpu;
	state_to_pc(cpu);
	enum dbt_exit exit = run(d, cpu);
	pc_to_state(cpu);
	return exit;
}

/* flags_priv[TR_FLAGS_SAVED] is the image LAHF/SETO produce: SF, ZF and
 * CF at bits 7, 6 and 0 of the high byte, OF as the low byte
 * (SDM "LAHF": AH = SF:ZF:0:AF:0:PF:1:CF). */
#define LAHF_SF (1u << 15)
#define LAHF_ZF (1u << 14)
#define LAHF_CF (1u << 8)
#define LAHF_FIXED (1u << 9)
#define SAVED_OF 1u

uint32_t arm_cpu_cpsr(const struct arm_cpu *cpu)
{
	uint32_t f = cpu->flags_priv[TR_FLAGS_SAVED];
	uint32_t cpsr = cpu->flags_priv[TR_FLAGS_REST];
	cpsr |= (f & LAHF_SF) ? ARM_CPSR_N : 0;
	cpsr |= (f & LAHF_ZF) ? ARM_CPSR_Z : 0;
	cpsr |= (f & LAHF_CF) ? ARM_CPSR_C : 0;
	cpsr |= (f & SAVED_OF) ? ARM_CPSR_V : 0;
	cpsr |= cpu->flags_priv[TR_FLAGS_Q] ? ARM_CPSR_Q : 0;
	cpsr |= (cpu->flags_priv[TR_FLAGS_GE] << ARM_CPSR_GE_SHIFT) &
		ARM_CPSR_GE_MASK;
	cpsr |= ((uint32_t)cpu->itstate & 3u) << ARM_CPSR_IT_LO_SHIFT;
	cpsr |= ((uint32_t)cpu->itstate >> 2) << ARM_CPSR_IT_HI_SHIFT;
	return cpsr;
}

void arm_cpu_set_cpsr(struct arm_cpu *cpu, uint32_t cpsr)
{
	uint32_t f = LAHF_FIXED;
	f |= (cpsr & ARM_CPSR_N) ? LAHF_SF : 0;
	f |= (cpsr & ARM_CPSR_Z) ? LAHF_ZF : 0;
	f |= (cpsr & ARM_CPSR_C) ? LAHF_CF : 0;
	f |= (cpsr & ARM_CPSR_V) ? SAVED_OF : 0;
	cpu->flags_priv[TR_FLAGS_SAVED] = f;
	cpu->flags_priv[TR_FLAGS_Q] = (cpsr & ARM_CPSR_Q) ? 1 : 0;
	cpu->flags_priv[TR_FLAGS_GE] = (cpsr & ARM_CPSR_GE_MASK) >>
				       ARM_CPSR_GE_SHIFT;
	cpu->itstate = (uint8_t)(((cpsr & ARM_CPSR_IT_LO_MASK) >>
				  ARM_CPSR_IT_LO_SHIFT) |
				 ((cpsr & ARM_CPSR_IT_HI_MASK) >>
				  (ARM_CPSR_IT_HI_SHIFT - 2)));
	cpu->flags_priv[TR_FLAGS_REST] = cpsr & ~(ARM_CPSR_NZCV | ARM_CPSR_Q |
						  ARM_CPSR_GE_MASK |
						  ARM_CPSR_IT_LO_MASK |
						  ARM_CPSR_IT_HI_MASK);
}

int dbt_fault_lookup(struct dbt *d, uint64_t host_rip,
		     struct dbt_mem_access *out)
{
	if (host_rip < (uintptr_t)d->code_start || host_rip >= (uintptr_t)d->code_ptr)
		return -1;
	uint32_t off = (uint32_t)(host_rip - (uintptr_t)d->code_base);
	uint32_t lo = 0, hi = d->nrecs;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (d->recs[mid].rip_off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == d->nrecs || d->recs[lo].rip_off != off)
		return -1;
	const struct dbt_fault_rec *r = &d->recs[lo];
	*out = (struct dbt_mem_access){
		.guest_pc = r->guest_pc & ~1u, .size = r->size,
		.is_signed = r->is_signed, .is_write = r->is_write,
		.reg = r->reg,
		.resume_rip = r->resume_off ? (uintptr_t)(d->code_base + r->resume_off)
					    : (uintptr_t)d->fault_resume[r->flags],
	};
	if (d->cpu) {
		/* In dbt_run()'s form (state in bit 0): it is on its way
		 * out through the fault exit, which converts. */
		d->cpu->r[ARM_REG_PC] = r->guest_pc;
		d->fault_itstate = r->itstate;
		d->cpu->fault_is_write = r->is_write;
	}
	return 0;
}
