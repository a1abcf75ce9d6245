/* The GICv2 interrupt controller of QEMU's -M virt board (ARM IHI 0048B):
 * distributor and CPU interface for one CPU, 288 interrupts, 8 priority
 * bits, interrupt groups but no Security Extensions. The model knows
 * nothing of the monitor: the board forwards MMIO accesses by offset and
 * learns of IRQ/FIQ line changes through a callback. */
#ifndef GUEST_ARM_GIC_H
#define GUEST_ARM_GIC_H

#include <stdbool.h>
#include <stdint.h>

/* Interrupt ID ranges (IHI 0048B 2.2.1): SGIs 0-15, PPIs 16-31, SPIs from
 * 32; QEMU virt has 256 SPIs. */
#define GIC_NR_SGIS 16u
#define GIC_NR_INTERNAL 32u
#define GIC_NR_IRQS 288u
#define GIC_SPURIOUS 1023u
#define GIC_SPURIOUS_GROUP1 1022u   /* GICC_IAR/HPPIR: group 1 hidden (4.4.4) */

/* Per-interrupt state, one bit per interrupt ID. */
#define GIC_WORDS (GIC_NR_IRQS / 32u)
/* Active priority registers: 128 preemption levels with BPR minimum 0
 * (IHI 0048B 4.4, GICC_APRn, for 8 priority bits). */
#define GIC_NR_APRS 4u

/* Called when the CPU's IRQ or FIQ input changes. */
typedef void (*gic_lines_fn)(void *ctx, bool irq, bool fiq);
/* An access to an offset the model does not implement (RAZ/WI). */
typedef void (*gic_log_fn)(void *ctx, const char *what, uint32_t offset);

struct gic {
	uint32_t enabled[GIC_WORDS];
	uint32_t pending[GIC_WORDS];   /* latched: edge, ISPENDR, SGIs */
	uint32_t active[GIC_WORDS];
	uint32_t level[GIC_WORDS];     /* input line state (PPIs, SPIs) */
	uint32_t edge[GIC_WORDS];      /* ICFGR Int_config[1]: edge-triggered */
	uint32_t group1[GIC_WORDS];    /* IGROUPR */
	uint8_t priority[GIC_NR_IRQS];
	uint8_t sgi_sources[GIC_NR_SGIS];   /* source CPU bits of pending SGIs */
	uint32_t dist_ctlr;
	uint32_t cpu_ctlr, pmr, bpr, abpr;
	uint32_t apr[GIC_NR_APRS], nsapr[GIC_NR_APRS];
	uint32_t running_priority;     /* 0x100: idle */
	uint32_t hppi;                 /* highest priority pending, or 1023 */
	bool irq_out, fiq_out;
	/* Set by the embedder; gic_init() keeps them. */
	gic_lines_fn lines_changed;
	void *lines_ctx;
	gic_log_fn log;
	void *log_ctx;
};

/* Reset state (IHI 0048B 4.1.2 and QEMU virt): everything disabled and
 * inactive, priorities 0, SGIs enabled and edge-triggered, PPIs and SPIs
 * level-sensitive, group 0. Keeps the callbacks. */
void gic_init(struct gic *g);

/* Register accesses by offset from the distributor / CPU interface base;
 * size is 1, 2 or 4. Unimplemented offsets read 0 and ignore writes. */
uint32_t gic_dist_read(struct gic *g, uint32_t off, unsigned size);
void gic_dist_write(struct gic *g, uint32_t off, unsigned size, uint32_t val);
uint32_t gic_cpu_read(struct gic *g, uint32_t off, unsigned size);
void gic_cpu_write(struct gic *g, uint32_t off, unsigned size, uint32_t val);

/* An interrupt input: irq is the interrupt ID, 16-31 for PPIs, 32 and up
 * for SPIs (SGIs have no input line; out-of-range IDs are ignored). */
void gic_set_irq(struct gic *g, unsigned irq, bool level);

/* The CPU's inputs. */
bool gic_irq_line(const struct gic *g);
bool gic_fiq_line(const struct gic *g);

/* gpa_device-shaped wrappers: ctx is the struct gic. */
uint32_t gic_dist_mmio_read(void *ctx, uint32_t off, unsigned size);
void gic_dist_mmio_write(void *ctx, uint32_t off, unsigned size, uint32_t val);
uint32_t gic_cpu_mmio_read(void *ctx, uint32_t off, unsigned size);
void gic_cpu_mmio_write(void *ctx, uint32_t off, unsigned size, uint32_t val);

#endif
