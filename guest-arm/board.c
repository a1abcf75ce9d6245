/* Board bring-up: guest RAM, devices, the kernel image, then the vCPU.
 * The PL011 here is its transmit side only (enough for the system tests
 * of guest-arm/ and shadow/); the full model arrives with the virt board. */
#include "guest-arm/board.h"

#include <string.h>

#include "arch/x86_64/layout.h"
#include "arch/x86_64/serial.h"
#include "guest-arm/psci.h"
#include "guest-arm/vcpu.h"
#include "lib/log.h"
#include "shadow/gpa.h"

/* PL011 registers (ARM DDI 0183G, 3.2). */
#define UARTDR 0x000
#define UARTFR 0x018
#define UARTFR_RXFE (1u << 4)
#define UARTFR_TXFE (1u << 7)

/* Linux's ARM boot protocol: r1 is the machine type, ~0 with a DTB. */
#define ARM_MACH_TYPE_DT 0xffffffffu

static const struct boot_module *kernel;
static uint32_t ram_size;
static int reset_requests;

static uint32_t uart_read(void *ctx, uint32_t off, unsigned size)
{
	(void)ctx;
	(void)size;
	/* Transmit never backs up (COM1 is polled); nothing is received. */
	return off == UARTFR ? UARTFR_TXFE | UARTFR_RXFE : 0;
}

static void uart_write(void *ctx, uint32_t off, unsigned size, uint32_t v)
{
	(void)ctx;
	(void)size;
	if (off == UARTDR)
		serial_putc(&serial_com1, (char)v);
}

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

/* Copies the kernel to RAM + 0x10000, as QEMU's loader does for a raw
 * image, and resets the CPU into it (MMU off, SVC, r0=0, r1=~0, r2=0:
 * no device tree yet). */
static int load_and_reset(void)
{
	uint64_t len = kernel->end - kernel->start;
	uint32_t at = BOARD_RAM_BASE + BOARD_KERNEL_OFFSET;
	void *dst = gpa_ram_ptr(at, (uint32_t)len);

	if (len == 0 || len > ram_size - BOARD_KERNEL_OFFSET || !dst) {
		log_err("kernel module '%s' (%lu bytes) is empty or does not fit in %u MiB of guest RAM\n",
			kernel->string, (unsigned long)len, ram_size >> 20);
		return -1;
	}
	memcpy(dst, phys_to_virt(kernel->start), len);
	vcpu_reset(at, 0, ARM_MACH_TYPE_DT, 0);
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
		reset_requests++;
		kprintf("guest: PSCI SYSTEM_RESET, restarting the guest\n");
		if (load_and_reset())
			return false;
		return true;
	case PSCI_CONTINUE:
		break;
	}
	return true;
}

static const struct vcpu_board_ops board_ops = { board_call, NULL };

int board_run(const struct boot_info *bi, const struct options *o)
{
	const struct gpa_device uart = {
		"pl011", BOARD_UART_BASE, BOARD_UART_SIZE, uart_read, uart_write, NULL, 0,
	};

	kernel = find_module(bi, "kernel");
	if (!kernel) {
		log_err("no module named 'kernel': nothing to run\n");
		return -1;
	}
	ram_size = (uint32_t)o->mem;
	if (gpa_add_ram(BOARD_RAM_BASE, ram_size) || gpa_add_device(&uart) ||
	    vcpu_init(&board_ops) || load_and_reset())
		return -1;
	kprintf("guest: %u MiB RAM at %#x, kernel '%s' at %#x\n", ram_size >> 20,
		BOARD_RAM_BASE, kernel->string, BOARD_RAM_BASE + BOARD_KERNEL_OFFSET);
	enum vcpu_stop why = vcpu_run();
	kprintf("\nguest stopped: %s\n", why == VCPU_POWERED_OFF
		? "it powered the machine off" : "it needs an unsupported feature");
	if (o->stats)
		vcpu_print_stats();
	return why == VCPU_POWERED_OFF ? 0 : -1;
}
