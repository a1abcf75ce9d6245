/* The TSC as the monitor's clock: its frequency, from CPUID where the CPU
 * or hypervisor states it, measured against the PIT otherwise. */
#ifndef ARCH_TSC_H
#define ARCH_TSC_H

#include <stdint.h>

int tsc_calibrate(void);
uint64_t tsc_hz(void);
/* How the frequency was found, for the banner. */
const char *tsc_source(void);
uint64_t tsc_ns_to_ticks(uint64_t ns);

#endif
