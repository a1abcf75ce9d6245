/* CPUID feature detection and control-register set-up. */
#include "arch/x86_64/cpu.h"

#include <string.h>

#include "arch/x86_64/x86.h"
#include "lib/log.h"

struct cpu_features cpu_features;

/* CPUID bits (Intel SDM Vol. 2A, CPUID). */
#define CPUID1_ECX_PCID (1u << 17)
#define CPUID1_ECX_X2APIC (1u << 21)
#define CPUID1_ECX_TSC_DEADLINE (1u << 24)
#define CPUID1_ECX_HYPERVISOR (1u << 31)
#define CPUID1_EDX_APIC (1u << 9)
#define CPUID7_EBX_SMEP (1u << 7)
#define CPUID7_EBX_INVPCID (1u << 10)
#define CPUID7_EBX_SMAP (1u << 20)
#define CPUIDX1_EDX_NX (1u << 20)
#define CPUIDX1_EDX_PAGE1G (1u << 26)
#define CPUIDX7_EDX_INVARIANT_TSC (1u << 8)

static void read_brand(void)
{
	uint32_t *b = (uint32_t *)cpu_features.brand;

	if (cpu_features.max_ext_leaf < 0x80000004) {
		memcpy(cpu_features.brand, "unknown", 8);
		return;
	}
	for (uint32_t leaf = 0x80000002; leaf <= 0x80000004; leaf++) {
		struct cpuid_regs r = cpuid(leaf, 0);
		*b++ = r.eax;
		*b++ = r.ebx;
		*b++ = r.ecx;
		*b++ = r.edx;
	}
	cpu_features.brand[48] = '\0';
}

void cpu_detect(void)
{
	struct cpu_features *f = &cpu_features;
	struct cpuid_regs r = cpuid(0, 0);

	f->max_leaf = r.eax;
	memcpy(f->vendor, &r.ebx, 4);
	memcpy(f->vendor + 4, &r.edx, 4);
	memcpy(f->vendor + 8, &r.ecx, 4);
	f->vendor[12] = '\0';

	r = cpuid(1, 0);
	f->stepping = r.eax & 0xf;
	f->model = ((r.eax >> 4) & 0xf) | ((r.eax >> 12) & 0xf0);
	f->family = ((r.eax >> 8) & 0xf) + ((r.eax >> 20) & 0xff);
	f->pcid = r.ecx & CPUID1_ECX_PCID;
	f->x2apic = r.ecx & CPUID1_ECX_X2APIC;
	f->tsc_deadline = r.ecx & CPUID1_ECX_TSC_DEADLINE;
	f->hypervisor = r.ecx & CPUID1_ECX_HYPERVISOR;
	f->apic = r.edx & CPUID1_EDX_APIC;

	if (f->max_leaf >= 7) {
		r = cpuid(7, 0);
		f->smep = r.ebx & CPUID7_EBX_SMEP;
		f->smap = r.ebx & CPUID7_EBX_SMAP;
		f->invpcid = r.ebx & CPUID7_EBX_INVPCID;
	}

	f->max_ext_leaf = cpuid(0x80000000, 0).eax;
	if (f->max_ext_leaf >= 0x80000001) {
		r = cpuid(0x80000001, 0);
		f->nx = r.edx & CPUIDX1_EDX_NX;
		f->page1g = r.edx & CPUIDX1_EDX_PAGE1G;
	}
	if (f->max_ext_leaf >= 0x80000007)
		f->invariant_tsc = cpuid(0x80000007, 0).edx & CPUIDX7_EDX_INVARIANT_TSC;
	f->phys_addr_bits = 36;
	if (f->max_ext_leaf >= 0x80000008)
		f->phys_addr_bits = cpuid(0x80000008, 0).eax & 0xff;
	read_brand();
}

int cpu_enable_features(void)
{
	const struct cpu_features *f = &cpu_features;

	/* NX keeps monitor data and guest shadow mappings non-executable. */
	if (!f->nx) {
		log_err("this CPU has no NX (execute-disable) bit; armvisor needs it\n");
		return -1;
	}
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);

	/* WP: guest read-only pages must fault even on ring-0 writes. */
	uint64_t cr0 = read_cr0();
	cr0 |= CR0_WP | CR0_MP;
	cr0 &= ~CR0_EM;
	write_cr0(cr0);

	uint64_t cr4 = read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT | CR4_PGE;
	/* PCIDE may only be set while CR3's PCID field is 0, as it is here. */
	if (f->pcid)
		cr4 |= CR4_PCIDE;
	/* SMEP: a monitor jump into a guest (U=1) page faults. SMAP stays
	 * off: the monitor reads guest memory directly. */
	if (f->smep)
		cr4 |= CR4_SMEP;
	write_cr4(cr4);
	return 0;
}
