/* Coprocessor register accesses (MRC/MCR, MRRC/MCRR; ARM DDI 0406C
 * A8.8.98-A8.8.109, B3.17): find the encoding in the register table
 * (cp15_regs.c), check the access rights for the current privilege, then
 * read or write. An encoding this CPU does not model is UNDEFINED and is
 * logged once, with its fields, through the embedder's log hook. */
#include <stddef.h>
#include <string.h>

#include "guest-arm/cp15.h"

/* SCTLR.CP15BEN enables the CP15 barrier operations (B4.1.130). */
#define SCTLR_CP15BEN (1u << 5)
#define SCTLR_RESET 0x00c50078u      /* Cortex-A15 TRM 4.3.27, QEMU */

/* CNTKCTL PL0 access controls (B4.1.26). */
#define CNTKCTL_PL0PCTEN (1u << 0)
#define CNTKCTL_PL0VCTEN (1u << 1)
#define CNTKCTL_PL0VTEN (1u << 8)
#define CNTKCTL_PL0PTEN (1u << 9)
#define PMUSERENR_EN 1u

#define CP15 15
#define CP_TIMER_CRM 14
#define WORD_BITS 32

static const struct cp_reg *cp_find(uint32_t key)
{
	for (size_t i = 0; i < cp_regs_count; i++)
		if ((key & cp_regs[i].mask) == cp_regs[i].key)
			return &cp_regs[i];
	return NULL;
}

static bool gate_open(const struct arm_sys *s, enum cp_gate gate, bool priv)
{
	uint32_t k = s->cp15.cntkctl;

	if ((gate == GATE_CNTP || gate == GATE_CNTV || gate == GATE_CNTPCT ||
	     gate == GATE_CNTVCT) && !s->timer)
		return false;
	if (gate == GATE_CP15BEN)
		return s->cp15.sctlr & SCTLR_CP15BEN;
	if (priv)
		return true;
	switch (gate) {
	case GATE_PMU:
		return s->cp15.pmuserenr & PMUSERENR_EN;
	case GATE_CNTFRQ:
		return k & (CNTKCTL_PL0PCTEN | CNTKCTL_PL0VCTEN);
	case GATE_CNTPCT:
		return k & CNTKCTL_PL0PCTEN;
	case GATE_CNTVCT:
		return k & CNTKCTL_PL0VCTEN;
	case GATE_CNTP:
		return k & CNTKCTL_PL0PTEN;
	case GATE_CNTV:
		return k & CNTKCTL_PL0VTEN;
	default:
		return true;
	}
}

static bool allowed(const struct arm_sys *s, uint8_t access, enum cp_gate gate,
		    bool write)
{
	bool priv = arm_sys_privileged(s);
	uint8_t need = priv ? (write ? CP_PL1_W : CP_PL1_R)
			    : (write ? CP_PL0_W : CP_PL0_R);
	return (access & need) && gate_open(s, gate, priv);
}

static uint32_t *field(struct arm_sys *s, const struct cp_reg *r)
{
	return (uint32_t *)(void *)((char *)s + r->off);
}

static uint32_t reg_read(struct sys_ctx *c, const struct cp_reg *r)
{
	switch (r->kind) {
	case CP_FIELD:
		return *field(c->s, r);
	case CP_FN:
		return r->read(c);
	default:
		return r->value;
	}
}

static void reg_write(struct sys_ctx *c, const struct cp_reg *r, uint32_t v)
{
	uint32_t *p, nv;

	switch (r->kind) {
	case CP_FIELD:
		p = field(c->s, r);
		nv = (*p & ~r->value) | (v & r->value);
		if (nv != *p)
			c->flags |= r->flags;
		*p = nv;
		break;
	case CP_FN:
		r->write(c, v);
		break;
	case CP_OP:
		c->flags |= r->flags;
		if (r->flags)
			c->s->tlb_arg = v & r->value;
		break;
	default:
		break;   /* CP_CONST: RAZ/WI or a fixed value, writes ignored */
	}
}

/* ---- the log of unmodelled encodings ------------------------------------- */

struct line {
	char buf[112];
	size_t n;
};

static void put_s(struct line *l, const char *s)
{
	while (*s && l->n + 1 < sizeof(l->buf))
		l->buf[l->n++] = *s++;
}

static void put_u(struct line *l, uint32_t v, unsigned base)
{
	char tmp[12];
	size_t i = 0;

	do {
		tmp[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (base == 16)
		put_s(l, "0x");
	while (i && l->n + 1 < sizeof(l->buf))
		l->buf[l->n++] = tmp[--i];
}

/* Remembers key; true if it was logged before. Once the table is full,
 * one line says so and nothing more is logged: a guest looping over
 * unmodelled registers must not flood the serial console. */
static bool already_logged(struct arm_sys *s, uint32_t key)
{
	for (uint32_t i = 0; i < s->nlogged && i < ARM_SYS_LOG_KEYS; i++)
		if (s->logged[i] == key)
			return true;
	if (s->nlogged < ARM_SYS_LOG_KEYS) {
		s->logged[s->nlogged++] = key;
		return false;
	}
	if (s->nlogged == ARM_SYS_LOG_KEYS) {
		s->nlogged++;
		s->log(s->log_ctx, "unmodelled coprocessor accesses: no more "
			"will be logged");
	}
	return true;
}

/* e.g. "unmodelled coprocessor access: mrc p15, 1, r0, c9, c0, 2
 * (insn 0xee390f50 at pc 0xc0008000): UNDEFINED". */
static void log_unmodelled(struct sys_ctx *c, uint32_t key)
{
	const struct a32_insn *in = c->in;
	struct line l = { .n = 0 };
	bool rt = in->op == A32_MRC || in->op == A32_MCR;
	bool rrt = in->op == A32_MRRC || in->op == A32_MCRR;

	if (!c->s->log || already_logged(c->s, key))
		return;
	put_s(&l, "unmodelled coprocessor access: ");
	put_s(&l, a32_op_name((enum a32_op)in->op));
	put_s(&l, " p");
	put_u(&l, in->coproc, 10);
	put_s(&l, ", ");
	put_u(&l, in->opc1, 10);
	if (rt) {
		put_s(&l, ", c");
		put_u(&l, in->crn, 10);
	}
	if (rt || rrt) {
		put_s(&l, ", c");
		put_u(&l, in->crm, 10);
	}
	if (rt) {
		put_s(&l, ", ");
		put_u(&l, in->opc2, 10);
	}
	put_s(&l, " (insn ");
	put_u(&l, in->raw, 16);
	put_s(&l, " at pc ");
	put_u(&l, c->pc, 16);
	put_s(&l, "): UNDEFINED");
	l.buf[l.n] = 0;
	c->s->log(c->s->log_ctx, l.buf);
}

/* Log key: the encoding without condition and transfer registers. */
#define LOG_KEY_MASK_RT 0x0fff0fffu
#define LOG_KEY_MASK_RRT 0x0ff00fffu

void sys_log_unmodelled_insn(struct sys_ctx *c)
{
	bool rrt = c->in->op == A32_MRRC || c->in->op == A32_MCRR;
	log_unmodelled(c, c->in->raw & (rrt ? LOG_KEY_MASK_RRT : LOG_KEY_MASK_RT));
}

/* ---- MRC/MCR, MRRC/MCRR --------------------------------------------------- */

int sys_coproc_rt(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	bool write = in->op == A32_MCR;
	const struct cp_reg *r =
		cp_find(CP_KEY(in->coproc, in->opc1, in->crn, in->crm, in->opc2));

	if (!r) {
		sys_log_unmodelled_insn(c);
		return -1;
	}
	if (!allowed(c->s, r->access, (enum cp_gate)r->gate, write))
		return -1;
	if (write) {
		reg_write(c, r, sys_reg(c, in->rt));
		return 0;
	}
	uint32_t v = reg_read(c, r);
	if (in->rt == ARM_REG_PC) {
		/* MRC to APSR_nzcv: bits 31:28 become the flags (A8.8.108). */
		uint32_t cpsr = arm_cpu_cpsr(c->cpu) & ~ARM_CPSR_NZCV;
		arm_cpu_set_cpsr(c->cpu, cpsr | (v & ARM_CPSR_NZCV));
	} else {
		c->cpu->r[in->rt] = v;
	}
	return 0;
}

/* The 64-bit registers: only the generic timer's (B4.1.22-B4.1.34);
 * the 64-bit TTBRs and PAR exist only with LPAE, CNTVOFF only in Hyp. */
static const struct cp_reg64 {
	uint8_t opc1, access, gate, reg;
} cp_regs64[] = {
	{ 0, CP_PL1_R | CP_PL0_R, GATE_CNTPCT, ARM_TIMER_CNTPCT },
	{ 1, CP_PL1_R | CP_PL0_R, GATE_CNTVCT, ARM_TIMER_CNTVCT },
	{ 2, CP_ALL_RW, GATE_CNTP, ARM_TIMER_CNTP_CVAL },
	{ 3, CP_ALL_RW, GATE_CNTV, ARM_TIMER_CNTV_CVAL },
};

int sys_coproc_rrt(struct sys_ctx *c)
{
	const struct a32_insn *in = c->in;
	const struct cp_reg64 *r = NULL;
	bool write = in->op == A32_MCRR;

	for (size_t i = 0; i < sizeof(cp_regs64) / sizeof(cp_regs64[0]); i++)
		if (in->coproc == CP15 && in->crm == CP_TIMER_CRM &&
		    in->opc1 == cp_regs64[i].opc1)
			r = &cp_regs64[i];
	if (!r) {
		sys_log_unmodelled_insn(c);
		return -1;
	}
	if (!allowed(c->s, r->access, (enum cp_gate)r->gate, write))
		return -1;
	const struct arm_timer_ops *t = c->s->timer;
	if (write) {
		uint64_t v = ((uint64_t)sys_reg(c, in->rt2) << WORD_BITS) |
			     sys_reg(c, in->rt);
		t->write(t->ctx, (enum arm_timer_reg)r->reg, v);
		return 0;
	}
	uint64_t v = t->read(t->ctx, (enum arm_timer_reg)r->reg);
	c->cpu->r[in->rt] = (uint32_t)v;
	c->cpu->r[in->rt2] = (uint32_t)(v >> WORD_BITS);
	return 0;
}

void cp15_reset(struct arm_sys *s, struct arm_cpu *cpu)
{
	/* Registers without a reset value in B4.1 are UNKNOWN at reset;
	 * zero, as QEMU has them. */
	memset(&s->cp15, 0, sizeof(s->cp15));
	s->cp15.sctlr = SCTLR_RESET;
	s->cp15.cntfrq = s->timer ? s->timer->freq_hz : 0;
	cpu->tpidruro = 0;
	cpu->tpidrprw = 0;
	cp_pmu_reset(s);
}
