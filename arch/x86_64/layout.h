/* The monitor's x86-64 virtual address layout (docs/memory-map.md). Kept
 * in step with linker.ld. */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

/* The monitor image runs at KERNEL_VMA + its physical address. */
#define KERNEL_VMA 0xFFFFFFFF80000000
/* All host RAM (and the MMIO below 4 GiB) is mapped here. */
#define DIRECT_MAP_BASE 0xFFFF800000000000
/* The guest's 32-bit space: PML4 slot 0, never monitor data. */
#define GUEST_SPACE_END 0x100000000

#define BOOT_STACK_SIZE 16384

/* GDT selectors (arch/x86_64/gdt.c). */
#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_TSS 0x18

#ifndef __ASSEMBLY__
#include <stdint.h>

static inline void *phys_to_virt(uint64_t pa)
{
	return (void *)(uintptr_t)(pa + DIRECT_MAP_BASE);
}

static inline uint64_t image_virt_to_phys(const void *va)
{
	return (uint64_t)(uintptr_t)va - KERNEL_VMA;
}
#endif

#endif
