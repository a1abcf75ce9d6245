/* I/O APIC (Intel 82093AA data sheet) and 8259A PIC masking. */
#include "arch/x86_64/ioapic.h"

#include <stdbool.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"
#include "mm/vmm.h"

#define IOAPIC_REGSEL 0
#define IOAPIC_WIN 4      /* in 32-bit words: offset 0x10 */
#define IOAPIC_VER 0x01
#define IOAPIC_REDTBL(n) (0x10 + 2 * (n))
#define REDIR_MASKED (1u << 16)
#define REDIR_LEVEL (1u << 15)
#define REDIR_ACTIVE_LOW (1u << 13)
/* MPS INTI flags in MADT overrides (ACPI 5.2.12.5). */
#define INTI_POLARITY_MASK 0x3
#define INTI_POLARITY_LOW 0x3
#define INTI_TRIGGER_MASK 0xC
#define INTI_TRIGGER_LEVEL 0xC

/* 8259A: ICW1-4 re-base the vectors away from the exceptions before
 * masking, so a spurious IRQ7/15 cannot look like an exception. */
#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xA0
#define PIC2_DATA 0xA1
#define PIC_ICW1_INIT 0x11
#define PIC_VECTOR_BASE 0xE0

struct ioapic {
	volatile uint32_t *regs;
	uint32_t gsi_base;
	unsigned pins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static unsigned nioapics;

static uint32_t ioapic_read(const struct ioapic *io, uint32_t reg)
{
	io->regs[IOAPIC_REGSEL] = reg;
	return io->regs[IOAPIC_WIN];
}

static void ioapic_write(const struct ioapic *io, uint32_t reg, uint32_t v)
{
	io->regs[IOAPIC_REGSEL] = reg;
	io->regs[IOAPIC_WIN] = v;
}

static int ignore_pic_spurious(struct trap_frame *tf)
{
	(void)tf;
	return 0;
}

static void pic_disable(void)
{
	outb(PIC1_CMD, PIC_ICW1_INIT);
	outb(PIC2_CMD, PIC_ICW1_INIT);
	outb(PIC1_DATA, PIC_VECTOR_BASE);
	outb(PIC2_DATA, PIC_VECTOR_BASE + 8);
	outb(PIC1_DATA, 4);   /* slave on IRQ2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);   /* 8086 mode */
	outb(PIC2_DATA, 1);
	outb(PIC1_DATA, 0xFF);
	outb(PIC2_DATA, 0xFF);
	trap_set_handler(PIC_VECTOR_BASE + 7, ignore_pic_spurious);
	trap_set_handler(PIC_VECTOR_BASE + 15, ignore_pic_spurious);
}

/* Maps one I/O APIC and masks all its pins; -1 if nothing answers. */
static int probe(const struct acpi_ioapic *desc, struct ioapic *io)
{
	io->regs = vmm_map_mmio(desc->phys, 4096);
	if (!io->regs)
		return -1;
	uint32_t ver = ioapic_read(io, IOAPIC_VER);
	if (ver == 0xFFFFFFFF)
		return -1;
	io->gsi_base = desc->gsi_base;
	io->pins = ((ver >> 16) & 0xFF) + 1;
	for (unsigned i = 0; i < io->pins; i++)
		ioapic_write(io, IOAPIC_REDTBL(i), REDIR_MASKED);
	return 0;
}

int ioapic_init(void)
{
	pic_disable();
	for (unsigned i = 0; i < acpi.nioapics; i++) {
		if (probe(&acpi.ioapics[i], &ioapics[nioapics]) == 0)
			nioapics++;
		else
			log_warn("no I/O APIC answers at %#lx\n",
				 (unsigned long)acpi.ioapics[i].phys);
	}
	return nioapics ? 0 : -1;
}

static const struct ioapic *ioapic_for_gsi(uint32_t gsi)
{
	for (unsigned i = 0; i < nioapics; i++)
		if (gsi >= ioapics[i].gsi_base && gsi - ioapics[i].gsi_base < ioapics[i].pins)
			return &ioapics[i];
	return NULL;
}

int ioapic_route_isa(unsigned irq, uint8_t vector)
{
	if (irq >= ACPI_ISA_IRQS)
		return -1;
	uint32_t gsi = acpi.isa_gsi[irq];
	const struct ioapic *io = ioapic_for_gsi(gsi);
	if (!io)
		return -1;
	unsigned pin = gsi - io->gsi_base;
	uint16_t flags = acpi.isa_flags[irq];
	uint32_t lo = vector;   /* fixed delivery, physical destination */
	/* ISA interrupts are edge/active-high unless an override says else. */
	if ((flags & INTI_POLARITY_MASK) == INTI_POLARITY_LOW)
		lo |= REDIR_ACTIVE_LOW;
	if ((flags & INTI_TRIGGER_MASK) == INTI_TRIGGER_LEVEL)
		lo |= REDIR_LEVEL;
	ioapic_write(io, IOAPIC_REDTBL(pin) + 1, lapic_id() << 24);
	ioapic_write(io, IOAPIC_REDTBL(pin), lo);
	return 0;
}
