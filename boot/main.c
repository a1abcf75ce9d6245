/* The boot flow, in order: console, CPU tables, boot information and
 * options, host memory, interrupt controllers and clocks, then the
 * start-up banner and whatever the command line asked for. */
#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/platform.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/tsc.h"
#include "arch/x86_64/x86.h"
#include "boot/banner.h"
#include "boot/bootinfo.h"
#include "boot/options.h"
#include "guest-arm/board.h"
#include "lib/log.h"
#include "mm/mm.h"
#include "monitor/console.h"

#define EARLY_MAP_END (4ull << 30)
#define TIMER_CHECK_US 1000
#define TIMER_CHECK_TIMEOUT_MS 200

extern const char __image_phys_start[], __image_phys_end[];

void kmain(uint32_t magic, uint64_t info_phys);

static struct boot_info boot_info;
static struct options options;
static volatile uint64_t timer_fired_tsc;

/* Before vmm_init() the boot tables map physical 0-4 GiB at the direct
 * map, which is where every multiboot structure lives. */
static const void *early_phys_map(void *ctx, uint64_t pa, size_t len)
{
	(void)ctx;
	if (pa >= EARLY_MAP_END || len > EARLY_MAP_END - pa)
		return NULL;
	return phys_to_virt(pa);
}

static int on_timer(struct trap_frame *tf)
{
	(void)tf;
	timer_fired_tsc = rdtsc();
	return 0;
}

static int on_com1(struct trap_frame *tf)
{
	(void)tf;
	serial_rx_interrupt(&serial_com1);
	return 0;
}

static int on_com2(struct trap_frame *tf)
{
	(void)tf;
	serial_rx_interrupt(&serial_com2);
	return 0;
}

/* Arms the LAPIC timer once and sleeps until it fires: proves the
 * interrupt path and the TSC calibration end to end. */
static struct timer_check check_timer(void)
{
	struct timer_check r = { 0 };
	uint64_t start = rdtsc();
	uint64_t limit = start + tsc_ns_to_ticks(TIMER_CHECK_TIMEOUT_MS * 1000000ull);

	timer_fired_tsc = 0;
	lapic_timer_arm(start + tsc_ns_to_ticks(TIMER_CHECK_US * 1000ull));
	while (!timer_fired_tsc && rdtsc() < limit) {
		wait_for_interrupt();
	}
	r.fired = timer_fired_tsc != 0;
	if (r.fired)
		r.elapsed_us = (timer_fired_tsc - start) * 1000000 / tsc_hz();
	return r;
}

static void setup_interrupts(struct banner_facts *facts)
{
	trap_set_handler(VEC_TIMER, on_timer);
	trap_set_handler(VEC_COM1, on_com1);
	trap_set_handler(VEC_COM2, on_com2);
	if (tsc_calibrate() || lapic_init())
		platform_fatal_stop();
	facts->ioapic_ok = ioapic_init() == 0;
	if (facts->ioapic_ok) {
		ioapic_route_isa(COM1_ISA_IRQ, VEC_COM1);
		if (serial_com2.present)
			ioapic_route_isa(COM2_ISA_IRQ, VEC_COM2);
	}
	facts->timer = check_timer();
}

static void deliberate_fault(void)
{
	kprintf("test=fault: touching an unmapped guest-space address\n");
	/* PML4 slot 0 is empty in the monitor's own tables. */
	*(volatile uint32_t *)(uintptr_t)0x1000 = 0xdead;
}

void kmain(uint32_t magic, uint64_t info_phys)
{
	struct boot_phys_reader rd = { early_phys_map, NULL };
	struct banner_facts facts = { 0 };

	serial_init(&serial_com1, COM1_PORT);
	facts.com2 = serial_init(&serial_com2, COM2_PORT) == 0;
	log_set_sink(serial_console_write);
	cpu_detect();
	gdt_init();
	idt_init();

	if (bootinfo_parse(magic, info_phys, &rd, &boot_info)) {
		log_err("not started by a multiboot loader (magic %#x, info %#lx); halting\n",
			magic, (unsigned long)info_phys);
		platform_halt();
	}
	options_parse(boot_info.cmdline, &options);
	log_set_level(options.log);
	platform_set_test_mode(options.test != OPT_TEST_NONE);
	bootinfo_check_modules(&boot_info, (uint64_t)(uintptr_t)__image_phys_start,
			       (uint64_t)(uintptr_t)__image_phys_end);

	if (cpu_enable_features() || mm_init(&boot_info))
		platform_fatal_stop();
	acpi_init(boot_info.has_rsdp ? boot_info.rsdp : NULL);
	setup_interrupts(&facts);
	banner_print(&boot_info, &options, &facts);

	switch (options.test) {
	case OPT_TEST_EXIT:
		platform_exit_test(mm_self_check() == 0 && facts.timer.fired);
	case OPT_TEST_FAULT:
		deliberate_fault();
		panic("test=fault: the deliberate fault did not fault");
	case OPT_TEST_GUEST:
		platform_exit_test(board_run(&boot_info, &options) == 0);
	default:
		break;
	}
	if (board_run(&boot_info, &options) == 0)
		platform_poweroff();
	console_run();
}
