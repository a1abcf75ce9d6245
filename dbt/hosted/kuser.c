/* The kuser helpers: small routines at fixed addresses that Linux maps
 * into every ARM process (Linux Documentation/arm/kernel_user_helpers.rst).
 * glibc for ARMv5 (Debian armel) calls __kuser_get_tls for every TLS
 * access and __kuser_cmpxchg for atomics, so they must exist. The code is
 * ordinary ARM code run by the translator; each word below was checked
 * against GNU as for the instruction in its comment. */
#include "kuser.h"

#include <string.h>

/* Offsets in the page fixed by the kernel ABI. */
#define KUSER_CMPXCHG64 0xf60u
#define KUSER_MEMORY_BARRIER 0xfa0u
#define KUSER_CMPXCHG 0xfc0u
#define KUSER_GET_TLS 0xfe0u
#define KUSER_HELPER_VERSION 0xffcu
/* Version 5 is the first with __kuser_cmpxchg64, the newest helper. */
#define KUSER_VERSION 5u

/* ARM Linux syscall numbers for the trampolines. */
#define NR_SIGRETURN 119
#define NR_RT_SIGRETURN 173

/* r0 = &oldval, r1 = &newval, r2 = ptr: 64-bit compare and swap.
 * Returns r0 = 0 and C set when *ptr was changed. */
static const uint32_t kuser_cmpxchg64[] = {
	0xe92d00f0, /* push {r4, r5, r6, r7} */
	0xe1c040d0, /* ldrd r4, r5, [r0] */
	0xe1c160d0, /* ldrd r6, r7, [r1] */
	0xe1b20f9f, /* 1: ldrexd r0, r1, [r2] */
	0xe0303004, /* eors r3, r0, r4 */
	0x00313005, /* eorseq r3, r1, r5 */
	0x1a000002, /* bne 2f */
	0xe1a23f96, /* strexd r3, r6, r7, [r2] */
	0xe3330001, /* teq r3, #1 */
	0x0afffff8, /* beq 1b */
	0xe2730000, /* 2: rsbs r0, r3, #0 */
	0xe8bd00f0, /* pop {r4, r5, r6, r7} */
	0xe12fff1e, /* bx lr */
};

static const uint32_t kuser_memory_barrier[] = {
	0xf57ff05b, /* dmb ish */
	0xe12fff1e, /* bx lr */
};

/* r0 = oldval, r1 = newval, r2 = ptr; same result convention. */
static const uint32_t kuser_cmpxchg[] = {
	0xe1923f9f, /* 1: ldrex r3, [r2] */
	0xe0533000, /* subs r3, r3, r0 */
	0x1a000002, /* bne 2f */
	0xe1823f91, /* strex r3, r1, [r2] */
	0xe3330001, /* teq r3, #1 */
	0x0afffff9, /* beq 1b */
	0xe2730000, /* 2: rsbs r0, r3, #0 */
	0xe12fff1e, /* bx lr */
};

static const uint32_t kuser_get_tls[] = {
	0xee1d0f70, /* mrc p15, 0, r0, c13, c0, 3 (TPIDRURO) */
	0xe12fff1e, /* bx lr */
};

static const uint32_t rt_sigreturn_tramp[] = {
	0xe3a07000 | NR_RT_SIGRETURN, /* mov r7, #NR_RT_SIGRETURN */
	0xef000000,                   /* svc #0 */
};

static const uint32_t sigreturn_tramp[] = {
	0xe3a07000 | NR_SIGRETURN, /* mov r7, #NR_SIGRETURN */
	0xef000000,                /* svc #0 */
};

static void put(uint32_t off, const uint32_t *code, size_t size)
{
	memcpy(guest_ptr(GUEST_KUSER_PAGE + off), code, size);
}

int kuser_map(void)
{
	uint32_t version = KUSER_VERSION;
	int r = guest_mem_map_anon(GUEST_KUSER_PAGE, GUEST_PAGE_SIZE,
				   GUEST_PROT_READ | GUEST_PROT_WRITE);

	if (r)
		return r;
	put(KUSER_CMPXCHG64, kuser_cmpxchg64, sizeof(kuser_cmpxchg64));
	put(KUSER_MEMORY_BARRIER, kuser_memory_barrier,
	    sizeof(kuser_memory_barrier));
	put(KUSER_CMPXCHG, kuser_cmpxchg, sizeof(kuser_cmpxchg));
	put(KUSER_GET_TLS, kuser_get_tls, sizeof(kuser_get_tls));
	put(KUSER_HELPER_VERSION, &version, sizeof(version));
	put(KUSER_RT_SIGRETURN - GUEST_KUSER_PAGE, rt_sigreturn_tramp,
	    sizeof(rt_sigreturn_tramp));
	put(KUSER_SIGRETURN - GUEST_KUSER_PAGE, sigreturn_tramp,
	    sizeof(sigreturn_tramp));
	return guest_mem_protect(GUEST_KUSER_PAGE, GUEST_PAGE_SIZE,
				 GUEST_PROT_READ | GUEST_PROT_EXEC);
}
