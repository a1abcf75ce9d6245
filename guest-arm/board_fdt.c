/* The virt board's device tree: one node-writing function per device,
 * each holding the values QEMU 7.2's `-M virt -cpu cortex-a15` writes for
 * it (read off `-machine dumpdtb=`). Devices we do not model (virtio-mmio,
 * fw-cfg, flash, PL061 and gpio-keys, PCIe, GICv2m, platform bus, PMU) and
 * QEMU's per-boot random seeds are left out. */
#include "guest-arm/board_fdt.h"
#include "guest-arm/virt.h"

#include <stdbool.h>
#include <string.h>

#include "guest-arm/fdt.h"
#include "guest-arm/psci.h"

/* The board's device map (DESIGN.md "The guest machine"). */
/* The PrimeCells' bus clock, a fixed 24 MHz as on QEMU's board. */

/* Phandles as QEMU numbers them (it starts at 0x8000 so that a DTB
 * overlay's own phandles do not collide). */
#define PHANDLE_APB_PCLK 0x8000u
#define PHANDLE_CPU0 0x8001u
#define PHANDLE_GIC 0x8002u

/* The root's #address-cells and #size-cells: 64-bit addresses and sizes,
 * as QEMU's board (its RAM may reach above 4 GiB with LPAE). */
#define ROOT_ADDR_CELLS 2u
#define ROOT_SIZE_CELLS 2u
#define CPUS_ADDR_CELLS 1u
#define CPUS_SIZE_CELLS 0u

/* Interrupt specifiers of "arm,cortex-a15-gic" (Linux's binding
 * Documentation/devicetree/bindings/interrupt-controller/arm,gic.yaml):
 * <type number flags>, type 0 = SPI, 1 = PPI; flags bits 3:0 the trigger,
 * bits 15:8 a PPI's CPU mask. */
#define GIC_INTERRUPT_CELLS 3u
#define GIC_SPI 0u
#define GIC_PPI 1u
#define IRQ_TYPE_LEVEL_HIGH 4u
#define GIC_PPI_CPU_MASK(ncpus) (((1u << (ncpus)) - 1) << 8)
/* Generic timer PPIs, in the order Linux's binding (timer/
 * arm,arch_timer.yaml) lists them: secure physical, non-secure physical,
 * virtual, hypervisor. PPI-relative numbers: INTID = 16 + n, so 30 for
 * the physical and 27 for the virtual timer (ARM DDI 0406C B8.1). */
#define TIMER_PPI_SEC_PHYS 13u
#define TIMER_PPI_PHYS 14u
#define TIMER_PPI_VIRT 11u
#define TIMER_PPI_HYP 10u

/* PSCI 0.1 style function-ID properties; QEMU gives the PSCI 0.2 SMC32
 * IDs (ARM DEN 0022D Table 5-1). MIGRATE has no constant in psci.h as we
 * do not implement it. */
#define PSCI_MIGRATE_ID 0x84000005u

/* A cell pair holding a 64-bit root address or size. */
#define HI(x) ((uint32_t)((uint64_t)(x) >> 32))
#define LO(x) ((uint32_t)(x))

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* "name@unit-address" plus the NUL, for a 32-bit address (spec 2.2.1). */
#define NODE_NAME_MAX 32u

/* Node names carry the address of their first reg entry in hex without
 * leading zeros (Devicetree Specification v0.4, 2.2.1). */
static const char *unit_name(char out[NODE_NAME_MAX], const char *base,
			     uint32_t addr)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(base);
	int shift = 28;

	memcpy(out, base, n);
	out[n++] = '@';
	while (shift > 0 && (addr >> shift) == 0)
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		out[n++] = hex[(addr >> shift) & 0xf];
	out[n] = '\0';
	return out;
}

static int put_root_props(struct fdt_writer *w)
{
	fdt_prop_u32(w, "interrupt-parent", PHANDLE_GIC);
	fdt_prop_string(w, "model", "linux,dummy-virt");
	fdt_prop_u32(w, "#size-cells", ROOT_SIZE_CELLS);
	fdt_prop_u32(w, "#address-cells", ROOT_ADDR_CELLS);
	return fdt_prop_string(w, "compatible", "linux,dummy-virt");
}

static int put_chosen(struct fdt_writer *w, const struct board_fdt_params *p)
{
	char path[1 + NODE_NAME_MAX];

	fdt_begin_node(w, "chosen");
	if (p->initrd_end > p->initrd_start) {
		/* One cell each, as QEMU writes them for a 32-bit guest. */
		fdt_prop_u32(w, "linux,initrd-end", p->initrd_end);
		fdt_prop_u32(w, "linux,initrd-start", p->initrd_start);
	}
	if (p->bootargs)
		fdt_prop_string(w, "bootargs", p->bootargs);
	path[0] = '/';
	unit_name(path + 1, "pl011", VIRT_UART_BASE);
	fdt_prop_string(w, "stdout-path", path);
	return fdt_end_node(w);
}

static int put_memory(struct fdt_writer *w, const struct board_fdt_params *p)
{
	const uint32_t reg[] = { HI(p->ram_base), LO(p->ram_base),
				 HI(p->ram_size), LO(p->ram_size) };
	char name[NODE_NAME_MAX];

	fdt_begin_node(w, unit_name(name, "memory", p->ram_base));
	fdt_prop_cells(w, "reg", reg, COUNT(reg));
	fdt_prop_string(w, "device_type", "memory");
	return fdt_end_node(w);
}

/* One Cortex-A15; no enable-method, as QEMU gives none for a single CPU
 * (secondary CPUs would be started through PSCI CPU_ON). */
static int put_cpus(struct fdt_writer *w)
{
	fdt_begin_node(w, "cpus");
	fdt_prop_u32(w, "#size-cells", CPUS_SIZE_CELLS);
	fdt_prop_u32(w, "#address-cells", CPUS_ADDR_CELLS);
	fdt_begin_node(w, "cpu-map");
	fdt_begin_node(w, "socket0");
	fdt_begin_node(w, "cluster0");
	fdt_begin_node(w, "core0");
	fdt_prop_u32(w, "cpu", PHANDLE_CPU0);
	fdt_end_node(w);
	fdt_end_node(w);
	fdt_end_node(w);
	fdt_end_node(w);
	fdt_begin_node(w, "cpu@0");
	fdt_prop_u32(w, "phandle", PHANDLE_CPU0);
	fdt_prop_u32(w, "reg", 0);
	fdt_prop_string(w, "compatible", "arm,cortex-a15");
	fdt_prop_string(w, "device_type", "cpu");
	fdt_end_node(w);
	return fdt_end_node(w);
}

/* QEMU 7.2 also lists "arm,psci-1.0"; we implement PSCI 0.2 only. */
static int put_psci(struct fdt_writer *w)
{
	static const char *const compat[] = { "arm,psci-0.2", "arm,psci" };

	fdt_begin_node(w, "psci");
	fdt_prop_u32(w, "migrate", PSCI_MIGRATE_ID);
	fdt_prop_u32(w, "cpu_on", PSCI_CPU_ON);
	fdt_prop_u32(w, "cpu_off", PSCI_CPU_OFF);
	fdt_prop_u32(w, "cpu_suspend", PSCI_CPU_SUSPEND);
	fdt_prop_string(w, "method", "hvc");
	fdt_prop_strings(w, "compatible", compat, COUNT(compat));
	return fdt_end_node(w);
}

static int put_timer(struct fdt_writer *w)
{
	const uint32_t flags = GIC_PPI_CPU_MASK(1) | IRQ_TYPE_LEVEL_HIGH;
	const uint32_t irqs[] = {
		GIC_PPI, TIMER_PPI_SEC_PHYS, flags, GIC_PPI, TIMER_PPI_PHYS, flags,
		GIC_PPI, TIMER_PPI_VIRT, flags, GIC_PPI, TIMER_PPI_HYP, flags,
	};

	fdt_begin_node(w, "timer");
	fdt_prop_cells(w, "interrupts", irqs, COUNT(irqs));
	/* The counter keeps running in every power state we have. */
	fdt_prop_empty(w, "always-on");
	fdt_prop_string(w, "compatible", "arm,armv7-timer");
	return fdt_end_node(w);
}

static int put_apb_pclk(struct fdt_writer *w)
{
	fdt_begin_node(w, "apb-pclk");
	fdt_prop_u32(w, "phandle", PHANDLE_APB_PCLK);
	fdt_prop_string(w, "clock-output-names", "clk24mhz");
	fdt_prop_u32(w, "clock-frequency", VIRT_APB_PCLK_HZ);
	fdt_prop_u32(w, "#clock-cells", 0);
	fdt_prop_string(w, "compatible", "fixed-clock");
	return fdt_end_node(w);
}

/* QEMU's GIC node keeps #address-cells, #size-cells and ranges for its
 * GICv2m child even when we leave the child out. */
static int put_gic(struct fdt_writer *w)
{
	const uint32_t reg[] = { 0, VIRT_GIC_DIST_BASE, 0, VIRT_GIC_DIST_SIZE,
				 0, VIRT_GIC_CPU_BASE, 0, VIRT_GIC_CPU_SIZE };
	char name[NODE_NAME_MAX];

	fdt_begin_node(w, unit_name(name, "intc", VIRT_GIC_DIST_BASE));
	fdt_prop_u32(w, "phandle", PHANDLE_GIC);
	fdt_prop_cells(w, "reg", reg, COUNT(reg));
	fdt_prop_string(w, "compatible", "arm,cortex-a15-gic");
	fdt_prop_empty(w, "ranges");
	fdt_prop_u32(w, "#size-cells", ROOT_SIZE_CELLS);
	fdt_prop_u32(w, "#address-cells", ROOT_ADDR_CELLS);
	fdt_prop_empty(w, "interrupt-controller");
	fdt_prop_u32(w, "#interrupt-cells", GIC_INTERRUPT_CELLS);
	return fdt_end_node(w);
}

/* A PrimeCell: its registers, one level-high SPI and its clocks (the
 * PL011 names its UART clock too, both fed by apb-pclk). */
static int put_primecell(struct fdt_writer *w, const char *node,
			 const char *compat, uint32_t base, uint32_t spi,
			 bool uartclk)
{
	const char *const compats[] = { compat, "arm,primecell" };
	const char *const clock_names[] = { "uartclk", "apb_pclk" };
	const uint32_t clocks[] = { PHANDLE_APB_PCLK, PHANDLE_APB_PCLK };
	const uint32_t irq[] = { GIC_SPI, spi, IRQ_TYPE_LEVEL_HIGH };
	const uint32_t reg[] = { 0, base, 0, VIRT_PRIMECELL_SIZE };
	size_t nclocks = uartclk ? 2 : 1;
	char name[NODE_NAME_MAX];

	fdt_begin_node(w, unit_name(name, node, base));
	fdt_prop_strings(w, "clock-names", clock_names + (2 - nclocks), nclocks);
	fdt_prop_cells(w, "clocks", clocks, nclocks);
	fdt_prop_cells(w, "interrupts", irq, COUNT(irq));
	fdt_prop_cells(w, "reg", reg, COUNT(reg));
	fdt_prop_strings(w, "compatible", compats, COUNT(compats));
	return fdt_end_node(w);
}

static int check_params(const struct board_fdt_params *p)
{
	if (p->bootargs &&
	    strnlen(p->bootargs, BOARD_FDT_BOOTARGS_MAX + 1) > BOARD_FDT_BOOTARGS_MAX)
		return BOARD_FDT_ERR_PARAMS;
	if (p->initrd_end < p->initrd_start)
		return BOARD_FDT_ERR_PARAMS;
	return 0;
}

int board_fdt_build(void *buf, size_t size, const struct board_fdt_params *p)
{
	struct fdt_writer w;
	int err = check_params(p);

	if (err)
		return err;
	/* Each put_* returns the writer's sticky error; the first one found
	 * stops the build. */
	fdt_begin(&w, buf, size);
	if (fdt_begin_node(&w, "") || put_root_props(&w) || put_chosen(&w, p) ||
	    put_memory(&w, p) || put_cpus(&w) || put_psci(&w) ||
	    put_timer(&w) || put_apb_pclk(&w) || put_gic(&w) ||
	    put_primecell(&w, "pl011", "arm,pl011", VIRT_UART_BASE,
			  VIRT_UART_SPI, true) ||
	    put_primecell(&w, "pl031", "arm,pl031", VIRT_RTC_BASE,
			  VIRT_RTC_SPI, false) ||
	    fdt_end_node(&w))
		return w.err;
	return fdt_finish(&w, 0);
}
