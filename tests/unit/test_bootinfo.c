/* Boot-information parsers fed crafted multiboot1 and multiboot2
 * structures, laid out as the Multiboot 0.6.96 and Multiboot2 2.0 specs
 * define them, including truncated and malformed ones. */
#include <stdlib.h>
#include <string.h>

#include "boot/bootinfo.h"
#include "boot/multiboot.h"
#include "check.h"

#define FAKE_MEM (256 * 1024)

static uint8_t mem[FAKE_MEM];

static const void *fake_map(void *ctx, uint64_t pa, size_t len)
{
	(void)ctx;
	if (pa > FAKE_MEM || len > FAKE_MEM - pa)
		return NULL;
	return mem + pa;
}

static const struct boot_phys_reader rd = { fake_map, NULL };
static struct boot_info bi;

static void put(uint64_t pa, const void *src, size_t n)
{
	memcpy(mem + pa, src, n);
}

static bool has_diag(const char *needle)
{
	for (unsigned i = 0; i < bi.diags.n; i++)
		if (strstr(bi.diags.msg[i], needle))
			return true;
	return false;
}

/* ---- multiboot1 ---------------------------------------------------------- */

static struct mb1_info mb1_base(void)
{
	memset(mem, 0, sizeof(mem));
	struct mb1_info mi = { 0 };
	mi.flags = MB1_INFO_CMDLINE | MB1_INFO_MODS | MB1_INFO_MMAP;
	mi.cmdline = 0x2000;
	put(0x2000, "armvisor.elf mem=64M", 21);
	struct mb1_module mods[2] = {
		{ 0x10000, 0x10100, 0x3000, 0 },
		{ 0x11000, 0x11800, 0x3100, 0 },
	};
	put(0x4000, mods, sizeof(mods));
	put(0x3000, "a.bin kernel", 13);
	put(0x3100, "b.bin initrd", 13);
	mi.mods_count = 2;
	mi.mods_addr = 0x4000;
	struct mb1_mmap_entry e[3] = {
		{ 20, 0, 0x9fc00, 1 },
		{ 20, 0x9fc00, 0x400, 2 },
		{ 20, 0x100000, 0x7ff0000, 1 },
	};
	put(0x5000, e, sizeof(e));
	mi.mmap_addr = 0x5000;
	mi.mmap_length = sizeof(e);
	return mi;
}

static void test_mb1_valid(void)
{
	struct mb1_info mi = mb1_base();
	mi.flags |= MB1_INFO_FRAMEBUFFER;
	mi.framebuffer_addr = 0xfd000000;
	mi.framebuffer_width = 1024;
	mi.framebuffer_height = 768;
	mi.framebuffer_bpp = 32;
	put(0x1000, &mi, sizeof(mi));
	CHECK_EQ(bootinfo_parse(MB1_BOOT_MAGIC, 0x1000, &rd, &bi), 0);
	CHECK_EQ(bi.protocol, 1);
	CHECK(!strcmp(bi.cmdline, "armvisor.elf mem=64M"));
	CHECK_EQ(bi.nmodules, 2);
	CHECK_EQ(bi.modules[0].start, 0x10000);
	CHECK_EQ(bi.modules[0].end, 0x10100);
	CHECK(!strcmp(bi.modules[0].string, "a.bin kernel"));
	CHECK(!strcmp(bi.modules[1].string, "b.bin initrd"));
	CHECK_EQ(bi.nregions, 3);
	CHECK_EQ(bi.regions[2].base, 0x100000);
	CHECK_EQ(bi.regions[2].len, 0x7ff0000);
	CHECK_EQ(bi.regions[1].type, BOOT_MEM_RESERVED);
	CHECK(bi.fb.present);
	CHECK_EQ(bi.fb.width, 1024);
	CHECK_EQ(bi.fb.bpp, 32);
	CHECK_EQ(bi.diags.n, 0);
}

static void test_mb1_meminfo_fallback(void)
{
	struct mb1_info mi = mb1_base();
	mi.flags = MB1_INFO_MEM;
	mi.mem_lower = 639;
	mi.mem_upper = 130048;
	put(0x1000, &mi, sizeof(mi));
	CHECK_EQ(bootinfo_parse(MB1_BOOT_MAGIC, 0x1000, &rd, &bi), 0);
	CHECK_EQ(bi.nregions, 2);
	CHECK_EQ(bi.regions[0].len, 639 * 1024);
	CHECK_EQ(bi.regions[1].base, 0x100000);
	CHECK_EQ(bi.regions[1].len, 130048ull * 1024);
	CHECK_EQ(bi.nmodules, 0);
}

static void test_mb1_malformed(void)
{
	struct mb1_info mi;

	/* The structure itself runs off the end of readable memory. */
	CHECK(bootinfo_parse(MB1_BOOT_MAGIC, FAKE_MEM - 8, &rd, &bi) < 0);
	CHECK(bootinfo_parse(0x12345678, 0x1000, &rd, &bi) < 0);

	mi = mb1_base();
	struct mb1_mmap_entry bad = { 4, 0, 0x1000, 1 };
	put(0x5000 + 20 + 4, &bad, sizeof(bad));   /* second entry too small */
	put(0x1000, &mi, sizeof(mi));
	CHECK_EQ(bootinfo_parse(MB1_BOOT_MAGIC, 0x1000, &rd, &bi), 0);
	CHECK_EQ(bi.nregions, 1);
	CHECK(has_diag("entry size 4 too small"));

	mi = mb1_base();
	mi.mods_count = 1000;
	put(0x1000, &mi, sizeof(mi));
	CHECK_EQ(bootinfo_parse(MB1_BOOT_MAGIC, 0x1000, &rd, &bi), 0);
	CHECK(has_diag("1000 modules"));
	CHECK(bi.nmodules <= BOOT_MAX_MODULES);

	mi = mb1_base();
	mi.cmdline = FAKE_MEM - 3;
	memset(mem + FAKE_MEM - 3, 'x', 3);    /* unterminated, then unreadable */
	mi.mmap_addr = FAKE_MEM - 10;          /* map runs off the end */
	put(0x1000, &mi, sizeof(mi));
	CHECK_EQ(bootinfo_parse(MB1_BOOT_MAGIC, 0x1000, &rd, &bi), 0);
	CHECK(has_diag("command line unterminated"));
	CHECK(has_diag("memory map at"));
	CHECK_EQ(bi.nregions, 0);
	CHECK(strlen(bi.cmdline) <= 3);

	mi = mb1_base();
	mi.mods_addr = FAKE_MEM - 4;
	put(0x1000, &mi, sizeof(mi));
	CHECK_EQ(bootinfo_parse(MB1_BOOT_MAGIC, 0x1000, &rd, &bi), 0);
	CHECK(has_diag("module list"));
	CHECK_EQ(bi.nmodules, 0);
}

/* ---- multiboot2 ---------------------------------------------------------- */

struct mb2_builder {
	uint64_t base, off;
};

static void mb2_begin(struct mb2_builder *b, uint64_t base)
{
	memset(mem, 0, sizeof(mem));
	b->base = base;
	b->off = 8;
}

static void mb2_tag(struct mb2_builder *b, uint32_t type, const void *body, uint32_t n)
{
	struct mb2_tag t = { type, 8 + n };
	put(b->base + b->off, &t, 8);
	if (n)
		put(b->base + b->off + 8, body, n);
	b->off = (b->off + 8 + n + 7) & ~7ull;
}

static void mb2_end(struct mb2_builder *b, uint32_t total_override)
{
	mb2_tag(b, MB2_TAG_END, NULL, 0);
	uint32_t total = total_override ? total_override : (uint32_t)b->off;
	put(b->base, &total, 4);
}

static void mb2_module(struct mb2_builder *b, uint32_t s, uint32_t e, const char *str)
{
	uint8_t body[64];
	memcpy(body, &s, 4);
	memcpy(body + 4, &e, 4);
	strcpy((char *)body + 8, str);
	mb2_tag(b, MB2_TAG_MODULE, body, 8 + (uint32_t)strlen(str) + 1);
}

static void mb2_mmap(struct mb2_builder *b, uint32_t entry_size)
{
	uint8_t body[8 + 3 * 24] = { 0 };
	struct mb2_mmap_entry e[3] = {
		{ 0, 0x9fc00, 1, 0 }, { 0x100000, 0x1ff00000, 1, 0 }, { 0xfffc0000, 0x40000, 2, 0 },
	};
	uint32_t ver = 0;
	memcpy(body, &entry_size, 4);
	memcpy(body + 4, &ver, 4);
	memcpy(body + 8, e, sizeof(e));
	mb2_tag(b, MB2_TAG_MMAP, body, sizeof(body));
}

static void test_mb2_valid(void)
{
	struct mb2_builder b;
	uint8_t rsdp[36] = "RSD PTR ";

	mb2_begin(&b, 0x8000);
	mb2_tag(&b, MB2_TAG_CMDLINE, "gdb=wait log=debug", 19);
	mb2_tag(&b, MB2_TAG_LOADER_NAME, "GRUB 2.06", 10);
	mb2_module(&b, 0x200000, 0x300000, "kernel");
	mb2_module(&b, 0x300000, 0x310000, "initrd");
	mb2_mmap(&b, 24);
	rsdp[15] = 2;
	mb2_tag(&b, MB2_TAG_ACPI_NEW, rsdp, sizeof(rsdp));
	mb2_end(&b, 0);
	CHECK_EQ(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi), 0);
	CHECK_EQ(bi.protocol, 2);
	CHECK(!strcmp(bi.cmdline, "gdb=wait log=debug"));
	CHECK(!strcmp(bi.loader, "GRUB 2.06"));
	CHECK_EQ(bi.nmodules, 2);
	CHECK_EQ(bi.modules[1].start, 0x300000);
	CHECK(!strcmp(bi.modules[1].string, "initrd"));
	CHECK_EQ(bi.nregions, 3);
	CHECK_EQ(bi.regions[1].len, 0x1ff00000);
	CHECK_EQ(bi.regions[2].type, BOOT_MEM_RESERVED);
	CHECK(bi.has_rsdp);
	CHECK_EQ(bi.rsdp[15], 2);
	CHECK_EQ(bi.info_phys, 0x8000);
	CHECK_EQ(bi.info_size, b.off);
	CHECK_EQ(bi.diags.n, 0);
}

static void test_mb2_malformed(void)
{
	struct mb2_builder b;

	mb2_begin(&b, 0x8000);
	mb2_end(&b, 4);                        /* smaller than its own header */
	CHECK(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi) < 0);

	mb2_begin(&b, 0x8000);
	mb2_end(&b, 0x7fffffff);               /* absurdly large */
	CHECK(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi) < 0);

	mb2_begin(&b, FAKE_MEM - 64);
	mb2_end(&b, 4096);                     /* claims more than is readable */
	CHECK(bootinfo_parse(MB2_BOOT_MAGIC, FAKE_MEM - 64, &rd, &bi) < 0);

	/* A tag whose size overruns the total: parsing stops there. */
	mb2_begin(&b, 0x8000);
	mb2_module(&b, 0x200000, 0x300000, "kernel");
	mb2_tag(&b, MB2_TAG_CMDLINE, "x", 2);
	mb2_end(&b, 0);
	uint32_t huge = 4096;
	put(0x8000 + 8 + 24 + 4, &huge, 4);    /* cmdline tag's size field */
	CHECK_EQ(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi), 0);
	CHECK_EQ(bi.nmodules, 1);
	CHECK(has_diag("bad size 4096"));
	CHECK_EQ(bi.cmdline[0], 0);

	/* A tag smaller than a tag header. */
	mb2_begin(&b, 0x8000);
	mb2_tag(&b, MB2_TAG_CMDLINE, "x", 2);
	mb2_end(&b, 0);
	uint32_t tiny = 4;
	put(0x8000 + 8 + 4, &tiny, 4);
	CHECK_EQ(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi), 0);
	CHECK(has_diag("bad size 4"));

	/* Truncated module tag, bad mmap entry size, missing end tag. */
	mb2_begin(&b, 0x8000);
	mb2_tag(&b, MB2_TAG_MODULE, "\1\2\3\4", 4);
	mb2_mmap(&b, 4);
	uint32_t total = (uint32_t)b.off;
	put(0x8000, &total, 4);
	CHECK_EQ(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi), 0);
	CHECK(has_diag("module tag truncated"));
	CHECK(has_diag("entry size 4 invalid"));
	CHECK(has_diag("no end tag"));
	CHECK_EQ(bi.nmodules, 0);
	CHECK_EQ(bi.nregions, 0);

	/* A module string without its NUL inside the tag is cut at the tag. */
	mb2_begin(&b, 0x8000);
	uint8_t body[8 + 6] = { 0, 0, 0x20, 0, 0, 0, 0x30, 0, 'k', 'e', 'r', 'n', 'e', 'l' };
	mb2_tag(&b, MB2_TAG_MODULE, body, sizeof(body));
	memset(mem + 0x8000 + b.off - 2, 'Z', 2);  /* padding is not part of it */
	mb2_end(&b, 0);
	CHECK_EQ(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi), 0);
	CHECK_EQ(bi.nmodules, 1);
	CHECK(!strcmp(bi.modules[0].string, "kernel"));
}

/* ---- module checks ------------------------------------------------------- */

static void test_check_modules(void)
{
	struct mb2_builder b;

	mb2_begin(&b, 0x8000);
	mb2_module(&b, 0x200000, 0x300000, "good");
	mb2_module(&b, 0x150000, 0x160000, "over-image");
	mb2_module(&b, 0x2ff000, 0x301000, "over-good");
	mb2_module(&b, 0x400000, 0x3ff000, "backwards");
	mb2_module(&b, 0x40000000, 0x40001000, "not-ram");
	mb2_module(&b, 0x7000, 0x9000, "over-info");
	mb2_module(&b, 0x500000, 0x500000, "empty");
	mb2_mmap(&b, 24);
	mb2_end(&b, 0);
	CHECK_EQ(bootinfo_parse(MB2_BOOT_MAGIC, 0x8000, &rd, &bi), 0);
	CHECK_EQ(bi.nmodules, 7);
	bootinfo_check_modules(&bi, 0x100000, 0x180000);
	CHECK_EQ(bi.nmodules, 2);
	CHECK(!strcmp(bi.modules[0].string, "good"));
	CHECK(!strcmp(bi.modules[1].string, "empty"));
	CHECK(has_diag("'over-image'") && has_diag("overlaps the monitor image"));
	CHECK(has_diag("'over-good'") && has_diag("overlaps an earlier module"));
	CHECK(has_diag("'backwards'") && has_diag("ends before it starts"));
	CHECK(has_diag("'not-ram'") && has_diag("is not in RAM"));
	CHECK(has_diag("'over-info'") && has_diag("overlaps the boot information"));
}

int main(void)
{
	test_mb1_valid();
	test_mb1_meminfo_fallback();
	test_mb1_malformed();
	test_mb2_valid();
	test_mb2_malformed();
	test_check_modules();
	return check_report("unit-bootinfo");
}
