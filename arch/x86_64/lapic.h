/* Local APIC (xAPIC by MMIO, or x2APIC by MSR when firmware left it on)
 * and its timer, in TSC-deadline mode where the CPU has it and one-shot
 * mode otherwise; both take an absolute TSC deadline. */
#ifndef ARCH_LAPIC_H
#define ARCH_LAPIC_H

#include <stdbool.h>
#include <stdint.h>

int lapic_init(void);
uint32_t lapic_id(void);
void lapic_eoi(void);
/* Raises VEC_TIMER once when the TSC reaches deadline; 0 cancels. */
void lapic_timer_arm(uint64_t tsc_deadline);
bool lapic_timer_uses_deadline(void);
bool lapic_x2apic_mode(void);

#endif
