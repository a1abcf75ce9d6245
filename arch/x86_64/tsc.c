/* TSC frequency: CPUID leaf 0x15 (crystal ratio), the hypervisor timing
 * leaf 0x40000010, CPUID leaf 0x16 (nominal MHz), else PIT channel 0. */
#include "arch/x86_64/tsc.h"

#include <stdbool.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"

/* 8254 PIT (Intel 8254 data sheet): 1.193182 MHz input clock. */
#define PIT_HZ 1193182u
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_CMD_CH0_LOHI_MODE2 0x34
#define PIT_CMD_LATCH_CH0 0x00
#define PIT_CALIBRATE_TICKS (PIT_HZ / 20)   /* 50 ms */
#define PIT_STUCK_LIMIT 1000000

#define HV_LEAF_TIMING 0x40000010u

static uint64_t tsc_freq;
static const char *tsc_how = "none";

static uint16_t pit_read(void)
{
	outb(PIT_CMD, PIT_CMD_LATCH_CH0);
	uint8_t lo = inb(PIT_CH0);
	uint8_t hi = inb(PIT_CH0);
	return (uint16_t)(lo | hi << 8);
}

/* Counts TSC ticks across a fixed number of PIT ticks. The PIT counts
 * down and reloads at 0xFFFF, so each step is (prev - cur) mod 2^16. */
static uint64_t measure_with_pit(void)
{
	outb(PIT_CMD, PIT_CMD_CH0_LOHI_MODE2);
	outb(PIT_CH0, 0xFF);
	outb(PIT_CH0, 0xFF);
	uint16_t prev = pit_read();
	uint32_t spins = 0;
	while (pit_read() == prev)
		if (++spins > PIT_STUCK_LIMIT)
			return 0;
	prev = pit_read();
	uint64_t t0 = rdtsc();
	uint32_t elapsed = 0;
	while (elapsed < PIT_CALIBRATE_TICKS) {
		uint16_t cur = pit_read();
		elapsed += (uint16_t)(prev - cur);
		prev = cur;
	}
	uint64_t t1 = rdtsc();
	return (t1 - t0) * PIT_HZ / elapsed;
}

static uint64_t from_cpuid(void)
{
	const struct cpu_features *f = &cpu_features;

	if (f->max_leaf >= 0x15) {
		struct cpuid_regs r = cpuid(0x15, 0);
		if (r.eax && r.ebx && r.ecx) {
			tsc_how = "CPUID 0x15";
			return (uint64_t)r.ecx * r.ebx / r.eax;
		}
	}
	if (f->hypervisor && cpuid(0x40000000, 0).eax >= HV_LEAF_TIMING) {
		uint32_t khz = cpuid(HV_LEAF_TIMING, 0).eax;
		if (khz) {
			tsc_how = "hypervisor leaf";
			return (uint64_t)khz * 1000;
		}
	}
	return 0;
}

int tsc_calibrate(void)
{
	tsc_freq = from_cpuid();
	if (tsc_freq)
		return 0;
	tsc_freq = measure_with_pit();
	if (tsc_freq) {
		tsc_how = "PIT";
		return 0;
	}
	if (cpu_features.max_leaf >= 0x16 && (cpuid(0x16, 0).eax & 0xFFFF)) {
		tsc_freq = (uint64_t)(cpuid(0x16, 0).eax & 0xFFFF) * 1000000;
		tsc_how = "CPUID 0x16 (nominal)";
		return 0;
	}
	log_err("cannot determine the TSC frequency (no CPUID leaf, no PIT)\n");
	return -1;
}

uint64_t tsc_hz(void)
{
	return tsc_freq;
}

const char *tsc_source(void)
{
	return tsc_how;
}

uint64_t tsc_ns_to_ticks(uint64_t ns)
{
	/* Split so no product overflows 64 bits for any real frequency. */
	const uint64_t ns_per_s = 1000000000u;
	return ns / ns_per_s * tsc_freq + ns % ns_per_s * tsc_freq / ns_per_s;
}
