/* Turns the boot information into the two lists the frame allocator is
 * built from: RAM, and what inside it must never be handed out. */
#include "mm/mm.h"

static void add_reserved(struct mm_layout *l, uint64_t base, uint64_t end)
{
	if (end <= base || l->nreserved >= MM_MAX_RANGES)
		return;
	/* Whole frames: a partly used frame is a used frame. */
	base &= ~(PAGE_SIZE - 1);
	end = (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	l->reserved[l->nreserved++] = (struct pmm_range){ base, end };
}

void mm_layout_from_boot(const struct boot_info *bi, uint64_t image_start,
			 uint64_t image_end, struct mm_layout *l)
{
	*l = (struct mm_layout){ 0 };
	for (unsigned i = 0; i < bi->nregions; i++) {
		const struct boot_region *r = &bi->regions[i];
		uint64_t end = r->base + r->len;
		if (r->type != BOOT_MEM_RAM) {
			/* Firmware maps may overlap: reserved wins over RAM. */
			add_reserved(l, r->base, end);
			continue;
		}
		l->ram[l->nram++] = (struct pmm_range){ r->base, end };
		l->ram_bytes += r->len;
		if (end > l->ram_end)
			l->ram_end = end;
	}
	add_reserved(l, 0, MM_LOW_RESERVED);
	add_reserved(l, image_start, image_end);
	add_reserved(l, bi->info_phys, bi->info_phys + bi->info_size);
	for (unsigned i = 0; i < bi->nmodules; i++)
		add_reserved(l, bi->modules[i].start, bi->modules[i].end);
}
