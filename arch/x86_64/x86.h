/* x86-64 instructions the monitor needs as C: port I/O, MSRs, control
 * registers, CPUID, TSC, interrupt flag. Each is one instruction. */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <stdint.h>

/* Control register bits (Intel SDM Vol. 3A, 2.5). */
#define CR0_MP (1ul << 1)
#define CR0_EM (1ul << 2)
#define CR0_WP (1ul << 16)
#define CR4_PAE (1ul << 5)
#define CR4_PGE (1ul << 7)
#define CR4_OSFXSR (1ul << 9)
#define CR4_OSXMMEXCPT (1ul << 10)
#define CR4_PCIDE (1ul << 17)
#define CR4_SMEP (1ul << 20)

/* MSRs (Intel SDM Vol. 4). */
#define MSR_APIC_BASE 0x1B
#define MSR_TSC_DEADLINE 0x6E0
#define MSR_EFER 0xC0000080
#define EFER_NXE (1ul << 11)
#define MSR_PLATFORM_INFO 0xCE

#define RFLAGS_IF (1ul << 9)

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_regs r;
	__asm__ volatile("cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(subleaf));
	return r;
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#define DEFINE_CR(n)                                                      \
	static inline uint64_t read_cr##n(void)                           \
	{                                                                 \
		uint64_t v;                                               \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));         \
		return v;                                                 \
	}                                                                 \
	static inline void write_cr##n(uint64_t v)                        \
	{                                                                 \
		__asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory"); \
	}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void irq_enable(void)
{
	__asm__ volatile("sti" ::: "memory");
}

static inline void irq_disable(void)
{
	__asm__ volatile("cli" ::: "memory");
}

static inline uint64_t irq_save(void)
{
	uint64_t flags;
	__asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void irq_restore(uint64_t flags)
{
	if (flags & RFLAGS_IF)
		irq_enable();
}

/* Halts until the next interrupt, with interrupts enabled atomically so a
 * wake-up that arrives between the check and the hlt is not lost. */
static inline void wait_for_interrupt(void)
{
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}

static inline void cpu_relax(void)
{
	__asm__ volatile("pause");
}

#endif
