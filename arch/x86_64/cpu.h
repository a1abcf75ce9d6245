/* Host CPU identification and the control-register set-up the monitor
 * relies on (NX, WP, PCID, SSE, SMEP). */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdbool.h>
#include <stdint.h>

struct cpu_features {
	char vendor[13];
	char brand[49];
	unsigned family, model, stepping;
	bool nx, pcid, invpcid, page1g, smep, smap, tsc_deadline, x2apic;
	bool invariant_tsc, hypervisor, apic;
	uint32_t max_leaf, max_ext_leaf;
	unsigned phys_addr_bits;
};

extern struct cpu_features cpu_features;

void cpu_detect(void);
/* Turns on NX, WP, SSE, and PCID/SMEP where present. Returns -1 if a
 * feature the monitor cannot run without is missing. */
int cpu_enable_features(void);

#endif
