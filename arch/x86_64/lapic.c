/* Local APIC driver (Intel SDM Vol. 3A, chapter 10). */
#include "arch/x86_64/lapic.h"

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/tsc.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"
#include "mm/vmm.h"

/* Register offsets in the xAPIC page; x2APIC MSR = 0x800 + offset/16. */
#define LAPIC_ID 0x020
#define LAPIC_EOI 0x0B0
#define LAPIC_SVR 0x0F0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3E0
#define X2APIC_MSR_BASE 0x800

#define APIC_BASE_ENABLE (1ull << 11)
#define APIC_BASE_EXTD (1ull << 10)
#define APIC_BASE_ADDR_MASK 0xFFFFFF000ull
#define SVR_ENABLE (1u << 8)
#define LVT_MASKED (1u << 16)
#define LVT_TIMER_ONESHOT (0u << 17)
#define LVT_TIMER_TSC_DEADLINE (2u << 17)
#define TIMER_DIV_16 0x3
#define TIMER_DIVISOR 16

static volatile uint32_t *lapic_mmio;
static bool x2apic;
static bool deadline_mode;
static uint64_t lapic_timer_hz;   /* one-shot mode: APIC timer ticks/s */

static uint32_t lapic_read(uint32_t reg)
{
	if (x2apic)
		return (uint32_t)rdmsr(X2APIC_MSR_BASE + reg / 16);
	return lapic_mmio[reg / 4];
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	if (x2apic)
		wrmsr(X2APIC_MSR_BASE + reg / 16, v);
	else
		lapic_mmio[reg / 4] = v;
}

/* Measures the APIC timer rate against the calibrated TSC, for CPUs
 * without TSC-deadline mode. */
static void calibrate_oneshot(void)
{
	const uint64_t window = tsc_hz() / 100;   /* 10 ms */

	lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | VEC_TIMER);
	lapic_write(LAPIC_TIMER_INIT, 0xFFFFFFFF);
	uint64_t t0 = rdtsc();
	while (rdtsc() - t0 < window)
		cpu_relax();
	uint32_t elapsed = 0xFFFFFFFF - lapic_read(LAPIC_TIMER_CUR);
	lapic_write(LAPIC_TIMER_INIT, 0);
	lapic_timer_hz = (uint64_t)elapsed * 100;
}

int lapic_init(void)
{
	if (!cpu_features.apic) {
		log_err("this CPU has no local APIC\n");
		return -1;
	}
	uint64_t base = rdmsr(MSR_APIC_BASE);
	x2apic = base & APIC_BASE_EXTD;
	if (!x2apic) {
		lapic_mmio = vmm_map_mmio(base & APIC_BASE_ADDR_MASK, 4096);
		if (!lapic_mmio)
			return -1;
	}
	wrmsr(MSR_APIC_BASE, base | APIC_BASE_ENABLE);
	lapic_write(LAPIC_SVR, SVR_ENABLE | VEC_SPURIOUS);

	deadline_mode = cpu_features.tsc_deadline;
	if (deadline_mode)
		lapic_write(LAPIC_LVT_TIMER, LVT_TIMER_TSC_DEADLINE | VEC_TIMER);
	else
		calibrate_oneshot();
	return 0;
}

uint32_t lapic_id(void)
{
	uint32_t id = lapic_read(LAPIC_ID);
	return x2apic ? id : id >> 24;
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

bool lapic_timer_uses_deadline(void)
{
	return deadline_mode;
}

bool lapic_x2apic_mode(void)
{
	return x2apic;
}

void lapic_timer_arm(uint64_t tsc_deadline)
{
	if (deadline_mode) {
		wrmsr(MSR_TSC_DEADLINE, tsc_deadline);
		return;
	}
	if (!tsc_deadline) {
		lapic_write(LAPIC_TIMER_INIT, 0);
		return;
	}
	uint64_t now = rdtsc();
	uint64_t delta = tsc_deadline > now ? tsc_deadline - now : 1;
	uint64_t ticks = delta * lapic_timer_hz / tsc_hz();
	if (ticks == 0)
		ticks = 1;
	if (ticks > 0xFFFFFFFF)
		ticks = 0xFFFFFFFF;
	lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
	lapic_write(LAPIC_LVT_TIMER, LVT_TIMER_ONESHOT | VEC_TIMER);
	lapic_write(LAPIC_TIMER_INIT, (uint32_t)ticks);
}
