/* GICv2 distributor and CPU interface for one CPU (ARM IHI 0048B), as
 * QEMU's -M virt presents it to a cortex-a15 guest: groups implemented,
 * no Security Extensions (accesses behave as Secure ones), 8 priority
 * bits, uniprocessor (GICD_ITARGETSR RAZ/WI). The distributor is
 * byte-addressed internally; wider accesses are composed of bytes. */
#include "guest-arm/gic.h"

#include <string.h>

/* Distributor register map (IHI 0048B 4.1.2, Table 4-1). */
#define GICD_CTLR 0x000u
#define GICD_TYPER 0x004u
#define GICD_IIDR 0x008u
#define GICD_IDENT_END 0x00cu
#define GICD_IGROUPR 0x080u
#define GICD_ISENABLER 0x100u
#define GICD_ICENABLER 0x180u
#define GICD_ISPENDR 0x200u
#define GICD_ICPENDR 0x280u
#define GICD_ISACTIVER 0x300u
#define GICD_ICACTIVER 0x380u
#define GICD_IPRIORITYR 0x400u
#define GICD_ITARGETSR 0x800u
#define GICD_ICFGR 0xc00u
#define GICD_ICFGR_END 0xd00u
#define GICD_SGIR 0xf00u
#define GICD_CPENDSGIR 0xf10u
#define GICD_SPENDSGIR 0xf20u
#define GICD_SPENDSGIR_END 0xf30u
#define GICD_ID_BASE 0xfd0u          /* PIDR4 */
#define GICD_END 0x1000u

/* GICD_CTLR (4.3.1): EnableGrp0, EnableGrp1 without Security Extensions. */
#define GICD_CTLR_MASK 0x3u
/* GICD_TYPER (4.3.2): ITLinesNumber = interrupts/32 - 1, CPUNumber 0. */
#define GICD_TYPER_VALUE (GIC_NR_IRQS / 32u - 1u)
/* GICD_IIDR (4.3.3): implementer 0x43B (ARM), as QEMU reports it. */
#define GICD_IIDR_VALUE 0x0000043bu
/* GICD_ICFGR (4.3.13): Int_config[1] of each 2-bit field, 1 = edge. */
#define ICFGR_EDGE_BITS 0xaau
/* GICD_SGIR (4.3.15): TargetListFilter, CPUTargetList, SGIINTID. */
#define SGIR_FILTER_SHIFT 24
#define SGIR_FILTER_MASK 0x3u
#define SGIR_FILTER_LIST 0u
#define SGIR_FILTER_OTHERS 1u
#define SGIR_FILTER_SELF 2u
#define SGIR_TARGETS_SHIFT 16
#define SGIR_INTID_MASK 0xfu
#define GIC_CPU0_MASK 0x1u

/* Peripheral and component ID registers at 0xfd0-0xffc, one byte value
 * per word (4.3, identification registers): PIDR4-7, PIDR0-3 (ArchRev 2 in PIDR2),
 * CIDR0-3; the values QEMU's GICv2 reports. */
static const uint8_t gicd_id_regs[12] = {
	0x04, 0x00, 0x00, 0x00, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
};

/* CPU interface register map (4.1.3, Table 4-2). */
#define GICC_CTLR 0x00u
#define GICC_PMR 0x04u
#define GICC_BPR 0x08u
#define GICC_IAR 0x0cu
#define GICC_EOIR 0x10u
#define GICC_RPR 0x14u
#define GICC_HPPIR 0x18u
#define GICC_ABPR 0x1cu
#define GICC_APR0 0xd0u
#define GICC_NSAPR0 0xe0u
#define GICC_IIDR 0xfcu
#define GICC_DIR 0x1000u

/* GICC_CTLR (4.4.1, GICv2 without Security Extensions). */
#define GICC_CTLR_ENABLE_GRP0 (1u << 0)
#define GICC_CTLR_ENABLE_GRP1 (1u << 1)
#define GICC_CTLR_ACKCTL (1u << 2)
#define GICC_CTLR_FIQEN (1u << 3)
#define GICC_CTLR_CBPR (1u << 4)
#define GICC_CTLR_EOIMODE (1u << 9)
#define GICC_CTLR_MASK 0x21fu       /* bypass disables not implemented */
#define GICC_BPR_MASK 0x7u
#define GICC_BPR_MIN 0u             /* 8 priority bits: group [7:1] */
#define GICC_ABPR_MIN 1u
/* GICC_IAR (4.4.4): CPUID of the requesting CPU for SGIs. */
#define GICC_IAR_CPUID_SHIFT 10
#define GICC_INTID_MASK 0x3ffu
/* GICC_IIDR (4.4, GICC_IIDR): architecture version 2, implementer ARM. */
#define GICC_IIDR_VALUE 0x0002043bu
#define GIC_IDLE_PRIORITY 0x100u    /* no active interrupt */
#define GIC_RPR_IDLE 0xffu          /* GICC_RPR with nothing active (4.4.6) */

static bool bit_test(const uint32_t *m, unsigned irq)
{
	return m[irq / 32] >> (irq % 32) & 1u;
}

static void bit_set(uint32_t *m, unsigned irq)
{
	m[irq / 32] |= 1u << (irq % 32);
}

static void bit_clear(uint32_t *m, unsigned irq)
{
	m[irq / 32] &= ~(1u << (irq % 32));
}

/* Eight interrupts' bits starting at irq (a multiple of 8). */
static uint8_t byte_get(const uint32_t *m, unsigned irq)
{
	return (uint8_t)(m[irq / 32] >> (irq % 32));
}

static void byte_or(uint32_t *m, unsigned irq, uint8_t v)
{
	m[irq / 32] |= (uint32_t)v << (irq % 32);
}

static void byte_clear(uint32_t *m, unsigned irq, uint8_t v)
{
	m[irq / 32] &= ~((uint32_t)v << (irq % 32));
}

static void byte_put(uint32_t *m, unsigned irq, uint8_t v)
{
	byte_clear(m, irq, 0xff);
	byte_or(m, irq, v);
}

/* A level-sensitive interrupt is pending while its line is asserted,
 * besides any latched pending state (3.2, interrupt handling state machine). */
static uint32_t pending_word(const struct gic *g, unsigned w)
{
	return g->pending[w] | (g->level[w] & ~g->edge[w]);
}

/* The group priority: the priority's bits above the binary point (3.3,
 * priority grouping). Group 1 uses GICC_ABPR, whose value n keeps bits [7:n],
 * unless GICC_CTLR.CBPR makes GICC_BPR common to both groups. */
static uint32_t group_priority(const struct gic *g, unsigned irq)
{
	uint32_t shift = g->bpr + 1;
	if (bit_test(g->group1, irq) && !(g->cpu_ctlr & GICC_CTLR_CBPR))
		shift = g->abpr;
	return g->priority[irq] & (0xffu << shift) & 0xffu;
}

static void set_lines(struct gic *g, bool irq, bool fiq)
{
	if (irq == g->irq_out && fiq == g->fiq_out)
		return;
	g->irq_out = irq;
	g->fiq_out = fiq;
	if (g->lines_changed)
		g->lines_changed(g->lines_ctx, irq, fiq);
}

/* The highest priority enabled pending interrupt that is not already
 * active (3.2, state machine: an active interrupt is not signalled again until it
 * is deactivated), or 1023. Ties go to the lowest ID. */
static unsigned best_pending(const struct gic *g)
{
	unsigned best = GIC_SPURIOUS, best_prio = GIC_IDLE_PRIORITY;
	for (unsigned w = 0; w < GIC_WORDS; w++) {
		uint32_t cand = g->enabled[w] & pending_word(g, w) & ~g->active[w];
		while (cand) {
			unsigned irq = w * 32 + (unsigned)__builtin_ctz(cand);
			cand &= cand - 1;
			if (g->priority[irq] < best_prio) {
				best_prio = g->priority[irq];
				best = irq;
			}
		}
	}
	return best;
}

/* Recomputes the highest priority pending interrupt and the CPU's IRQ
 * and FIQ inputs (3.3: signalled when its priority beats both the
 * priority mask and the running priority, with its group enabled in
 * the distributor and the CPU interface; group 0 goes to FIQ when
 * GICC_CTLR.FIQEn is set, 4.4.1). */
static void update(struct gic *g)
{
	bool irq = false, fiq = false;
	g->hppi = GIC_SPURIOUS;
	if ((g->dist_ctlr & GICD_CTLR_MASK) &&
	    (g->cpu_ctlr & (GICC_CTLR_ENABLE_GRP0 | GICC_CTLR_ENABLE_GRP1))) {
		unsigned best = best_pending(g);
		if (best != GIC_SPURIOUS && g->priority[best] < g->pmr)
			g->hppi = best;
	}
	if (g->hppi != GIC_SPURIOUS &&
	    group_priority(g, g->hppi) < g->running_priority) {
		unsigned grp = bit_test(g->group1, g->hppi);
		if ((g->dist_ctlr >> grp & 1u) && (g->cpu_ctlr >> grp & 1u)) {
			if (grp == 0 && (g->cpu_ctlr & GICC_CTLR_FIQEN))
				fiq = true;
			else
				irq = true;
		}
	}
	set_lines(g, irq, fiq);
}

void gic_init(struct gic *g)
{
	gic_lines_fn lines = g->lines_changed;
	void *lines_ctx = g->lines_ctx;
	gic_log_fn log = g->log;
	void *log_ctx = g->log_ctx;

	memset(g, 0, sizeof(*g));
	g->lines_changed = lines;
	g->lines_ctx = lines_ctx;
	g->log = log;
	g->log_ctx = log_ctx;
	/* SGIs are always enabled and edge-triggered in QEMU's GIC (4.3.5:
	 * whether SGIs can be disabled is IMPLEMENTATION DEFINED). */
	g->enabled[0] = (1u << GIC_NR_SGIS) - 1;
	g->edge[0] = (1u << GIC_NR_SGIS) - 1;
	g->bpr = GICC_BPR_MIN;
	g->abpr = GICC_ABPR_MIN;
	g->running_priority = GIC_IDLE_PRIORITY;
	g->hppi = GIC_SPURIOUS;
}

static void log_bad(struct gic *g, const char *what, uint32_t off)
{
	if (g->log)
		g->log(g->log_ctx, what, off);
}

/* ---- distributor ---------------------------------------------------------- */

/* The interrupt a byte of a bit-per-interrupt register starts at. */
static unsigned bitreg_irq(uint32_t off, uint32_t base)
{
	return (off - base) * 8;
}

static bool dist_read_ident(const struct gic *g, uint32_t off, uint8_t *out)
{
	*out = 0;
	if (off == GICD_CTLR)
		*out = (uint8_t)g->dist_ctlr;
	else if (off == GICD_TYPER)
		*out = GICD_TYPER_VALUE;
	else if (off >= GICD_IIDR && off < GICD_IDENT_END)
		*out = (uint8_t)(GICD_IIDR_VALUE >> (8 * (off - GICD_IIDR)));
	else if (off >= GICD_IDENT_END)
		return false;
	return true;
}

/* The registers with one bit per interrupt (IGROUPR to ICACTIVER); off
 * is in [GICD_IGROUPR, GICD_IPRIORITYR). */
static uint32_t *bitreg_map(struct gic *g, uint32_t off, uint32_t *base)
{
	static const uint32_t bases[] = {
		GICD_IGROUPR, GICD_ISENABLER, GICD_ICENABLER, GICD_ISPENDR,
		GICD_ICPENDR, GICD_ISACTIVER, GICD_ICACTIVER,
	};
	uint32_t *maps[] = {
		g->group1, g->enabled, g->enabled, g->pending,
		g->pending, g->active, g->active,
	};
	unsigned i = sizeof(bases) / sizeof(bases[0]) - 1;
	while (i > 0 && off < bases[i])
		i--;
	*base = bases[i];
	return maps[i];
}

static uint8_t icfgr_byte(const struct gic *g, unsigned irq)
{
	uint8_t v = 0;
	for (unsigned i = 0; i < 4; i++)
		if (bit_test(g->edge, irq + i))
			v |= (uint8_t)(2u << (2 * i));
	return v;
}

static bool dist_readb(struct gic *g, uint32_t off, uint8_t *out)
{
	uint32_t base;
	unsigned irq;

	*out = 0;
	if (off < GICD_IGROUPR)
		return dist_read_ident(g, off, out);
	if (off < GICD_IPRIORITYR) {
		uint32_t *map = bitreg_map(g, off, &base);
		irq = bitreg_irq(off, base);
		if (irq >= GIC_NR_IRQS)
			return false;
		if (base == GICD_ISPENDR || base == GICD_ICPENDR)
			*out = (uint8_t)(pending_word(g, irq / 32) >> (irq % 32));
		else
			*out = byte_get(map, irq);
		return true;
	}
	if (off < GICD_ITARGETSR) {
		irq = off - GICD_IPRIORITYR;
		if (irq >= GIC_NR_IRQS)
			return false;
		*out = g->priority[irq];
		return true;
	}
	if (off < GICD_ICFGR)
		return true;   /* ITARGETSR: RAZ/WI on a uniprocessor GIC (4.3.12) */
	if (off < GICD_ICFGR_END) {
		irq = (off - GICD_ICFGR) * 4;
		if (irq >= GIC_NR_IRQS)
			return false;
		*out = icfgr_byte(g, irq);
		return true;
	}
	if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR_END) {
		*out = g->sgi_sources[(off - GICD_CPENDSGIR) % GIC_NR_SGIS];
		return true;
	}
	if (off >= GICD_ID_BASE && off < GICD_END) {
		if (off % 4 == 0)
			*out = gicd_id_regs[(off - GICD_ID_BASE) / 4];
		return true;
	}
	return false;
}

/* A byte write to IGROUPR..ICACTIVER. SGIs cannot be disabled and their
 * pending state is set and cleared through SPENDSGIR/CPENDSGIR, so their
 * bytes of ISENABLER, ICENABLER, ISPENDR and ICPENDR are WI
 * (4.3.5-4.3.8); QEMU treats any ISENABLER write there as enabling. */
static bool dist_write_bitreg(struct gic *g, uint32_t off, uint8_t v)
{
	uint32_t base;
	uint32_t *map = bitreg_map(g, off, &base);
	unsigned irq = bitreg_irq(off, base);
	bool sgi = irq < GIC_NR_SGIS;

	if (irq >= GIC_NR_IRQS)
		return false;
	switch (base) {
	case GICD_IGROUPR:
		byte_put(map, irq, v);
		break;
	case GICD_ISENABLER:
		byte_or(map, irq, sgi ? 0xff : v);
		break;
	case GICD_ICENABLER:
	case GICD_ICPENDR:
		if (!sgi)
			byte_clear(map, irq, v);
		break;
	case GICD_ISPENDR:
		if (!sgi)
			byte_or(map, irq, v);
		break;
	case GICD_ISACTIVER:
		byte_or(map, irq, v);
		break;
	default:   /* GICD_ICACTIVER */
		byte_clear(map, irq, v);
		break;
	}
	return true;
}

static void write_icfgr(struct gic *g, unsigned irq, uint8_t v)
{
	if (irq < GIC_NR_SGIS)
		v |= ICFGR_EDGE_BITS;   /* SGIs are always edge (4.3.13) */
	for (unsigned i = 0; i < 4; i++) {
		if (v & (2u << (2 * i)))
			bit_set(g->edge, irq + i);
		else
			bit_clear(g->edge, irq + i);
	}
}

/* GICD_CPENDSGIR / GICD_SPENDSGIR (4.3.16, 4.3.17): one byte per SGI,
 * one bit per source CPU. */
static void write_sgi_pending(struct gic *g, uint32_t off, uint8_t v)
{
	unsigned sgi = (off - GICD_CPENDSGIR) % GIC_NR_SGIS;
	if (off < GICD_SPENDSGIR)
		g->sgi_sources[sgi] &= (uint8_t)~v;
	else
		g->sgi_sources[sgi] |= v;
	if (g->sgi_sources[sgi])
		bit_set(g->pending, sgi);
	else
		bit_clear(g->pending, sgi);
}

static bool dist_writeb(struct gic *g, uint32_t off, uint8_t v)
{
	if (off < GICD_IGROUPR) {
		if (off == GICD_CTLR)
			g->dist_ctlr = v & GICD_CTLR_MASK;
		return off < GICD_TYPER;
	}
	if (off < GICD_IPRIORITYR)
		return dist_write_bitreg(g, off, v);
	if (off < GICD_ITARGETSR) {
		if (off - GICD_IPRIORITYR >= GIC_NR_IRQS)
			return false;
		g->priority[off - GICD_IPRIORITYR] = v;
		return true;
	}
	if (off < GICD_ICFGR)
		return true;
	if (off < GICD_ICFGR_END) {
		unsigned irq = (off - GICD_ICFGR) * 4;
		if (irq >= GIC_NR_IRQS)
			return false;
		write_icfgr(g, irq, v);
		return true;
	}
	if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR_END) {
		write_sgi_pending(g, off, v);
		return true;
	}
	return false;
}

/* GICD_SGIR (4.3.15). With one CPU only the filters that include CPU 0
 * make an SGI pending; the reserved filter targets every CPU, as QEMU. */
static void write_sgir(struct gic *g, uint32_t v)
{
	unsigned sgi = v & SGIR_INTID_MASK;
	uint32_t targets;

	switch (v >> SGIR_FILTER_SHIFT & SGIR_FILTER_MASK) {
	case SGIR_FILTER_LIST:
		targets = v >> SGIR_TARGETS_SHIFT & GIC_CPU0_MASK;
		break;
	case SGIR_FILTER_OTHERS:
		targets = 0;
		break;
	case SGIR_FILTER_SELF:
	default:
		targets = GIC_CPU0_MASK;
		break;
	}
	if (targets) {
		g->sgi_sources[sgi] |= GIC_CPU0_MASK;
		bit_set(g->pending, sgi);
	}
}

uint32_t gic_dist_read(struct gic *g, uint32_t off, unsigned size)
{
	uint32_t v = 0;
	bool known = size == 1 || size == 2 || size == 4;
	for (unsigned i = 0; known && i < size; i++) {
		uint8_t b;
		known = dist_readb(g, off + i, &b);
		v |= (uint32_t)b << (8 * i);
	}
	if (!known) {
		log_bad(g, "gicd read", off);
		return 0;
	}
	return v;
}

void gic_dist_write(struct gic *g, uint32_t off, unsigned size, uint32_t val)
{
	bool known = size == 1 || size == 2 || size == 4;
	if (known && off >= GICD_SGIR && off < GICD_CPENDSGIR) {
		known = off == GICD_SGIR && size == 4;
		if (known)
			write_sgir(g, val);
	} else {
		for (unsigned i = 0; known && i < size; i++)
			known = dist_writeb(g, off + i, (uint8_t)(val >> (8 * i)));
	}
	if (!known)
		log_bad(g, "gicd write", off);
	update(g);
}

/* ---- CPU interface -------------------------------------------------------- */

/* The running priority from the active priority registers: the lowest
 * set bit is the highest active preemption level (4.4, GICC_APRn). */
static uint32_t running_from_aprs(const struct gic *g)
{
	for (unsigned i = 0; i < GIC_NR_APRS; i++) {
		uint32_t a = g->apr[i] | g->nsapr[i];
		if (a)
			return (i * 32 + (unsigned)__builtin_ctz(a)) << 1;
	}
	return GIC_IDLE_PRIORITY;
}

static void activate(struct gic *g, unsigned irq)
{
	uint32_t prio = group_priority(g, irq);
	uint32_t level = prio >> 1;   /* 128 preemption levels */
	uint32_t *aprs = bit_test(g->group1, irq) ? g->nsapr : g->apr;
	aprs[level / 32] |= 1u << (level % 32);
	g->running_priority = prio;
	bit_set(g->active, irq);
}

/* Priority drop (3.2.1): the highest active priority of the interrupt's
 * group goes; with the required nesting of IAR reads and EOIR writes that
 * is the interrupt being completed. */
static void drop_priority(struct gic *g, unsigned irq)
{
	uint32_t *aprs = bit_test(g->group1, irq) ? g->nsapr : g->apr;
	for (unsigned i = 0; i < GIC_NR_APRS; i++) {
		if (aprs[i]) {
			aprs[i] &= aprs[i] - 1;
			break;
		}
	}
	g->running_priority = running_from_aprs(g);
}

/* The ID GICC_IAR/GICC_HPPIR report for a pending interrupt, with the
 * lowest requesting CPU for an SGI; group 1 interrupts read as 1022
 * unless GICC_CTLR.AckCtl (4.4.4). */
static uint32_t pending_id(const struct gic *g, unsigned irq)
{
	if (irq == GIC_SPURIOUS)
		return GIC_SPURIOUS;
	if (bit_test(g->group1, irq) && !(g->cpu_ctlr & GICC_CTLR_ACKCTL))
		return GIC_SPURIOUS_GROUP1;
	if (irq < GIC_NR_SGIS && g->sgi_sources[irq])
		return irq | (uint32_t)__builtin_ctz(g->sgi_sources[irq])
			<< GICC_IAR_CPUID_SHIFT;
	return irq;
}

/* GICC_IAR (4.4.4): the highest priority pending interrupt, if it may
 * preempt the running priority, becomes active. */
static uint32_t acknowledge(struct gic *g)
{
	unsigned irq = g->hppi;
	uint32_t id = pending_id(g, irq);

	if (id == GIC_SPURIOUS || id == GIC_SPURIOUS_GROUP1)
		return id;
	if (group_priority(g, irq) >= g->running_priority)
		return GIC_SPURIOUS;
	if (irq < GIC_NR_SGIS) {
		g->sgi_sources[irq] &= (uint8_t)~(1u << (id >> GICC_IAR_CPUID_SHIFT));
		if (!g->sgi_sources[irq])
			bit_clear(g->pending, irq);
	} else {
		/* A level-sensitive interrupt whose line is still asserted
		 * stays pending: it becomes active and pending. */
		bit_clear(g->pending, irq);
	}
	activate(g, irq);
	update(g);
	return id;
}

/* GICC_EOIR (4.4.5): priority drop, and deactivation unless
 * GICC_CTLR.EOImode splits it off to GICC_DIR. Spurious IDs and EOIs
 * with nothing active are ignored. */
static void end_of_interrupt(struct gic *g, uint32_t val)
{
	unsigned irq = val & GICC_INTID_MASK;
	if (irq >= GIC_NR_IRQS || g->running_priority == GIC_IDLE_PRIORITY)
		return;
	drop_priority(g, irq);
	if (!(g->cpu_ctlr & GICC_CTLR_EOIMODE))
		bit_clear(g->active, irq);
}

static bool cpu_read_reg(struct gic *g, uint32_t off, uint32_t *out)
{
	*out = 0;
	if (off >= GICC_APR0 && off < GICC_APR0 + 4 * GIC_NR_APRS)
		*out = g->apr[(off - GICC_APR0) / 4];
	else if (off >= GICC_NSAPR0 && off < GICC_NSAPR0 + 4 * GIC_NR_APRS)
		*out = g->nsapr[(off - GICC_NSAPR0) / 4];
	else if (off == GICC_CTLR)
		*out = g->cpu_ctlr;
	else if (off == GICC_PMR)
		*out = g->pmr;
	else if (off == GICC_BPR)
		*out = g->bpr;
	else if (off == GICC_IAR)
		*out = acknowledge(g);
	else if (off == GICC_RPR)
		*out = g->running_priority > GIC_RPR_IDLE ? GIC_RPR_IDLE
							  : g->running_priority;
	else if (off == GICC_HPPIR)
		*out = pending_id(g, g->hppi);
	else if (off == GICC_ABPR)
		*out = g->abpr;
	else if (off == GICC_IIDR)
		*out = GICC_IIDR_VALUE;
	else
		return false;
	return true;
}

static uint32_t max_u32(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

static bool cpu_write_reg(struct gic *g, uint32_t off, uint32_t val)
{
	if (off >= GICC_APR0 && off < GICC_APR0 + 4 * GIC_NR_APRS) {
		g->apr[(off - GICC_APR0) / 4] = val;
		g->running_priority = running_from_aprs(g);
	} else if (off >= GICC_NSAPR0 && off < GICC_NSAPR0 + 4 * GIC_NR_APRS) {
		g->nsapr[(off - GICC_NSAPR0) / 4] = val;
		g->running_priority = running_from_aprs(g);
	} else if (off == GICC_CTLR) {
		g->cpu_ctlr = val & GICC_CTLR_MASK;
	} else if (off == GICC_PMR) {
		g->pmr = val & 0xffu;
	} else if (off == GICC_BPR) {
		g->bpr = max_u32(val & GICC_BPR_MASK, GICC_BPR_MIN);
	} else if (off == GICC_EOIR) {
		end_of_interrupt(g, val);
	} else if (off == GICC_ABPR) {
		g->abpr = max_u32(val & GICC_BPR_MASK, GICC_ABPR_MIN);
	} else if (off == GICC_DIR) {
		/* GICC_DIR (4.4): UNPREDICTABLE unless EOImode; ignored. */
		unsigned irq = val & GICC_INTID_MASK;
		if ((g->cpu_ctlr & GICC_CTLR_EOIMODE) && irq < GIC_NR_IRQS)
			bit_clear(g->active, irq);
	} else {
		return false;
	}
	return true;
}

/* The CPU interface registers are word-accessible only (4.1.3). The
 * aliased group 1 registers (AIAR, AEOIR, AHPPIR) read 0 and ignore
 * writes, as in QEMU. */
uint32_t gic_cpu_read(struct gic *g, uint32_t off, unsigned size)
{
	uint32_t v;
	if (size != 4 || off % 4 || !cpu_read_reg(g, off, &v)) {
		log_bad(g, "gicc read", off);
		return 0;
	}
	return v;
}

void gic_cpu_write(struct gic *g, uint32_t off, unsigned size, uint32_t val)
{
	if (size != 4 || off % 4 || !cpu_write_reg(g, off, val))
		log_bad(g, "gicc write", off);
	update(g);
}

/* ---- inputs and outputs --------------------------------------------------- */

/* An edge-triggered interrupt latches pending on the rising edge; a
 * level-sensitive one is pending while the line is high (3.2, state machine). */
void gic_set_irq(struct gic *g, unsigned irq, bool level)
{
	if (irq < GIC_NR_SGIS || irq >= GIC_NR_IRQS ||
	    bit_test(g->level, irq) == level)
		return;
	if (level) {
		bit_set(g->level, irq);
		if (bit_test(g->edge, irq))
			bit_set(g->pending, irq);
	} else {
		bit_clear(g->level, irq);
	}
	update(g);
}

bool gic_irq_line(const struct gic *g)
{
	return g->irq_out;
}

bool gic_fiq_line(const struct gic *g)
{
	return g->fiq_out;
}

uint32_t gic_dist_mmio_read(void *ctx, uint32_t off, unsigned size)
{
	return gic_dist_read(ctx, off, size);
}

void gic_dist_mmio_write(void *ctx, uint32_t off, unsigned size, uint32_t val)
{
	gic_dist_write(ctx, off, size, val);
}

uint32_t gic_cpu_mmio_read(void *ctx, uint32_t off, unsigned size)
{
	return gic_cpu_read(ctx, off, size);
}

void gic_cpu_mmio_write(void *ctx, uint32_t off, unsigned size, uint32_t val)
{
	gic_cpu_write(ctx, off, size, val);
}
