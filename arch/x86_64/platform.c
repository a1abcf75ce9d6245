/* Exit, reset and power-off paths, most specific first: ACPI where the
 * firmware describes it, then the legacy PC mechanisms. */
#include "arch/x86_64/platform.h"

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/tsc.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"

/* Legacy reset mechanisms: the PCI reset control register and the
 * keyboard controller's pulse-reset command. */
#define PORT_RESET_CONTROL 0xCF9
#define RESET_CONTROL_HARD 0x06
#define PORT_KBC_COMMAND 0x64
#define KBC_PULSE_RESET 0xFE

static bool test_mode;

void platform_set_test_mode(bool on)
{
	test_mode = on;
}

bool platform_test_mode(void)
{
	return test_mode;
}

void platform_halt(void)
{
	irq_disable();
	for (;;)
		__asm__ volatile("hlt");
}

void platform_exit_test(bool success)
{
	outb(DEBUG_EXIT_PORT, success ? DEBUG_EXIT_SUCCESS : DEBUG_EXIT_FAILURE);
	/* No debug-exit device: nothing else to do but stop. */
	platform_halt();
}

void platform_fatal_stop(void)
{
	if (test_mode)
		platform_exit_test(false);
	kprintf("armvisor halted.\n");
	platform_halt();
}

void platform_reboot(void)
{
	irq_disable();
	acpi_reset();
	outb(PORT_RESET_CONTROL, RESET_CONTROL_HARD);
	outb(PORT_KBC_COMMAND, KBC_PULSE_RESET);
	log_err("reboot: no reset mechanism worked; halting\n");
	platform_halt();
}

/* Firmware and hypervisors act on a sleep request asynchronously: give it
 * time before calling it a failure. */
#define POWEROFF_GRACE_NS 1000000000ull

void platform_poweroff(void)
{
	irq_disable();
	if (test_mode)
		platform_exit_test(true);
	acpi_poweroff();
	uint64_t until = rdtsc() + tsc_ns_to_ticks(POWEROFF_GRACE_NS);
	while (rdtsc() < until)
		cpu_relax();
	log_err("poweroff: ACPI S5 did not power the machine off; halting\n");
	platform_halt();
}
