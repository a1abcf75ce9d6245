/* The guest's address space in arm-run. Guest address A is host address A,
 * so the whole low 4 GiB is reserved up front (nothing of the host may land
 * there) and guest mappings replace parts of that reservation. A byte per
 * guest page records what the guest asked for; the host protection is
 * derived from it, minus write access on pages holding translated code. */
#define _GNU_SOURCE
#include "guest_mem.h"

#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>

#include "dbt/dbt.h"

#define GUEST_PAGES (1u << 20) /* 4 GiB / 4 KiB */
#define GUEST_SPACE_END (1ull << 32)

/* page_state bits: the low three are GUEST_PROT_*. */
#define PG_PROT_MASK 0x07
#define PG_MAPPED 0x08
#define PG_CODE 0x10

static uint8_t page_state[GUEST_PAGES];
static uint32_t brk_start, brk_cur;
static struct dbt *code_dbt;

void guest_mem_set_dbt(struct dbt *d) { code_dbt = d; }

static int host_prot(uint8_t st)
{
	int p = PROT_NONE;

	if (!(st & PG_MAPPED))
		return PROT_NONE;
	/* x86 pages cannot be write- or execute-only, and the host never
	 * executes guest bytes: any guest access right means host read. */
	if (st & PG_PROT_MASK)
		p |= PROT_READ;
	if ((st & GUEST_PROT_WRITE) && !(st & PG_CODE))
		p |= PROT_WRITE;
	return p;
}

static bool range_ok(uint32_t addr, uint64_t len)
{
	return len && !(addr & GUEST_PAGE_MASK) && addr >= GUEST_LOW &&
	       addr + len <= GUEST_SPACE_END;
}

/* Re-applies host protections over a page range, one mprotect per run of
 * pages whose state is equal. */
static int apply_prot(uint32_t first, uint32_t n)
{
	uint32_t i = first, end = first + n;

	while (i < end) {
		uint32_t j = i + 1;
		int p = host_prot(page_state[i]);

		while (j < end && host_prot(page_state[j]) == p)
			j++;
		if (mprotect(guest_ptr(i * GUEST_PAGE_SIZE),
			     (size_t)(j - i) * GUEST_PAGE_SIZE, p))
			return -errno;
		i = j;
	}
	return 0;
}

/* The guest is replacing or dropping these pages: forget translations. */
static void drop_code(uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++) {
		if (!(page_state[i] & PG_CODE))
			continue;
		page_state[i] &= ~PG_CODE;
		if (code_dbt)
			dbt_invalidate(code_dbt, i * GUEST_PAGE_SIZE,
				       GUEST_PAGE_SIZE);
	}
}

static void set_state(uint32_t addr, uint64_t len, uint8_t st)
{
	uint32_t first = addr / GUEST_PAGE_SIZE;
	uint32_t n = (uint32_t)(len / GUEST_PAGE_SIZE);

	for (uint32_t i = first; i < first + n; i++)
		page_state[i] = st;
}

int guest_mem_init(void)
{
	void *p = mmap(guest_ptr(GUEST_LOW), GUEST_SPACE_END - GUEST_LOW,
		       PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
			       MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (p == MAP_FAILED)
		return -errno;
	if (p != guest_ptr(GUEST_LOW)) {
		munmap(p, GUEST_SPACE_END - GUEST_LOW);
		return -EEXIST;
	}
	return 0;
}

static int map_common(uint32_t addr, uint32_t len, int prot, int flags,
		      int fd, uint64_t off)
{
	uint64_t l = guest_page_up(len);
	uint8_t st = PG_MAPPED | (prot & PG_PROT_MASK);
	void *p;

	if (!range_ok(addr, l))
		return -EINVAL;
	drop_code(addr / GUEST_PAGE_SIZE, (uint32_t)(l / GUEST_PAGE_SIZE));
	p = mmap(guest_ptr(addr), l, host_prot(st), flags | MAP_FIXED, fd, off);
	if (p == MAP_FAILED)
		return -errno;
	set_state(addr, l, st);
	return 0;
}

int guest_mem_map_anon(uint32_t addr, uint32_t len, int prot)
{
	return map_common(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

int guest_mem_map_file(uint32_t addr, uint32_t len, int prot, int flags,
		       int fd, uint64_t off)
{
	return map_common(addr, len, prot,
			  flags & (MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS),
			  fd, off);
}

int guest_mem_unmap(uint32_t addr, uint32_t len)
{
	uint64_t l = guest_page_up(len);
	void *p;

	if (!range_ok(addr, l))
		return -EINVAL;
	drop_code(addr / GUEST_PAGE_SIZE, (uint32_t)(l / GUEST_PAGE_SIZE));
	p = mmap(guest_ptr(addr), l, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
	if (p == MAP_FAILED)
		return -errno;
	set_state(addr, l, 0);
	return 0;
}

int guest_mem_protect(uint32_t addr, uint32_t len, int prot)
{
	uint64_t l = guest_page_up(len);
	uint32_t first = addr / GUEST_PAGE_SIZE;
	uint32_t n = (uint32_t)(l / GUEST_PAGE_SIZE);

	if (!range_ok(addr, l))
		return -EINVAL;
	for (uint32_t i = first; i < first + n; i++)
		if (!(page_state[i] & PG_MAPPED))
			return -ENOMEM;
	/* Translations of a page that loses execute must not run again. */
	if (!(prot & GUEST_PROT_EXEC))
		drop_code(first, n);
	for (uint32_t i = first; i < first + n; i++)
		page_state[i] = (page_state[i] & ~PG_PROT_MASK) |
				(prot & PG_PROT_MASK);
	return apply_prot(first, n);
}

bool guest_mem_range_free(uint32_t addr, uint64_t len)
{
	uint64_t l = guest_page_up(len);

	if (!range_ok(addr, l))
		return false;
	for (uint64_t a = addr; a < addr + l; a += GUEST_PAGE_SIZE)
		if (page_state[a / GUEST_PAGE_SIZE] & PG_MAPPED)
			return false;
	return true;
}

bool guest_mem_accessible(uint32_t addr, uint64_t len, int prot)
{
	uint64_t end = (uint64_t)addr + len;

	if (!len)
		return true;
	if (end > GUEST_SPACE_END)
		return false;
	for (uint64_t a = guest_page_down(addr); a < end; a += GUEST_PAGE_SIZE) {
		uint8_t st = page_state[a / GUEST_PAGE_SIZE];

		if (!(st & PG_MAPPED) || (st & prot) != prot)
			return false;
	}
	return true;
}

/* Top-down first fit below `top`, down to the lowest guest page. */
static uint32_t find_free_below(uint32_t top, uint32_t npages)
{
	uint32_t run = 0;

	for (uint32_t i = top / GUEST_PAGE_SIZE; i-- > GUEST_LOW / GUEST_PAGE_SIZE;) {
		run = (page_state[i] & PG_MAPPED) ? 0 : run + 1;
		if (run == npages)
			return i * GUEST_PAGE_SIZE;
	}
	return 0;
}

uint32_t guest_mem_find_free(uint32_t len)
{
	uint64_t l = guest_page_up(len);
	uint32_t a;

	if (!l || l >= GUEST_SPACE_END)
		return 0;
	a = find_free_below(GUEST_MMAP_TOP, (uint32_t)(l / GUEST_PAGE_SIZE));
	if (!a)
		a = find_free_below(GUEST_KUSER_PAGE,
				    (uint32_t)(l / GUEST_PAGE_SIZE));
	return a;
}

int64_t guest_mem_remap(uint32_t old, uint32_t old_len, uint32_t new_len,
			bool may_move)
{
	uint64_t ol = guest_page_up(old_len), nl = guest_page_up(new_len);
	uint32_t to;
	void *p;

	if (!range_ok(old, ol) || !nl || !guest_mem_accessible(old, ol, 0))
		return -EFAULT;
	if (nl <= ol) {
		if (nl < ol) {
			int r = guest_mem_unmap((uint32_t)(old + nl),
						(uint32_t)(ol - nl));
			if (r)
				return r;
		}
		return old;
	}
	if (!may_move)
		return -ENOMEM;
	to = guest_mem_find_free((uint32_t)nl);
	if (!to)
		return -ENOMEM;
	drop_code(old / GUEST_PAGE_SIZE, (uint32_t)(ol / GUEST_PAGE_SIZE));
	p = mremap(guest_ptr(old), ol, nl, MREMAP_MAYMOVE | MREMAP_FIXED,
		   guest_ptr(to));
	if (p == MAP_FAILED)
		return -errno;
	set_state(to, nl, page_state[old / GUEST_PAGE_SIZE]);
	/* mremap left a hole in the reservation: fill it again. */
	return guest_mem_unmap(old, (uint32_t)ol) ?: (int64_t)to;
}

void guest_mem_brk_init(uint32_t start)
{
	brk_start = brk_cur = start;
}

/* Linux semantics: the break moves if the pages can be had, and brk()
 * returns the break in effect afterwards, never an error. */
uint32_t guest_mem_brk(uint32_t want)
{
	uint64_t old_end = guest_page_up(brk_cur), new_end = guest_page_up(want);

	if (want < brk_start)
		return brk_cur;
	if (new_end > old_end) {
		if (!guest_mem_range_free((uint32_t)old_end, new_end - old_end) ||
		    guest_mem_map_anon((uint32_t)old_end,
				       (uint32_t)(new_end - old_end),
				       GUEST_PROT_READ | GUEST_PROT_WRITE))
			return brk_cur;
	} else if (new_end < old_end) {
		if (guest_mem_unmap((uint32_t)new_end,
				    (uint32_t)(old_end - new_end)))
			return brk_cur;
	}
	brk_cur = want;
	return brk_cur;
}

bool guest_mem_mark_code(uint32_t page)
{
	uint32_t i = page / GUEST_PAGE_SIZE;
	uint8_t st = page_state[i];

	if (!(st & PG_MAPPED) || !(st & GUEST_PROT_EXEC))
		return false;
	if (st & PG_CODE)
		return true;
	page_state[i] = st | PG_CODE;
	if (st & GUEST_PROT_WRITE)
		return apply_prot(i, 1) == 0;
	return true;
}

bool guest_mem_code_write(uint32_t addr)
{
	uint32_t i = addr / GUEST_PAGE_SIZE;
	uint8_t st = page_state[i];

	if (!(st & PG_CODE) || !(st & GUEST_PROT_WRITE))
		return false;
	drop_code(i, 1);
	return apply_prot(i, 1) == 0;
}

void guest_mem_prepare_write(uint32_t addr, uint64_t len)
{
	uint64_t end = (uint64_t)addr + len;

	if (end > GUEST_SPACE_END)
		end = GUEST_SPACE_END;
	for (uint64_t a = guest_page_down(addr); a < end; a += GUEST_PAGE_SIZE)
		guest_mem_code_write((uint32_t)a);
}
