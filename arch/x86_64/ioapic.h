/* I/O APIC routing of ISA interrupts (the COM ports), and masking of the
 * legacy 8259 PICs, which the monitor never uses. */
#ifndef ARCH_IOAPIC_H
#define ARCH_IOAPIC_H

#include <stdint.h>

int ioapic_init(void);
/* Routes ISA IRQ irq (through ACPI overrides) to vector on this CPU. */
int ioapic_route_isa(unsigned irq, uint8_t vector);

#endif
