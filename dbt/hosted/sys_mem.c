/* Memory-management system calls: brk, mmap2 and friends, placed in the
 * guest's part of the address space by guest_mem.c. The MAP_* and PROT_*
 * values are generic, the same on ARM and x86-64. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>

#include "guest_mem.h"
#include "sys.h"

/* mmap2 counts file offsets in 4096-byte units whatever the page size. */
#define MMAP2_UNIT 4096u
#define GUEST_PROT_ALL (GUEST_PROT_READ | GUEST_PROT_WRITE | GUEST_PROT_EXEC)

int64_t sys_brk(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	return guest_mem_brk(a[0]);
}

static bool user_range(uint32_t addr, uint64_t len)
{
	return addr >= GUEST_LOW && (uint64_t)addr + len <= GUEST_KUSER_PAGE;
}

/* Chooses where a mapping goes, as Linux's get_unmapped_area(). */
static int64_t place(uint32_t hint, uint64_t len, uint32_t flags)
{
	uint32_t at;

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (hint & GUEST_PAGE_MASK || !user_range(hint, len))
			return -EINVAL;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    !guest_mem_range_free(hint, len))
			return -EEXIST;
		return hint;
	}
	if (hint && !(hint & GUEST_PAGE_MASK) && user_range(hint, len) &&
	    guest_mem_range_free(hint, len))
		return hint;
	at = guest_mem_find_free((uint32_t)len);
	return at ? (int64_t)at : -ENOMEM;
}

/* mmap2(addr, length, prot, flags, fd, pgoffset) */
int64_t sys_mmap2(struct arm_cpu *cpu, const uint32_t *a)
{
	uint64_t len = guest_page_up(a[1]);
	uint32_t flags = a[3];
	int64_t at;
	int r;

	(void)cpu;
	if (!a[1] || len > GUEST_KUSER_PAGE || (a[2] & ~GUEST_PROT_ALL))
		return -EINVAL;
	at = place(a[0], len, flags);
	if (at < 0)
		return at;
	if (flags & MAP_ANONYMOUS)
		r = guest_mem_map_file((uint32_t)at, (uint32_t)len, (int)a[2],
				       (int)flags, -1, 0);
	else
		r = guest_mem_map_file((uint32_t)at, (uint32_t)len, (int)a[2],
				       (int)flags, (int32_t)a[4],
				       (uint64_t)a[5] * MMAP2_UNIT);
	return r ? r : at;
}

int64_t sys_munmap(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[0] & GUEST_PAGE_MASK || !a[1] ||
	    !user_range(a[0], guest_page_up(a[1])))
		return -EINVAL;
	return guest_mem_unmap(a[0], a[1]);
}

int64_t sys_mprotect(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[0] & GUEST_PAGE_MASK || (a[2] & ~GUEST_PROT_ALL))
		return -EINVAL;
	if (!a[1])
		return 0;
	if (!user_range(a[0], guest_page_up(a[1])))
		return -ENOMEM;
	return guest_mem_protect(a[0], a[1], (int)a[2]);
}

/* mremap(old, old_size, new_size, flags, new_address) */
int64_t sys_mremap(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[0] & GUEST_PAGE_MASK || !a[2] ||
	    (a[3] & ~(uint32_t)MREMAP_MAYMOVE))
		return -EINVAL;
	if (!user_range(a[0], guest_page_up(a[1])))
		return -EFAULT;
	return guest_mem_remap(a[0], a[1], a[2], a[3] & MREMAP_MAYMOVE);
}

/* MADV_DONTNEED and friends can replace page contents, so translated code
 * of those pages is dropped first. */
int64_t sys_madvise(struct arm_cpu *cpu, const uint32_t *a)
{
	(void)cpu;
	if (a[0] & GUEST_PAGE_MASK || !user_range(a[0], guest_page_up(a[1])))
		return -EINVAL;
	guest_mem_prepare_write(a[0], a[1]);
	return sys_ret(madvise(guest_ptr(a[0]), a[1], (int)a[2]));
}
