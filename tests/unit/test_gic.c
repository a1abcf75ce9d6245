/* The GICv2 model (guest-arm/gic.c) driven through its registers and
 * input lines. Expected values come from ARM IHI 0048B (sections named
 * at each test) and, for what the architecture leaves to the
 * implementation (ID registers, SGI enables, reserved SGIR filter, ABPR
 * minimum), from QEMU's GICv2 as -M virt configures it. */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "guest-arm/gic.h"

static struct gic gic;
static unsigned line_calls, log_calls;
static uint32_t last_log_off;

static void lines(void *ctx, bool irq, bool fiq)
{
	(void)ctx;
	(void)irq;
	(void)fiq;
	line_calls++;
}

static void logger(void *ctx, const char *what, uint32_t off)
{
	(void)ctx;
	(void)what;
	log_calls++;
	last_log_off = off;
}

static uint32_t dr(uint32_t off) { return gic_dist_read(&gic, off, 4); }
static void dw(uint32_t off, uint32_t v) { gic_dist_write(&gic, off, 4, v); }
static uint32_t cr(uint32_t off) { return gic_cpu_read(&gic, off, 4); }
static void cw(uint32_t off, uint32_t v) { gic_cpu_write(&gic, off, 4, v); }

static void set_prio(unsigned irq, uint8_t prio)
{
	gic_dist_write(&gic, 0x400 + irq, 1, prio);
}

static void enable(unsigned irq)
{
	dw(0x100 + irq / 32 * 4, 1u << (irq % 32));
}

static void set_edge(unsigned irq)
{
	uint32_t off = 0xc00 + irq / 16 * 4;
	dw(off, dr(off) | 2u << (irq % 16 * 2));
}

static bool bit(uint32_t base, unsigned irq)
{
	return dr(base + irq / 32 * 4) >> (irq % 32) & 1u;
}

/* Both enables set, priority mask open, as Linux's irq-gic leaves them
 * (GICD_CTLR.EnableGrp0, GICC_CTLR.EnableGrp0, GICC_PMR 0xf0). */
static void reset_enabled(void)
{
	gic.lines_changed = lines;
	gic.log = logger;
	gic_init(&gic);
	line_calls = log_calls = 0;
	dw(0x000, 1);
	cw(0x00, 1);
	cw(0x04, 0xf0);
}

/* 4.3.2 GICD_TYPER (ITLinesNumber 8: 32 * 9 = 288 interrupts, CPUNumber
 * 0, no SecurityExtn); 4.3.3 and 4.4 (GICC_IIDR) IIDRs; 4.3, identification
 * registers: the peripheral and component IDs (PIDR2.ArchRev 2, CIDR 0xB105F00D). */
static void test_id_registers(void)
{
	reset_enabled();
	CHECK_EQ(dr(0x004), 8);
	CHECK_EQ(dr(0x008), 0x43b);
	CHECK_EQ(cr(0xfc), 0x0002043b);
	CHECK_EQ(dr(0xfd0), 0x04);
	CHECK_EQ(dr(0xfd4), 0);
	CHECK_EQ(dr(0xfe0), 0x90);
	CHECK_EQ(dr(0xfe4), 0xb4);
	CHECK_EQ(dr(0xfe8), 0x2b);
	CHECK_EQ(dr(0xfe8) >> 4 & 0xf, 2);
	CHECK_EQ(dr(0xfec), 0);
	CHECK_EQ(dr(0xff0) | dr(0xff4) << 8 | dr(0xff8) << 16 | dr(0xffc) << 24,
		 0xb105f00d);
	CHECK_EQ(gic_dist_read(&gic, 0xfe9, 1), 0);
}

/* Reset values: 4.3.1 (distributor off), 4.4.1-4.4.3, 4.4.6 (idle
 * priority 0xff), 4.3.13 (SGIs edge, 0b10 per field); QEMU enables SGIs
 * permanently (4.3.5 allows it). */
static void test_reset_state(void)
{
	gic.lines_changed = lines;
	gic_init(&gic);
	CHECK_EQ(dr(0x000), 0);
	CHECK_EQ(cr(0x00), 0);
	CHECK_EQ(cr(0x04), 0);
	CHECK_EQ(cr(0x08), 0);
	CHECK_EQ(cr(0x1c), 1);
	CHECK_EQ(cr(0x14), 0xff);
	CHECK_EQ(cr(0x0c), 1023);
	CHECK_EQ(cr(0x18), 1023);
	CHECK_EQ(dr(0x100), 0x0000ffff);
	CHECK_EQ(dr(0x104), 0);
	CHECK_EQ(dr(0xc00), 0xaaaaaaaa);
	CHECK_EQ(dr(0xc04), 0);
	CHECK_EQ(dr(0xc08), 0);
	CHECK(!gic_irq_line(&gic) && !gic_fiq_line(&gic));
}

/* 3.2 state machine for an edge SPI: inactive -> pending -> active ->
 * inactive, through GICC_IAR (4.4.4) and GICC_EOIR (4.4.5); RPR follows
 * (4.4.6). */
static void test_edge_spi_cycle(void)
{
	reset_enabled();
	set_edge(40);
	set_prio(40, 0xa0);
	enable(40);
	CHECK(bit(0x100, 40));
	CHECK(bit(0x180, 40));
	gic_set_irq(&gic, 40, true);
	CHECK(bit(0x200, 40));
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(line_calls, 1);
	CHECK_EQ(cr(0x18), 40);
	CHECK_EQ(cr(0x0c), 40);
	CHECK(!bit(0x200, 40));
	CHECK(bit(0x300, 40));
	CHECK(bit(0x380, 40));
	CHECK_EQ(cr(0x14), 0xa0);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(line_calls, 2);
	CHECK_EQ(cr(0x0c), 1023);      /* nothing else pending */
	cw(0x10, 40);
	CHECK(!bit(0x300, 40));
	CHECK_EQ(cr(0x14), 0xff);
	/* The line is still high but there was no new edge. */
	CHECK(!bit(0x200, 40));
	gic_set_irq(&gic, 40, false);
	gic_set_irq(&gic, 40, true);
	CHECK(bit(0x200, 40));
	/* ICPENDR clears an edge interrupt's pending state (4.3.8). */
	dw(0x284, 1u << 8);
	CHECK(!bit(0x200, 40));
	CHECK(!gic_irq_line(&gic));
}

/* 3.2 state machine, level-sensitive: pending while the line is asserted; after
 * acknowledge it is active and pending; ICPENDR cannot clear it while
 * asserted (4.3.8); deasserting removes the pending state. */
static void test_level_spi(void)
{
	reset_enabled();
	set_prio(50, 0x80);
	gic_set_irq(&gic, 50, true);
	CHECK(bit(0x200, 50));
	CHECK(!gic_irq_line(&gic));    /* not enabled yet */
	enable(50);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 50);
	CHECK(bit(0x200, 50));
	CHECK(bit(0x300, 50));
	CHECK(!gic_irq_line(&gic));
	dw(0x284, 1u << 18);
	CHECK(bit(0x200, 50));
	cw(0x10, 50);
	CHECK(!bit(0x300, 50));
	CHECK(gic_irq_line(&gic));     /* still asserted: signalled again */
	gic_set_irq(&gic, 50, false);
	CHECK(!bit(0x200, 50));
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 1023);
	/* ISPENDR latches a level interrupt pending without the line. */
	dw(0x204, 1u << 18);
	CHECK(bit(0x200, 50));
	CHECK_EQ(cr(0x0c), 50);
	CHECK(!bit(0x200, 50));
	cw(0x10, 50);
	/* ICENABLER stops signalling (4.3.6). */
	gic_set_irq(&gic, 50, true);
	CHECK(gic_irq_line(&gic));
	dw(0x184, 1u << 18);
	CHECK(!bit(0x100, 50));
	CHECK(!gic_irq_line(&gic));
}

/* 3.3 priority masking and 4.4.2: only a priority strictly higher (numerically lower)
 * than GICC_PMR is signalled; PMR 0 masks everything. */
static void test_priority_mask(void)
{
	reset_enabled();
	set_prio(33, 0xf0);
	enable(33);
	gic_set_irq(&gic, 33, true);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(cr(0x18), 1023);
	CHECK_EQ(cr(0x0c), 1023);
	cw(0x04, 0xf8);
	CHECK_EQ(cr(0x04), 0xf8);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x18), 33);
	cw(0x04, 0);
	CHECK(!gic_irq_line(&gic));
	/* The highest priority wins (3.3). */
	cw(0x04, 0xff);
	set_prio(34, 0x10);
	enable(34);
	gic_set_irq(&gic, 34, true);
	CHECK_EQ(cr(0x18), 34);
	CHECK_EQ(cr(0x0c), 34);
}

/* 3.3 preemption and 4.4.6 running priority with nesting: a higher
 * priority interrupt preempts an active one, an equal or lower one waits
 * until the running priority drops at EOI. */
static void test_nested_preemption(void)
{
	reset_enabled();
	set_prio(40, 0x80);
	set_prio(41, 0x40);
	set_prio(42, 0x80);
	enable(40);
	enable(41);
	enable(42);
	set_edge(40);
	set_edge(41);
	set_edge(42);
	gic_set_irq(&gic, 40, true);
	CHECK_EQ(cr(0x0c), 40);
	CHECK_EQ(cr(0x14), 0x80);
	gic_set_irq(&gic, 41, true);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 41);
	CHECK_EQ(cr(0x14), 0x40);
	gic_set_irq(&gic, 42, true);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(cr(0x18), 42);        /* pending, but cannot preempt */
	CHECK_EQ(cr(0x0c), 1023);
	cw(0x10, 41);
	CHECK_EQ(cr(0x14), 0x80);
	CHECK(!gic_irq_line(&gic));    /* 0x80 does not preempt 0x80 */
	cw(0x10, 40);
	CHECK_EQ(cr(0x14), 0xff);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 42);
	cw(0x10, 42);
	CHECK_EQ(cr(0x14), 0xff);
	/* An EOI of the spurious ID, or with nothing active, is ignored. */
	cw(0x10, 1023);
	CHECK_EQ(cr(0x14), 0xff);
}

/* 3.3 priority grouping: the binary point splits priority into group priority
 * (which preempts) and subpriority (which does not); RPR shows the group
 * priority of the running interrupt. */
static void test_binary_point(void)
{
	reset_enabled();
	cw(0x04, 0xff);
	cw(0x08, 3);                   /* group priority bits [7:4] */
	CHECK_EQ(cr(0x08), 3);
	set_prio(40, 0x45);
	set_prio(41, 0x44);            /* same group 0x40 */
	set_prio(42, 0x38);            /* group 0x30 */
	enable(40);
	enable(41);
	enable(42);
	set_edge(40);
	set_edge(41);
	set_edge(42);
	gic_set_irq(&gic, 40, true);
	CHECK_EQ(cr(0x0c), 40);
	CHECK_EQ(cr(0x14), 0x40);
	gic_set_irq(&gic, 41, true);
	CHECK(!gic_irq_line(&gic));
	gic_set_irq(&gic, 42, true);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 42);
	CHECK_EQ(cr(0x14), 0x30);
	cw(0x10, 42);
	cw(0x10, 40);
	CHECK_EQ(cr(0x0c), 41);
	cw(0x10, 41);
	/* BPR keeps bits [2:0]; ABPR's minimum is 1 as in QEMU (4.4.3). */
	cw(0x08, 9);
	CHECK_EQ(cr(0x08), 1);
	cw(0x1c, 0);
	CHECK_EQ(cr(0x1c), 1);
	cw(0x1c, 4);
	CHECK_EQ(cr(0x1c), 4);
}

/* 4.3.15 GICD_SGIR, 4.3.16/4.3.17 CPENDSGIR/SPENDSGIR and the SGI CPUID
 * in GICC_IAR (4.4.4). */
static void test_sgis(void)
{
	reset_enabled();
	set_prio(5, 0x20);
	dw(0xf00, 0x02000005);         /* filter 0b10: this CPU */
	CHECK(bit(0x200, 5));
	CHECK_EQ(gic_dist_read(&gic, 0xf25, 1), 0x01);
	CHECK_EQ(dr(0xf24), 0x0100);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 5);
	CHECK(!bit(0x200, 5));
	CHECK_EQ(gic_dist_read(&gic, 0xf25, 1), 0);
	cw(0x10, 5);
	dw(0xf00, 0x01000006);         /* filter 0b01: other CPUs only */
	CHECK(!bit(0x200, 6));
	dw(0xf00, 0x00010003);         /* target list: CPU 0 */
	CHECK(bit(0x200, 3));
	dw(0xf00, 0x00020004);         /* target list: CPU 1, absent */
	CHECK(!bit(0x200, 4));
	gic_dist_write(&gic, 0xf13, 1, 0x01);   /* CPENDSGIR for SGI 3 */
	CHECK(!bit(0x200, 3));
	/* A source CPU set through SPENDSGIR is reported in IAR[12:10]. */
	gic_dist_write(&gic, 0xf22, 1, 0x04);
	CHECK(bit(0x200, 2));
	CHECK_EQ(cr(0x18), 2 | 2 << 10);
	CHECK_EQ(cr(0x0c), 2 | 2 << 10);
	cw(0x10, 2 | 2 << 10);
	CHECK_EQ(cr(0x14), 0xff);
	/* SGI bits of ISPENDR, ICENABLER and ICFGR cannot be changed. */
	dw(0x200, 0x0000ffff);
	CHECK_EQ(dr(0x200), 0);
	dw(0x180, 0x0000ffff);
	CHECK_EQ(dr(0x100) & 0xffff, 0xffff);
	dw(0xc00, 0);
	CHECK_EQ(dr(0xc00), 0xaaaaaaaa);
	/* SGIR is a word register: a byte write does nothing. */
	gic_dist_write(&gic, 0xf00, 1, 0x07);
	CHECK(!bit(0x200, 7));
}

/* PPIs (2.2.1): the timer PPIs are level-sensitive inputs of this CPU;
 * ITARGETSR is RAZ/WI on a uniprocessor GIC (4.3.12). */
static void test_ppis(void)
{
	reset_enabled();
	set_prio(27, 0xa0);
	set_prio(30, 0xa0);
	enable(27);
	enable(30);
	CHECK_EQ(dr(0x100), 0x4800ffff);
	gic_set_irq(&gic, 30, true);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 30);
	gic_set_irq(&gic, 30, false);
	cw(0x10, 30);
	CHECK(!gic_irq_line(&gic));
	gic_set_irq(&gic, 27, true);
	CHECK_EQ(cr(0x0c), 27);
	cw(0x10, 27);
	CHECK(gic_irq_line(&gic));     /* level still high */
	gic_set_irq(&gic, 27, false);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(dr(0x81c), 0);
	dw(0x81c, 0x01010101);
	CHECK_EQ(dr(0x81c), 0);
	CHECK_EQ(dr(0x820), 0);
	/* SGI IDs have no input line. */
	gic_set_irq(&gic, 3, true);
	CHECK(!bit(0x200, 3));
}

/* 4.3.11 IPRIORITYR and 4.3.12 ITARGETSR are byte-accessible. */
static void test_byte_access(void)
{
	reset_enabled();
	gic_dist_write(&gic, 0x428, 1, 0xa0);
	CHECK_EQ(dr(0x428), 0x000000a0);
	gic_dist_write(&gic, 0x42a, 2, 0xc0b0);
	CHECK_EQ(dr(0x428), 0xc0b000a0);
	CHECK_EQ(gic_dist_read(&gic, 0x42b, 1), 0xc0);
	CHECK_EQ(gic_dist_read(&gic, 0x42a, 2), 0xc0b0);
	dw(0x42c, 0x44332211);
	CHECK_EQ(gic_dist_read(&gic, 0x42e, 1), 0x33);
	CHECK_EQ(gic_dist_read(&gic, 0x828, 1), 0);
	gic_dist_write(&gic, 0x828, 1, 0x01);
	CHECK_EQ(gic_dist_read(&gic, 0x828, 1), 0);
	/* All 8 priority bits are implemented (QEMU's default). */
	set_prio(287, 0xff);
	CHECK_EQ(gic_dist_read(&gic, 0x400 + 287, 1), 0xff);
}

/* 4.4.1 GICC_CTLR: group 0 goes to FIQ with GICC_CTLR.FIQEn; group 1
 * interrupts read as 1022 from IAR without AckCtl (4.4.4); disabling the
 * CPU interface or the distributor gives the spurious ID. */
static void test_groups_and_spurious(void)
{
	reset_enabled();
	set_prio(60, 0x80);
	enable(60);
	gic_set_irq(&gic, 60, true);
	cw(0x00, 0x9);                 /* EnableGrp0 | FIQEn */
	CHECK(gic_fiq_line(&gic));
	CHECK(!gic_irq_line(&gic));
	cw(0x00, 0x0);
	CHECK(!gic_fiq_line(&gic) && !gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 1023);
	cw(0x00, 0x1);
	dw(0x000, 0);
	CHECK(!gic_irq_line(&gic));
	CHECK_EQ(cr(0x0c), 1023);
	dw(0x000, 0x3);
	CHECK_EQ(dr(0x000), 0x3);
	dw(0x000, 0xff);
	CHECK_EQ(dr(0x000), 0x3);      /* EnableGrp0 and EnableGrp1 only */
	/* Move SPI 60 to group 1. */
	dw(0x084, 1u << 28);
	CHECK_EQ(dr(0x084), 1u << 28);
	CHECK(!gic_irq_line(&gic));    /* group 1 disabled in the CPU */
	cw(0x00, 0x3);
	CHECK(gic_irq_line(&gic));
	CHECK_EQ(cr(0x18), 1022);
	CHECK_EQ(cr(0x0c), 1022);
	cw(0x00, 0x7);                 /* AckCtl */
	CHECK_EQ(cr(0x0c), 60);
	cw(0x10, 60);
	CHECK_EQ(cr(0x14), 0xff);
	/* Bypass-disable bits are not implemented (mask 0x21f). */
	cw(0x00, 0xffffffff);
	CHECK_EQ(cr(0x00), 0x21f);
}

/* 4.4.1 EOImode and 4.4 GICC_DIR: EOIR only drops the priority, DIR
 * deactivates. */
static void test_eoimode(void)
{
	reset_enabled();
	cw(0x00, 0x201);
	set_prio(45, 0x80);
	enable(45);
	set_edge(45);
	gic_set_irq(&gic, 45, true);
	CHECK_EQ(cr(0x0c), 45);
	cw(0x10, 45);
	CHECK_EQ(cr(0x14), 0xff);
	CHECK(bit(0x300, 45));
	cw(0x1000, 45);
	CHECK(!bit(0x300, 45));
	/* Without EOImode DIR is ignored. */
	cw(0x00, 0x1);
	dw(0x304, 1u << 13);
	CHECK(bit(0x300, 45));
	cw(0x1000, 45);
	CHECK(bit(0x300, 45));
	dw(0x384, 1u << 13);
	CHECK(!bit(0x300, 45));
}

/* Active priority registers (4.4, GICC_APRn) reflect the running priority. */
static void test_active_priorities(void)
{
	reset_enabled();
	set_prio(40, 0x80);
	enable(40);
	gic_set_irq(&gic, 40, true);
	CHECK_EQ(cr(0x0c), 40);
	CHECK_EQ(cr(0xd0 + 8), 1u);    /* level 0x80 >> 1 = 64: APR2 bit 0 */
	cw(0x10, 40);
	CHECK_EQ(cr(0xd8), 0);
	cw(0xd0, 1u << 16);            /* restore level 16: priority 0x20 */
	CHECK_EQ(cr(0x14), 0x20);
	cw(0xd0, 0);
	CHECK_EQ(cr(0x14), 0xff);
}

/* Unimplemented offsets read 0, ignore writes and are reported. */
static void test_unknown_offsets(void)
{
	reset_enabled();
	CHECK_EQ(dr(0x00c), 0);
	CHECK_EQ(log_calls, 1);
	CHECK_EQ(last_log_off, 0x00c);
	dw(0x004, 0xff);
	CHECK_EQ(dr(0x004), 8);
	CHECK_EQ(dr(0x1000), 0);
	CHECK_EQ(dr(0x17c), 0);        /* ISENABLER beyond interrupt 287 */
	CHECK_EQ(cr(0x20), 0);         /* GICC_AIAR, not implemented by QEMU */
	CHECK_EQ(gic_cpu_read(&gic, 0x0c, 1), 0);   /* word access only */
	CHECK_EQ(cr(0x50), 0);
	unsigned before = log_calls;
	cw(0x24, 5);
	CHECK_EQ(log_calls, before + 1);
	gic_set_irq(&gic, 288, true);  /* out of range: ignored */
	CHECK_EQ(cr(0x18), 1023);
}

/* The embedder hears of line changes only. */
static void test_line_callback(void)
{
	reset_enabled();
	set_prio(40, 0x80);
	set_prio(41, 0x80);
	enable(40);
	enable(41);
	gic_set_irq(&gic, 40, true);
	gic_set_irq(&gic, 41, true);
	CHECK_EQ(line_calls, 1);
	CHECK_EQ(cr(0x0c), 40);
	CHECK_EQ(line_calls, 2);
	cw(0x10, 40);
	CHECK_EQ(line_calls, 3);
	CHECK(gic_irq_line(&gic));
}

int main(void)
{
	test_id_registers();
	test_reset_state();
	test_edge_spi_cycle();
	test_level_spi();
	test_priority_mask();
	test_nested_preemption();
	test_binary_point();
	test_sgis();
	test_ppis();
	test_byte_access();
	test_groups_and_spurious();
	test_eoimode();
	test_active_priorities();
	test_unknown_offsets();
	test_line_callback();
	return check_report("gic");
}
