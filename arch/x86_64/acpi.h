/* What the monitor reads from the firmware's ACPI tables: the I/O APIC
 * and ISA interrupt overrides (MADT), and the reset register and S5
 * sleep type for reboot and power-off (FADT, DSDT). */
#ifndef ARCH_ACPI_H
#define ARCH_ACPI_H

#include <stdbool.h>
#include <stdint.h>

#define ACPI_ISA_IRQS 16
#define ACPI_IOAPIC_DEFAULT 0xFEC00000u
#define ACPI_MAX_IOAPICS 4

struct acpi_ioapic {
	uint64_t phys;
	uint32_t gsi_base;
};

struct acpi_info {
	bool present;
	uint8_t revision;
	/* Without a MADT: one I/O APIC at the PC default, GSIs from 0. */
	struct acpi_ioapic ioapics[ACPI_MAX_IOAPICS];
	unsigned nioapics;
	uint32_t isa_gsi[ACPI_ISA_IRQS];    /* ISA IRQ -> GSI after overrides */
	uint16_t isa_flags[ACPI_ISA_IRQS];  /* MPS INTI polarity/trigger flags */
	uint32_t pm1a_cnt, pm1b_cnt;
	/* Hardware-reduced ACPI (QEMU microvm): the FADT's sleep control
	 * register replaces PM1 control. */
	uint8_t sleep_space;
	uint64_t sleep_addr;
	bool s5_valid;
	uint8_t slp_typ_a, slp_typ_b;
	bool reset_supported;
	uint8_t reset_space;
	uint64_t reset_addr;
	uint8_t reset_value;
};

extern struct acpi_info acpi;

/* Reads the tables from the RSDP passed by the bootloader (rsdp, may be
 * NULL) or found in the BIOS areas. Without ACPI, acpi keeps PC defaults. */
void acpi_init(const uint8_t *rsdp);
/* Each returns only if ACPI cannot do it. */
void acpi_reset(void);
void acpi_poweroff(void);

#endif
