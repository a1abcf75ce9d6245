/* Multiboot1 and multiboot2 information parsers. Every read goes through
 * the phys reader with an explicit length, and every length or count
 * taken from the structure is checked against the bytes it claims before
 * it is used: the bootloader is trusted to be honest, not to be right. */
#include "boot/bootinfo.h"

#include <string.h>

#include "boot/multiboot.h"

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((uint64_t)(a) - 1))

static const void *rd_map(const struct boot_phys_reader *rd, uint64_t pa,
			  size_t len)
{
	if (pa + len < pa)
		return NULL;
	return rd->map(rd->ctx, pa, len);
}

/* Copies a NUL-terminated string at physical pa, reading byte by byte so
 * a string that runs into unreadable memory is cut, not overrun. */
static int copy_phys_string(const struct boot_phys_reader *rd, uint64_t pa,
			    char *dst, size_t max)
{
	for (size_t i = 0; i < max; i++) {
		const char *c = rd_map(rd, pa + i, 1);
		if (!c) {
			dst[i] = '\0';
			return -1;
		}
		dst[i] = *c;
		if (!*c)
			return 0;
	}
	dst[max - 1] = '\0';
	return -1;
}

/* Copies a string stored inside a tag of known size (not necessarily
 * NUL-terminated there). */
static void copy_bounded(char *dst, size_t max, const char *src, size_t avail)
{
	size_t n = strnlen(src, avail);

	if (n >= max)
		n = max - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void add_region(struct boot_info *bi, uint64_t base, uint64_t len,
		       uint32_t type)
{
	if (len == 0)
		return;
	if (bi->nregions >= BOOT_MAX_REGIONS) {
		diag_add(&bi->diags, "memory map: more than %d entries, rest ignored",
			      BOOT_MAX_REGIONS);
		return;
	}
	if (base + len < base)
		len = -base;
	bi->regions[bi->nregions++] = (struct boot_region){ base, len, type };
}

static void add_module(struct boot_info *bi, uint64_t start, uint64_t end,
		       const char *string)
{
	if (bi->nmodules >= BOOT_MAX_MODULES) {
		diag_add(&bi->diags, "module '%s': more than %d modules, ignored",
			      string, BOOT_MAX_MODULES);
		return;
	}
	struct boot_module *m = &bi->modules[bi->nmodules++];
	m->start = start;
	m->end = end;
	copy_bounded(m->string, sizeof(m->string), string, BOOT_STRING_MAX);
}

/* ---- multiboot1 ---------------------------------------------------------- */

static void mb1_parse_mmap(struct boot_info *bi, const struct mb1_info *mi,
			   const struct boot_phys_reader *rd)
{
	const uint8_t *p = rd_map(rd, mi->mmap_addr, mi->mmap_length);
	uint32_t off = 0;

	if (!p) {
		diag_add(&bi->diags, "memory map at %#x unreadable", mi->mmap_addr);
		return;
	}
	while (off + sizeof(struct mb1_mmap_entry) <= mi->mmap_length) {
		struct mb1_mmap_entry e;
		memcpy(&e, p + off, sizeof(e));
		if (e.size < sizeof(e) - sizeof(e.size)) {
			diag_add(&bi->diags, "memory map entry size %u too small", e.size);
			return;
		}
		add_region(bi, e.addr, e.len, e.type);
		off += e.size + sizeof(e.size);
	}
}

static void mb1_parse_modules(struct boot_info *bi, const struct mb1_info *mi,
			      const struct boot_phys_reader *rd)
{
	uint32_t count = mi->mods_count;

	if (count > BOOT_MAX_MODULES) {
		diag_add(&bi->diags, "%u modules, only the first %d used", count,
			      BOOT_MAX_MODULES);
		count = BOOT_MAX_MODULES;
	}
	const struct mb1_module *mods =
		rd_map(rd, mi->mods_addr, count * sizeof(*mods));
	if (!mods && count) {
		diag_add(&bi->diags, "module list at %#x unreadable", mi->mods_addr);
		return;
	}
	for (uint32_t i = 0; i < count; i++) {
		char str[BOOT_STRING_MAX] = "";
		if (mods[i].string &&
		    copy_phys_string(rd, mods[i].string, str, sizeof(str)))
			diag_add(&bi->diags, "module %u: string unterminated or unreadable", i);
		add_module(bi, mods[i].mod_start, mods[i].mod_end, str);
	}
}

static int mb1_parse(uint64_t info_pa, const struct boot_phys_reader *rd,
		     struct boot_info *bi)
{
	const struct mb1_info *mi = rd_map(rd, info_pa, sizeof(*mi));

	if (!mi)
		return -1;
	bi->protocol = 1;
	bi->info_phys = info_pa;
	bi->info_size = sizeof(*mi);
	if ((mi->flags & MB1_INFO_CMDLINE) &&
	    copy_phys_string(rd, mi->cmdline, bi->cmdline, sizeof(bi->cmdline)))
		diag_add(&bi->diags, "command line unterminated or unreadable");
	if (mi->flags & MB1_INFO_MMAP) {
		mb1_parse_mmap(bi, mi, rd);
	} else if (mi->flags & MB1_INFO_MEM) {
		/* No map: low memory from 0 and upper memory from 1 MiB, in KiB. */
		add_region(bi, 0, (uint64_t)mi->mem_lower << 10, BOOT_MEM_RAM);
		add_region(bi, 1 << 20, (uint64_t)mi->mem_upper << 10, BOOT_MEM_RAM);
	}
	if (mi->flags & MB1_INFO_MODS)
		mb1_parse_modules(bi, mi, rd);
	if (mi->flags & MB1_INFO_FRAMEBUFFER) {
		bi->fb = (struct boot_framebuffer){
			true, mi->framebuffer_addr, mi->framebuffer_pitch,
			mi->framebuffer_width, mi->framebuffer_height,
			mi->framebuffer_bpp,
		};
	}
	return 0;
}

/* ---- multiboot2 ---------------------------------------------------------- */

static void mb2_parse_mmap(struct boot_info *bi, const uint8_t *tag, uint32_t size)
{
	struct mb2_tag_mmap h;

	if (size < sizeof(h)) {
		diag_add(&bi->diags, "memory map tag truncated (%u bytes)", size);
		return;
	}
	memcpy(&h, tag, sizeof(h));
	if (h.entry_size < sizeof(struct mb2_mmap_entry) || h.entry_size % 8) {
		diag_add(&bi->diags, "memory map entry size %u invalid", h.entry_size);
		return;
	}
	for (uint32_t off = sizeof(h); off + h.entry_size <= size; off += h.entry_size) {
		struct mb2_mmap_entry e;
		memcpy(&e, tag + off, sizeof(e));
		add_region(bi, e.addr, e.len, e.type);
	}
}

static void mb2_parse_tag(struct boot_info *bi, const uint8_t *tag,
			  uint32_t type, uint32_t size)
{
	const uint32_t hdr = sizeof(struct mb2_tag);

	switch (type) {
	case MB2_TAG_CMDLINE:
		copy_bounded(bi->cmdline, sizeof(bi->cmdline),
			     (const char *)tag + hdr, size - hdr);
		break;
	case MB2_TAG_LOADER_NAME:
		copy_bounded(bi->loader, sizeof(bi->loader),
			     (const char *)tag + hdr, size - hdr);
		break;
	case MB2_TAG_MODULE: {
		struct mb2_tag_module m;
		if (size < sizeof(m)) {
			diag_add(&bi->diags, "module tag truncated (%u bytes)", size);
			break;
		}
		memcpy(&m, tag, sizeof(m));
		char str[BOOT_STRING_MAX];
		copy_bounded(str, sizeof(str), (const char *)tag + sizeof(m),
			     size - sizeof(m));
		add_module(bi, m.mod_start, m.mod_end, str);
		break;
	}
	case MB2_TAG_MMAP:
		mb2_parse_mmap(bi, tag, size);
		break;
	case MB2_TAG_FRAMEBUFFER: {
		struct mb2_tag_framebuffer f;
		if (size < offsetof(struct mb2_tag_framebuffer, reserved)) {
			diag_add(&bi->diags, "framebuffer tag truncated (%u bytes)", size);
			break;
		}
		memcpy(&f, tag, offsetof(struct mb2_tag_framebuffer, reserved));
		bi->fb = (struct boot_framebuffer){ true, f.addr, f.pitch,
						    f.width, f.height, f.bpp };
		break;
	}
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW: {
		uint32_t n = size - hdr;
		if (n > sizeof(bi->rsdp))
			n = sizeof(bi->rsdp);
		/* The newer table wins when a loader passes both. */
		if (!bi->has_rsdp || type == MB2_TAG_ACPI_NEW) {
			memset(bi->rsdp, 0, sizeof(bi->rsdp));
			memcpy(bi->rsdp, tag + hdr, n);
			bi->has_rsdp = n >= 20;
		}
		break;
	}
	default:
		break;
	}
}

static int mb2_parse(uint64_t info_pa, const struct boot_phys_reader *rd,
		     struct boot_info *bi)
{
	const struct mb2_info_header *h = rd_map(rd, info_pa, sizeof(*h));

	if (!h)
		return -1;
	uint32_t total = h->total_size;
	if (total < sizeof(*h) || total > BOOT_MB2_INFO_MAX) {
		diag_add(&bi->diags, "multiboot2 information size %u invalid", total);
		return -1;
	}
	const uint8_t *base = rd_map(rd, info_pa, total);
	if (!base)
		return -1;
	bi->protocol = 2;
	bi->info_phys = info_pa;
	bi->info_size = total;
	uint64_t off = sizeof(*h);
	while (off + sizeof(struct mb2_tag) <= total) {
		struct mb2_tag t;
		memcpy(&t, base + off, sizeof(t));
		if (t.type == MB2_TAG_END)
			return 0;
		if (t.size < sizeof(t) || off + t.size > total) {
			diag_add(&bi->diags, "tag %u at offset %lu has bad size %u; rest ignored",
				      t.type, (unsigned long)off, t.size);
			return 0;
		}
		mb2_parse_tag(bi, base + off, t.type, t.size);
		off = ALIGN_UP(off + t.size, MB2_TAG_ALIGN);
	}
	diag_add(&bi->diags, "multiboot2 information has no end tag");
	return 0;
}

int bootinfo_parse(uint32_t magic, uint64_t info_pa,
		   const struct boot_phys_reader *rd, struct boot_info *out)
{
	memset(out, 0, sizeof(*out));
	if (magic == MB1_BOOT_MAGIC)
		return mb1_parse(info_pa, rd, out);
	if (magic == MB2_BOOT_MAGIC)
		return mb2_parse(info_pa, rd, out);
	return -1;
}

/* ---- module sanity ------------------------------------------------------- */

static bool overlaps(uint64_t a0, uint64_t a1, uint64_t b0, uint64_t b1)
{
	return a0 < b1 && b0 < a1;
}

static bool in_ram(const struct boot_info *bi, uint64_t start, uint64_t end)
{
	for (unsigned i = 0; i < bi->nregions; i++) {
		const struct boot_region *r = &bi->regions[i];
		if (r->type == BOOT_MEM_RAM && start >= r->base &&
		    end <= r->base + r->len)
			return true;
	}
	return false;
}

/* Modules [0, kept) have passed already; m is the next candidate. */
static const char *module_problem(const struct boot_info *bi,
				  const struct boot_module *m, unsigned kept,
				  uint64_t image_start, uint64_t image_end)
{
	if (m->end < m->start)
		return "ends before it starts";
	if (overlaps(m->start, m->end, image_start, image_end))
		return "overlaps the monitor image";
	if (overlaps(m->start, m->end, bi->info_phys, bi->info_phys + bi->info_size))
		return "overlaps the boot information";
	for (unsigned j = 0; j < kept; j++)
		if (overlaps(m->start, m->end, bi->modules[j].start, bi->modules[j].end))
			return "overlaps an earlier module";
	if (m->end > m->start && !in_ram(bi, m->start, m->end))
		return "is not in RAM";
	return NULL;
}

void bootinfo_check_modules(struct boot_info *bi, uint64_t image_start,
			    uint64_t image_end)
{
	unsigned kept = 0;

	for (unsigned i = 0; i < bi->nmodules; i++) {
		const char *why = module_problem(bi, &bi->modules[i], kept,
						 image_start, image_end);
		if (why) {
			diag_add(&bi->diags, "module '%s' [%#lx-%#lx) %s; ignored",
				      bi->modules[i].string,
				      (unsigned long)bi->modules[i].start,
				      (unsigned long)bi->modules[i].end, why);
			continue;
		}
		bi->modules[kept++] = bi->modules[i];
	}
	bi->nmodules = kept;
}
