/* The monitor's GDT (64-bit code and data, a TSS) and the IST stacks the
 * TSS names, so double faults, NMIs and machine checks run on a known-good
 * stack even when the current one is what broke. */
#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#define IST_DOUBLE_FAULT 1
#define IST_NMI 2
#define IST_MACHINE_CHECK 3

void gdt_init(void);

#endif
