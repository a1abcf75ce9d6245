/* The virt board: RAM, GICv2, generic timer, PL011, PL031 and PSCI, wired
 * to the host (COM1, the LAPIC timer, the CMOS clock), and the Linux boot
 * protocol: kernel, initrd and device tree placed as QEMU's virt loader
 * places them (guest-arm/loader.c). */
#include "guest-arm/board.h"

#include <string.h>

#include "arch/x86_64/cmos.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/tsc.h"
#include "arch/x86_64/x86.h"
#include "guest-arm/board_fdt.h"
#include "guest-arm/fdt.h"
#include "guest-arm/gic.h"
#include "guest-arm/gtimer.h"
#include "guest-arm/loader.h"
#include "guest-arm/pl011.h"
#include "guest-arm/pl031.h"
#include "guest-arm/psci.h"
#include "guest-arm/vcpu.h"
#include "guest-arm/virt.h"
#include "lib/log.h"
#include "monitor/gdbstub.h"
#include "shadow/gpa.h"

#define NS_PER_S 1000000000ull
#define MAX_TIMER_DELAY_NS (3600 * NS_PER_S)

/* Linux's ARM boot protocol: r1 is the machine type, ~0 with a DTB. */
#define ARM_MACH_TYPE_DT 0xffffffffu

static struct gic gic;
static struct gtimer gtimer;
static struct arm_timer_ops timer_ops;
static struct pl011 uart;
static struct pl031 rtc;
static const struct boot_module *kernel, *initrd, *dtb;
static const struct options *opts;
static uint32_t ram_size;
static uint64_t boot_unix_s, boot_tsc;
static uint64_t armed_deadline_ns = UINT64_MAX;
/* Time the guest spent stopped by the debugger, which its counter does
 * not see (QEMU stops its virtual clock the same way); the RTC keeps
 * wall-clock time. */
static uint64_t stopped_total_ns, stopped_since_ns;
static bool clock_stopped;

/* ---- host clock ------------------------------------------------------------ */

static uint64_t host_ns(void *ctx)
{
	uint64_t t = rdtsc() - boot_tsc, hz = tsc_hz();

	(void)ctx;
	return t / hz * NS_PER_S + t % hz * NS_PER_S / hz;
}

static uint64_t host_unix_s(void *ctx)
{
	return boot_unix_s + host_ns(ctx) / NS_PER_S;
}

/* The generic timer's time base. */
static uint64_t guest_ns(void *ctx)
{
	return (clock_stopped ? stopped_since_ns : host_ns(ctx)) - stopped_total_ns;
}

/* Arms the LAPIC for the earliest guest timer or RTC alarm; a write only
 * when the deadline moved, since under KVM each one may be an exit. */
static void arm_host_timer(void)
{
	uint64_t ns = gtimer_next_deadline_ns(&gtimer);
	uint64_t alarm = pl031_next_alarm(&rtc);

	if (clock_stopped)
		return;
	/* Guest time to host time; a deadline past the end of time is none. */
	ns = ns > UINT64_MAX - stopped_total_ns ? UINT64_MAX : ns + stopped_total_ns;

	if (alarm != UINT64_MAX && alarm >= boot_unix_s) {
		uint64_t alarm_ns = (alarm - boot_unix_s) * NS_PER_S;
		if (alarm_ns < ns)
			ns = alarm_ns;
	}
	if (ns == armed_deadline_ns)
		return;
	armed_deadline_ns = ns;
	if (ns == UINT64_MAX) {
		lapic_timer_arm(0);
		return;
	}
	uint64_t now = host_ns(NULL);
	uint64_t delay = ns > now ? ns - now : 0;
	/* A far deadline (a guest may set CompareValue decades ahead) would
	 * overflow the TSC arithmetic: wake at most this late and look again
	 * (on_host_timer() re-arms). */
	if (delay > MAX_TIMER_DELAY_NS)
		delay = MAX_TIMER_DELAY_NS;
	uint64_t tsc = rdtsc() + tsc_ns_to_ticks(delay);
	lapic_timer_arm(tsc ? tsc : 1);
}

/* The debugger holds the guest stopped (on) or lets it go (off): the
 * counter stops, and no guest timer deadline wakes the host meanwhile. */
static void stop_guest_clock(bool on)
{
	if (on == clock_stopped)
		return;
	if (on) {
		stopped_since_ns = host_ns(NULL);
		lapic_timer_arm(0);
		armed_deadline_ns = UINT64_MAX;   /* nothing armed */
	} else {
		stopped_total_ns += host_ns(NULL) - stopped_since_ns;
	}
	clock_stopped = on;
	if (!on)
		arm_host_timer();
}

static int on_host_timer(struct trap_frame *tf)
{
	(void)tf;
	armed_deadline_ns = UINT64_MAX;
	vcpu_kick();
	return 0;
}

static void on_com1_input(void)
{
	vcpu_kick();
}

/* ---- devices ---------------------------------------------------------------- */

static void uart_transmit(void *ctx, uint8_t byte)
{
	(void)ctx;
	serial_putc(&serial_com1, (char)byte);
}

static void uart_irq(void *ctx, bool level)
{
	(void)ctx;
	gic_set_irq(&gic, VIRT_SPI_ID(VIRT_UART_SPI), level);
}

static void rtc_irq(void *ctx, bool level)
{
	(void)ctx;
	gic_set_irq(&gic, VIRT_SPI_ID(VIRT_RTC_SPI), level);
}

static void timer_irq(void *ctx, unsigned ppi, bool level)
{
	(void)ctx;
	gic_set_irq(&gic, ppi, level);
}

static void device_log(void *ctx, bool write, uint32_t offset)
{
	log_debug("%s: guest %s of unimplemented offset %#x\n", (const char *)ctx,
		  write ? "write" : "read", offset);
}

static void gic_log(void *ctx, const char *what, uint32_t offset)
{
	(void)ctx;
	log_debug("gic: %s at offset %#x\n", what, offset);
}

static const struct pl011_ops uart_ops = { uart_transmit, uart_irq, device_log, "pl011" };
static const struct pl031_ops rtc_ops = { host_unix_s, rtc_irq, NULL, device_log, "pl031" };

/* Moves COM1 input into the guest UART as far as its FIFO has room. */
static void feed_uart(void)
{
	while (pl011_rx_room(&uart)) {
		int c = serial_getc(&serial_com1);
		if (c < 0)
			break;
		uint8_t b = (uint8_t)c;
		pl011_receive(&uart, &b, 1);
	}
}

static void update_irqs(struct arm_sys *sys)
{
	feed_uart();
	gtimer_update(&gtimer);
	pl031_poll(&rtc);
	arm_host_timer();
	sys->irq_line = gic_irq_line(&gic);
	sys->fiq_line = gic_fiq_line(&gic);
}

static int add_devices(void)
{
	const struct gpa_device devs[] = {
		{ "gic-dist", VIRT_GIC_DIST_BASE, VIRT_GIC_DIST_SIZE, gic_dist_mmio_read,
		  gic_dist_mmio_write, &gic, 0 },
		{ "gic-cpu", VIRT_GIC_CPU_BASE, VIRT_GIC_CPU_SIZE, gic_cpu_mmio_read,
		  gic_cpu_mmio_write, &gic, 0 },
		{ "pl011", VIRT_UART_BASE, VIRT_PRIMECELL_SIZE, pl011_read, pl011_write, &uart, 0 },
		{ "pl031", VIRT_RTC_BASE, VIRT_PRIMECELL_SIZE, pl031_read, pl031_write, &rtc, 0 },
	};
	for (size_t i = 0; i < sizeof(devs) / sizeof(devs[0]); i++)
		if (gpa_add_device(&devs[i]))
			return -1;
	return 0;
}

static void reset_devices(void)
{
	gic.log = gic_log;
	gic_init(&gic);
	gtimer.now_ns = guest_ns;
	gtimer.set_irq = timer_irq;
	gtimer_init(&gtimer);
	gtimer_bind_ops(&gtimer, &timer_ops);
	pl011_init(&uart, &uart_ops);
	pl031_init(&rtc, &rtc_ops);
	armed_deadline_ns = UINT64_MAX;
}

/* ---- images ------------------------------------------------------------------ */

static const struct boot_module *find_module(const struct boot_info *bi,
					     const char *role)
{
	size_t n = strlen(role);

	/* The role is a word of the module's string ("zImage kernel"). */
	for (unsigned i = 0; i < bi->nmodules; i++) {
		const char *s = bi->modules[i].string;
		for (const char *p = s; *p; p++) {
			if ((p == s || p[-1] == ' ') && !strncmp(p, role, n) &&
			    (p[n] == '\0' || p[n] == ' '))
				return &bi->modules[i];
		}
	}
	return NULL;
}

static uint64_t module_len(const struct boot_module *m)
{
	return m ? m->end - m->start : 0;
}

static int copy_in(uint32_t gpa, const struct boot_module *m, uint64_t offset,
		   uint64_t len)
{
	void *dst = gpa_ram_ptr(gpa, (uint32_t)len);

	if (!dst)
		return -1;
	memcpy(dst, (const uint8_t *)phys_to_virt(m->start) + offset, len);
	return 0;
}

static int place_dtb(const struct loader_plan *plan)
{
	void *buf = gpa_ram_ptr(plan->dtb_addr, plan->dtb_room);

	if (dtb) {
		if (module_len(dtb) > plan->dtb_room || copy_in(plan->dtb_addr, dtb, 0, module_len(dtb))) {
			log_err("dtb module '%s' (%lu bytes) does not fit in the %u bytes after the initrd\n",
				dtb->string, (unsigned long)module_len(dtb), plan->dtb_room);
			return -1;
		}
		return 0;
	}
	const struct board_fdt_params p = {
		VIRT_RAM_BASE, ram_size, opts->bootargs, plan->initrd_addr,
		plan->initrd_addr + plan->initrd_len,
	};
	if (!buf || board_fdt_build(buf, plan->dtb_room, &p) < 0) {
		log_err("cannot build the device tree (bootargs too long, or no room)\n");
		return -1;
	}
	if (plan->dtb_room >= BOARD_FDT_QEMU_TOTALSIZE)
		fdt_pad(buf, plan->dtb_room, BOARD_FDT_QEMU_TOTALSIZE);
	return 0;
}

/* Lays out kernel, initrd and DTB as QEMU's virt loader does, copies them
 * in and resets the board and the CPU into the kernel (MMU off, SVC,
 * r0 = 0, r1 = ~0, r2 = DTB). */
static int load_and_reset(void)
{
	struct loader_plan plan;
	char err[160];

	if (loader_plan(phys_to_virt(kernel->start), module_len(kernel), module_len(initrd),
			VIRT_RAM_BASE, ram_size, &plan, err, sizeof(err))) {
		log_err("kernel module '%s': %s\n", kernel->string, err);
		return -1;
	}
	if (copy_in(plan.kernel_addr, kernel, plan.kernel_offset, plan.kernel_len) ||
	    (initrd && copy_in(plan.initrd_addr, initrd, 0, plan.initrd_len)) ||
	    place_dtb(&plan))
		return -1;
	reset_devices();
	vcpu_reset(plan.entry, 0, ARM_MACH_TYPE_DT, plan.dtb_addr);
	return 0;
}

static bool board_call(struct arm_cpu *cpu, bool is_smc, uint32_t imm)
{
	(void)is_smc;
	(void)imm;
	switch (psci_call(cpu)) {
	case PSCI_POWER_OFF:
		return false;
	case PSCI_RESET:
		kprintf("guest: PSCI SYSTEM_RESET, restarting the guest\n");
		return load_and_reset() == 0;
	case PSCI_CONTINUE:
		break;
	}
	return true;
}

static const struct vcpu_board_ops board_ops = { board_call, update_irqs, &timer_ops };

int board_run(const struct boot_info *bi, const struct options *o)
{
	kernel = find_module(bi, "kernel");
	initrd = find_module(bi, "initrd");
	dtb = find_module(bi, "dtb");
	opts = o;
	if (!kernel) {
		log_err("no module named 'kernel': nothing to run\n");
		return -1;
	}
	ram_size = (uint32_t)o->mem;
	boot_tsc = rdtsc();
	if (cmos_read_unix_time(&boot_unix_s))
		log_warn("cannot read the host's CMOS clock; the guest RTC starts at 1970\n");
	if (gpa_add_ram(VIRT_RAM_BASE, ram_size) || add_devices() ||
	    vcpu_init(&board_ops) || load_and_reset())
		return -1;
	serial_com1.rx_notify = on_com1_input;
	trap_set_handler(VEC_TIMER, on_host_timer);
	kprintf("guest: %u MiB RAM at %#x, kernel '%s'%s%s%s%s\n", ram_size >> 20,
		VIRT_RAM_BASE, kernel->string, initrd ? ", initrd '" : "",
		initrd ? initrd->string : "", initrd ? "'" : "", dtb ? ", own dtb" : "");
	bool debug = o->gdb != OPT_GDB_OFF &&
		     gdbstub_init(o->gdb == OPT_GDB_WAIT, stop_guest_clock) == 0;
	enum vcpu_stop why = debug ? gdbstub_run() : vcpu_run();
	kprintf("\nguest stopped: %s\n", why == VCPU_POWERED_OFF ? "it powered the machine off"
		: why == VCPU_KILLED ? "gdb killed it" : "it needs an unsupported feature");
	if (o->stats)
		vcpu_print_stats();
	return why == VCPU_POWERED_OFF || why == VCPU_KILLED ? 0 : -1;
}
