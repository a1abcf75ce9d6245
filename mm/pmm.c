/* Bitmap frame allocator. Allocation scans from a moving hint, so the
 * common single-frame case does not rescan the allocated prefix. */
#include "mm/pmm.h"

#include <stdbool.h>
#include <string.h>

#define BITS 64

static bool frame_used(const struct pmm *p, uint64_t f)
{
	return p->bitmap[f / BITS] >> (f % BITS) & 1;
}

static void set_frame(struct pmm *p, uint64_t f, bool used)
{
	if (frame_used(p, f) == used)
		return;
	if (used) {
		p->bitmap[f / BITS] |= 1ull << (f % BITS);
		p->nfree--;
	} else {
		p->bitmap[f / BITS] &= ~(1ull << (f % BITS));
		p->nfree++;
	}
}

void pmm_init(struct pmm *p, uint64_t *bitmap, uint64_t nframes)
{
	p->bitmap = bitmap;
	p->nframes = nframes;
	p->nfree = 0;
	p->next = 0;
	memset(bitmap, 0xFF, (nframes + BITS - 1) / BITS * 8);
}

void pmm_add_free(struct pmm *p, uint64_t base, uint64_t end)
{
	uint64_t f0 = (base + PAGE_SIZE - 1) >> PAGE_SHIFT;
	uint64_t f1 = end >> PAGE_SHIFT;

	if (end < base)
		return;
	if (f1 > p->nframes)
		f1 = p->nframes;
	for (uint64_t f = f0; f < f1; f++)
		set_frame(p, f, false);
}

void pmm_reserve(struct pmm *p, uint64_t base, uint64_t end)
{
	uint64_t f0 = base >> PAGE_SHIFT;
	uint64_t f1 = (end + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (end <= base)
		return;
	if (f1 > p->nframes || f1 < f0)
		f1 = p->nframes;
	for (uint64_t f = f0; f < f1; f++)
		set_frame(p, f, true);
}

/* First fit in [from, to): returns the first frame of a free aligned run. */
static int find_run(const struct pmm *p, uint64_t from, uint64_t to,
		    uint64_t npages, uint64_t align, uint64_t *out)
{
	uint64_t f = (from + align - 1) & ~(align - 1);

	while (f + npages <= to) {
		uint64_t i = 0;
		while (i < npages && !frame_used(p, f + i))
			i++;
		if (i == npages) {
			*out = f;
			return 0;
		}
		/* Skip past the used frame, to the next aligned start. */
		f = (f + i + 1 + align - 1) & ~(align - 1);
	}
	return -1;
}

int pmm_alloc_range(struct pmm *p, uint64_t npages, uint64_t align_pages,
		    uint64_t lo, uint64_t hi, uint64_t *pa)
{
	uint64_t f, f0 = lo >> PAGE_SHIFT, f1 = hi >> PAGE_SHIFT;

	if (npages == 0 || npages > p->nfree || !align_pages ||
	    (align_pages & (align_pages - 1)))
		return -1;
	if (f1 > p->nframes)
		f1 = p->nframes;
	uint64_t hint = p->next > f0 && p->next < f1 ? p->next : f0;
	if (find_run(p, hint, f1, npages, align_pages, &f) &&
	    find_run(p, f0, f1, npages, align_pages, &f))
		return -1;
	for (uint64_t i = 0; i < npages; i++)
		set_frame(p, f + i, true);
	p->next = f + npages;
	*pa = f << PAGE_SHIFT;
	return 0;
}

int pmm_alloc(struct pmm *p, uint64_t npages, uint64_t align_pages, uint64_t *pa)
{
	return pmm_alloc_range(p, npages, align_pages, 0, p->nframes << PAGE_SHIFT, pa);
}

void pmm_free(struct pmm *p, uint64_t pa, uint64_t npages)
{
	uint64_t f = pa >> PAGE_SHIFT;

	for (uint64_t i = 0; i < npages && f + i < p->nframes; i++)
		set_frame(p, f + i, false);
}

static bool clear_of(const struct pmm_range *res, unsigned n, uint64_t a,
		     uint64_t end, uint64_t *bump)
{
	for (unsigned i = 0; i < n; i++) {
		if (a < res[i].end && res[i].base < end) {
			*bump = res[i].end;
			return false;
		}
	}
	return true;
}

int pmm_place(const struct pmm_range *ram, unsigned nram,
	      const struct pmm_range *reserved, unsigned nreserved,
	      uint64_t size, uint64_t limit, uint64_t *out)
{
	for (unsigned i = 0; i < nram; i++) {
		uint64_t a = (ram[i].base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
		uint64_t bump;
		while (a + size > a && a + size <= ram[i].end && a + size <= limit) {
			if (clear_of(reserved, nreserved, a, a + size, &bump)) {
				*out = a;
				return 0;
			}
			a = (bump + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
		}
	}
	return -1;
}
