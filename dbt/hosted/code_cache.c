/* The code cache must sit within +-2 GiB of arm-run's own text, so that
 * translated blocks reach the translator's helpers with call rel32
 * (Intel SDM Vol. 2A, CALL: rel32 is sign-extended). arm-run is PIE and
 * lives far above 4 GiB; the cache goes just below its image. */
#define _GNU_SOURCE
#include "code_cache.h"

#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "dbt/dbt.h"
#include "guest_mem.h"

/* The linker's symbols for the start and end of our text. */
extern char __executable_start[], etext[];

#define REL32_REACH (1ull << 31)
#define CANDIDATE_STEP (64ull << 20)
#define CANDIDATES 16

static int reachable(uintptr_t lo, uintptr_t hi)
{
	uintptr_t text_lo = (uintptr_t)__executable_start;
	uintptr_t text_hi = (uintptr_t)etext;
	uintptr_t far_lo = lo < text_lo ? lo : text_lo;
	uintptr_t far_hi = hi > text_hi ? hi : text_hi;

	return far_hi - far_lo < REL32_REACH;
}

int code_cache_alloc(size_t size, void **buf)
{
	uintptr_t base = (uintptr_t)__executable_start & ~(uintptr_t)0xfffff;

	size = (size + GUEST_PAGE_MASK) & ~(size_t)GUEST_PAGE_MASK;
	for (int i = 1; i <= CANDIDATES; i++) {
		uintptr_t want = base - size - i * CANDIDATE_STEP;
		void *p = mmap((void *)want, size,
			       PROT_READ | PROT_WRITE | PROT_EXEC,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
				       MAP_FIXED_NOREPLACE,
			       -1, 0);

		if (p == MAP_FAILED)
			continue;
		if (reachable((uintptr_t)p, (uintptr_t)p + size)) {
			*buf = p;
			return 0;
		}
		munmap(p, size);
	}
	return -ERANGE;
}

int dbt_host_code_page(struct arm_cpu *cpu, uint32_t va, uint64_t *key,
		       const void **host)
{
	uint32_t page = guest_page_down(va);

	(void)cpu;
	if (!guest_mem_mark_code(page))
		return -1;
	*key = page;
	*host = guest_ptr(page);
	return 0;
}
