/* Line-oriented command console. Input arrives by the COM1 receive
 * interrupt; the loop sleeps in hlt between lines, never spins. */
#include "monitor/console.h"

#include <stddef.h>
#include <string.h>

#include "arch/x86_64/platform.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"
#include "mm/mm.h"

#define LINE_MAX 128

struct command {
	const char *name;
	const char *help;
	void (*run)(void);
};

static void cmd_help(void);

static void cmd_mem(void)
{
	struct mm_stats s;

	mm_get_stats(&s);
	kprintf("RAM %lu MiB, free %lu MiB, heap %lu KiB used of %lu KiB\n",
		(unsigned long)(s.ram_bytes >> 20), (unsigned long)(s.free_bytes >> 20),
		(unsigned long)(s.heap_used >> 10), (unsigned long)(s.heap_total >> 10));
}

static void cmd_poweroff(void)
{
	kprintf("powering off\n");
	platform_poweroff();
}

static void cmd_reboot(void)
{
	kprintf("rebooting\n");
	platform_reboot();
}

static const struct command commands[] = {
	{ "help", "list commands", cmd_help },
	{ "mem", "host memory use", cmd_mem },
	{ "poweroff", "power the machine off (ACPI S5)", cmd_poweroff },
	{ "reboot", "reset the machine", cmd_reboot },
};

static void cmd_help(void)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		kprintf("  %-10s %s\n", commands[i].name, commands[i].help);
}

static void run_line(const char *line)
{
	if (!*line)
		return;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (!strcmp(line, commands[i].name)) {
			commands[i].run();
			return;
		}
	}
	kprintf("unknown command '%s' (try 'help')\n", line);
}

/* Collects one line, echoing as a terminal expects; sleeps while the
 * receive ring is empty. */
static void read_line(char *buf, size_t max)
{
	size_t n = 0;

	for (;;) {
		irq_disable();
		int c = serial_getc(&serial_com1);
		if (c < 0) {
			wait_for_interrupt();
			continue;
		}
		irq_enable();
		if (c == '\r' || c == '\n') {
			kprintf("\n");
			buf[n] = '\0';
			return;
		}
		if ((c == 0x7f || c == '\b') && n > 0) {
			n--;
			kprintf("\b \b");
		} else if (c >= ' ' && c < 0x7f && n + 1 < max) {
			buf[n++] = (char)c;
			kprintf("%c", c);
		}
	}
}

void console_run(void)
{
	char line[LINE_MAX];

	kprintf("monitor console: type 'help'\n");
	for (;;) {
		kprintf("armvisor> ");
		read_line(line, sizeof(line));
		run_line(line);
	}
}
