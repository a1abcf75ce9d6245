/* The memory map and interrupt numbers of QEMU's `-M virt` for 32-bit ARM
 * (hw/arm/virt.c's base_memmap and a15irqmap), defined once for the board
 * and its device tree (DESIGN.md "The guest machine"). */
#ifndef GUEST_ARM_VIRT_H
#define GUEST_ARM_VIRT_H

#define VIRT_GIC_DIST_BASE 0x08000000u
#define VIRT_GIC_DIST_SIZE 0x10000u
#define VIRT_GIC_CPU_BASE 0x08010000u
#define VIRT_GIC_CPU_SIZE 0x10000u   /* GICv2 needs 8 KiB (GICC_DIR at 0x1000); QEMU maps 64 KiB */
#define VIRT_UART_BASE 0x09000000u
#define VIRT_RTC_BASE 0x09010000u
#define VIRT_PRIMECELL_SIZE 0x1000u
#define VIRT_RAM_BASE 0x40000000u

/* Shared peripheral interrupts: GIC interrupt ID = 32 + SPI number. */
#define VIRT_UART_SPI 1u
#define VIRT_RTC_SPI 2u
#define VIRT_SPI_ID(spi) (32u + (spi))

/* The fixed clock QEMU gives the PrimeCells (/apb-pclk). */
#define VIRT_APB_PCLK_HZ 24000000u

#endif
