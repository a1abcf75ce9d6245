/* The tiny runtime shared by the bare-metal guest tests: console output on
 * the PL011, check lines, exception recording, PL0 calls and probes that
 * survive a fault. Every test program defines test_main() and
 * rt_test_name; the runtime prints a start line, the checks, a summary
 * line, and powers off through PSCI. */
#ifndef GUEST_RT_H
#define GUEST_RT_H

#include <stdint.h>

/* Processor modes, CPSR.M (ARM DDI 0406C B1.3.1, Table B1-1). */
#define MODE_USR 0x10u
#define MODE_FIQ 0x11u
#define MODE_IRQ 0x12u
#define MODE_SVC 0x13u
#define MODE_ABT 0x17u
#define MODE_UND 0x1Bu
#define MODE_SYS 0x1Fu
#define MODE_MASK 0x1Fu

/* CPSR bits (B1.3.3). */
#define PSR_T (1u << 5)
#define PSR_F (1u << 6)
#define PSR_I (1u << 7)
#define PSR_A (1u << 8)
#define PSR_E (1u << 9)
#define PSR_GE_MASK (0xFu << 16)
#define PSR_J (1u << 24)
#define PSR_Q (1u << 27)
#define PSR_V (1u << 28)
#define PSR_C (1u << 29)
#define PSR_Z (1u << 30)
#define PSR_N (1u << 31)
#define PSR_NZCV (PSR_N | PSR_Z | PSR_C | PSR_V)

/* Exception kinds, numbered by vector offset / 4 (B1.8.1, Table B1-3). */
#define EXC_UND 1
#define EXC_SVC 2
#define EXC_PABT 3
#define EXC_DABT 4
#define EXC_IRQ 6
#define EXC_FIQ 7

/* Fault status codes, short-descriptor format (B3.13.3, Table B3-23),
 * already placed as in the FSR: FS[4] is bit 10. */
#define FS_ALIGNMENT 0x001u
#define FS_DEBUG 0x002u
#define FS_ACCESS_FLAG_SECTION 0x003u
#define FS_TRANSLATION_SECTION 0x005u
#define FS_ACCESS_FLAG_PAGE 0x006u
#define FS_TRANSLATION_PAGE 0x007u
#define FS_DOMAIN_SECTION 0x009u
#define FS_DOMAIN_PAGE 0x00Bu
#define FS_PERMISSION_SECTION 0x00Du
#define FS_PERMISSION_PAGE 0x00Fu
/* DFSR fields (B4.1.52): FS[3:0], Domain, FS[4], WnR. */
#define FSR_FS_MASK 0x40Fu
#define FSR_DOMAIN(d) ((uint32_t)(d) << 4)
#define FSR_DOMAIN_MASK 0xF0u
#define FSR_WNR (1u << 11)

/* The frame the exception stubs (start.S) push: the handler may change
 * pc (the return address), spsr (the state returned to) and r[]. */
struct exc_frame {
	uint32_t spsr;
	uint32_t cpsr;          /* CPSR right after entry, before any change */
	uint32_t r[13];
	uint32_t pc;            /* LR on entry; the return address on exit */
};

/* What the last exception looked like. */
struct exc_rec {
	uint32_t kind;
	uint32_t cpsr;          /* CPSR in the handler, on entry */
	uint32_t spsr;          /* SPSR of the handler's mode, on entry */
	uint32_t lr;            /* LR of the handler's mode, on entry */
	uint32_t fsr;           /* DFSR (data abort) or IFSR (prefetch abort) */
	uint32_t far;           /* DFAR or IFAR */
	uint32_t imm;           /* SVC immediate */
};

extern volatile struct exc_rec rt_exc;
extern volatile uint32_t rt_exc_count;
/* Where a prefetch abort resumes (set by probe_exec); 0: none. */
extern volatile uint32_t rt_resume;

/* A test's exception hook: runs after the exception is recorded; returns
 * nonzero when it has set frame->pc itself. */
typedef int (*exc_hook_fn)(uint32_t kind, struct exc_frame *f);
extern exc_hook_fn rt_hook;

/* Each test program defines these. */
extern const char rt_test_name[];
void test_main(void);

/* Console. The format subset is %s %c %d %u %x with an optional width
 * and 0 flag; every integer argument is 32 bits (uint32_t is unsigned long
 * here, so the compiler's printf format checking does not apply). */
void rt_putc(char c);
void rt_printf(const char *fmt, ...);
/* Formats into buf (always terminated, truncated to size - 1). */
void rt_snprintf(char *buf, uint32_t size, const char *fmt, ...);

/* Checks: each prints one line ending in "ok" or "FAIL (want ...)". */
void check_eq(uint32_t got, uint32_t want, const char *fmt, ...);
void check_true(int cond, const char *fmt, ...);
/* A check whose manual value QEMU 7.2 does not give (DESIGN.md): "ok"
 * with the manual's value; with QEMU's value a "known QEMU deviation
 * (manual V)" line, which tests/guest/run.py compares as the manual's
 * "ok" line; FAIL otherwise. Counts as one check either way. */
void check_dev(uint32_t got, uint32_t manual, uint32_t qemu, const char *what);
void rt_section(const char *title);
/* Clears the exception record and count. */
void exc_clear(void);
/* Checks that exactly one exception of kind was taken since exc_clear()
 * and, for aborts, that FSR & mask equals fsr. Prints one check line. */
void check_exc(const char *what, uint32_t kind, uint32_t fsr, uint32_t mask);
void check_no_exc(const char *what);

/* Abandons the test run with a FAIL line. */
void rt_fatal(const char *why) __attribute__((noreturn));

/* start.S: calls fn(arg) in User mode (PL0) and returns its result. */
uint32_t run_user(uint32_t (*fn)(uint32_t), uint32_t arg);
/* start.S: PSCI SYSTEM_OFF; never returns. */
void psci_system_off(void) __attribute__((noreturn));
/* start.S: memory probes. A data abort on the access skips it, so a
 * read returns dflt; the fault is in rt_exc. Usable at PL0 too. */
uint32_t probe_read32(uint32_t va, uint32_t dflt);
uint32_t probe_read16(uint32_t va, uint32_t dflt);
uint32_t probe_read8(uint32_t va, uint32_t dflt);
void probe_write32(uint32_t va, uint32_t val);
void probe_write16(uint32_t va, uint32_t val);
/* start.S: calls va; returns its r0, or PROBE_EXEC_FAULT after a prefetch
 * abort at va. */
uint32_t probe_exec(uint32_t va);
#define PROBE_EXEC_FAULT 0xFA17FA17u
/* User-mode wrappers of the probes: arg is the address (the written
 * value is PROBE_USER_VALUE). */
uint32_t user_read32(uint32_t va);
uint32_t user_write32(uint32_t va);
uint32_t user_exec(uint32_t va);
#define PROBE_USER_VALUE 0x5A5A0000u
#define PROBE_DEFAULT 0xDEADBEEFu

static inline uint32_t read_cpsr(void)
{
	uint32_t v;
	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void dsb(void) { __asm__ volatile("dsb" ::: "memory"); }

/* CP15 accessors (B4.1, B3.17 for the encodings). */
#define CP15_READ(name, crn, op1, crm, op2)                                  \
	static inline uint32_t read_##name(void)                             \
	{                                                                    \
		uint32_t v;                                                  \
		__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm    \
				 ", " #op2 : "=r"(v));                       \
		return v;                                                    \
	}
#define CP15_WRITE(name, crn, op1, crm, op2)                                 \
	static inline void write_##name(uint32_t v)                          \
	{                                                                    \
		__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm    \
				 ", " #op2 :: "r"(v) : "memory");            \
	}
#define CP15_RW(name, crn, op1, crm, op2)                                    \
	CP15_READ(name, crn, op1, crm, op2) CP15_WRITE(name, crn, op1, crm, op2)

CP15_READ(midr, c0, 0, c0, 0)
CP15_READ(id_mmfr0, c0, 0, c1, 4)
CP15_RW(sctlr, c1, 0, c0, 0)
CP15_RW(cpacr, c1, 0, c0, 2)
CP15_RW(ttbr0, c2, 0, c0, 0)
CP15_RW(ttbr1, c2, 0, c0, 1)
CP15_RW(ttbcr, c2, 0, c0, 2)
CP15_RW(dacr, c3, 0, c0, 0)
CP15_RW(dfsr, c5, 0, c0, 0)
CP15_RW(ifsr, c5, 0, c0, 1)
CP15_RW(dfar, c6, 0, c0, 0)
CP15_RW(ifar, c6, 0, c0, 2)
CP15_WRITE(icialluis, c7, 0, c1, 0)
CP15_WRITE(iciallu, c7, 0, c5, 0)
CP15_WRITE(icimvau, c7, 0, c5, 1)
CP15_WRITE(bpiall, c7, 0, c5, 6)
CP15_WRITE(dccmvau, c7, 0, c11, 1)
CP15_WRITE(dccimvac, c7, 0, c14, 1)
CP15_WRITE(tlbiallis, c8, 0, c3, 0)
CP15_WRITE(tlbimvais, c8, 0, c3, 1)
CP15_WRITE(tlbiasidis, c8, 0, c3, 2)
CP15_WRITE(tlbimvaais, c8, 0, c3, 3)
CP15_WRITE(tlbiall, c8, 0, c7, 0)
CP15_WRITE(tlbimva, c8, 0, c7, 1)
CP15_WRITE(tlbiasid, c8, 0, c7, 2)
CP15_WRITE(tlbimvaa, c8, 0, c7, 3)
CP15_RW(vbar, c12, 0, c0, 0)
CP15_RW(contextidr, c13, 0, c0, 1)
CP15_RW(tpidrurw, c13, 0, c0, 2)
CP15_RW(tpidruro, c13, 0, c0, 3)
CP15_RW(tpidrprw, c13, 0, c0, 4)

/* SCTLR bits (B4.1.130). */
#define SCTLR_M (1u << 0)
#define SCTLR_A (1u << 1)
#define SCTLR_V (1u << 13)
#define SCTLR_TRE (1u << 28)
#define SCTLR_AFE (1u << 29)
#define SCTLR_TE (1u << 30)

#endif
