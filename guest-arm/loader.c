/* Kernel image recognition and the boot layout of QEMU's `-M virt` loader:
 * kernel at RAM + 64 KiB, initrd at RAM + min(RAM/2, 128 MiB), DTB on the
 * next 4 KiB boundary after the initrd (placements read off QEMU 7.2's
 * `info roms`; Documentation/arm/booting.rst sections 4b, 5 and 6 give the
 * constraints they meet). */
#include "guest-arm/loader.h"

#include <stdbool.h>

#include "lib/printf.h"

#define KIB 1024u
#define MIB (1024u * KIB)

/* QEMU's placements for a 32-bit kernel. */
#define LOADER_KERNEL_OFFSET (64u * KIB)
#define LOADER_INITRD_OFFSET_MAX (128u * MIB)
#define LOADER_PAGE_SIZE (4u * KIB)  /* initrd and DTB alignment */

/* zImage header (arch/arm/boot/compressed/head.S): little-endian words
 * after the eight-instruction a.out-era preamble and a branch. The magic
 * is stored in the kernel's byte order, so a BE8 kernel reads swapped. */
#define ZIMAGE_MAGIC_OFF 0x24
#define ZIMAGE_START_OFF 0x28  /* link address, 0 when relocatable */
#define ZIMAGE_END_OFF 0x2c    /* end address, or size when relocatable */
#define ZIMAGE_HEADER_LEN 0x30
#define ZIMAGE_MAGIC 0x016f2818u
#define ZIMAGE_MAGIC_BE8 0x18286f01u

/* U-Boot legacy image header (U-Boot include/image.h): 64 bytes of
 * big-endian fields, then ih_size bytes of payload. */
#define UIMAGE_HEADER_LEN 64u
#define UIMAGE_MAGIC 0x27051956u
#define UIMAGE_MAGIC_OFF 0
#define UIMAGE_SIZE_OFF 12
#define UIMAGE_LOAD_OFF 16
#define UIMAGE_EP_OFF 20
#define UIMAGE_ARCH_OFF 29
#define UIMAGE_TYPE_OFF 30
#define UIMAGE_COMP_OFF 31
#define UIMAGE_ARCH_ARM 2u
#define UIMAGE_TYPE_KERNEL 2u
#define UIMAGE_COMP_NONE 0u

/* Formats that are surely not a 32-bit ARM kernel to run raw: ELF (we
 * load flat images only), an arm64 Image (magic "ARM\x64" at 0x38,
 * Documentation/arm64/booting.rst), gzip data, an x86 bzImage ("HdrS" at
 * 0x202, Documentation/x86/boot.rst). */
#define ELF_MAGIC 0x464c457fu
#define ARM64_MAGIC_OFF 0x38
#define ARM64_MAGIC 0x644d5241u
#define GZIP_MAGIC 0x8b1fu
#define BZIMAGE_MAGIC_OFF 0x202
#define BZIMAGE_MAGIC 0x53726448u

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static bool le32_at(const uint8_t *k, size_t len, size_t off, uint32_t v)
{
	return len >= off + 4 && le32(k + off) == v;
}

struct ctx {
	const uint8_t *k;
	size_t len;
	char *err;
	size_t errlen;
};

#define FAIL(c, code, ...) (ksnprintf((c)->err, (c)->errlen, __VA_ARGS__), (code))

static int refuse_foreign(struct ctx *c)
{
	if (le32_at(c->k, c->len, 0, ELF_MAGIC))
		return FAIL(c, LOADER_ERR_FORMAT,
			    "kernel is an ELF file: give the zImage or Image (objcopy -O binary)");
	if (le32_at(c->k, c->len, ARM64_MAGIC_OFF, ARM64_MAGIC))
		return FAIL(c, LOADER_ERR_FORMAT,
			    "kernel is an arm64 Image: the guest is 32-bit ARM");
	if (c->len >= 2 && (c->k[0] | c->k[1] << 8) == GZIP_MAGIC)
		return FAIL(c, LOADER_ERR_FORMAT,
			    "kernel is gzip data: give the zImage or the uncompressed Image");
	if (le32_at(c->k, c->len, BZIMAGE_MAGIC_OFF, BZIMAGE_MAGIC))
		return FAIL(c, LOADER_ERR_FORMAT, "kernel is an x86 bzImage");
	if (le32_at(c->k, c->len, ZIMAGE_MAGIC_OFF, ZIMAGE_MAGIC_BE8))
		return FAIL(c, LOADER_ERR_FORMAT,
			    "kernel is a big-endian (BE8) zImage: the guest is little-endian");
	return 0;
}

/* A zImage decompresses itself wherever it is put; QEMU puts it where it
 * puts any 32-bit kernel and enters its first byte, whatever link address
 * (start) the header gives. The header's size tells a truncated file. */
static int plan_zimage(struct ctx *c, struct loader_plan *p)
{
	uint32_t start = le32(c->k + ZIMAGE_START_OFF);
	uint32_t end = le32(c->k + ZIMAGE_END_OFF);

	if (end < start || end - start < ZIMAGE_HEADER_LEN)
		return FAIL(c, LOADER_ERR_FORMAT,
			    "zImage header has a bad size (start %#x, end %#x)", start, end);
	if (c->len < end - start)
		return FAIL(c, LOADER_ERR_TRUNCATED,
			    "zImage is %zu bytes, its header says %u", c->len, end - start);
	p->kind = LOADER_ZIMAGE;
	return 0;
}

/* A uImage's payload goes to its load address, entered at its entry
 * point, as U-Boot and QEMU do. */
static int plan_uimage(struct ctx *c, struct loader_plan *p)
{
	const uint8_t *h = c->k;
	uint32_t size;

	if (c->len < UIMAGE_HEADER_LEN)
		return FAIL(c, LOADER_ERR_TRUNCATED, "uImage header is cut short (%zu bytes)", c->len);
	if (h[UIMAGE_ARCH_OFF] != UIMAGE_ARCH_ARM)
		return FAIL(c, LOADER_ERR_FORMAT, "uImage is for architecture %u, not ARM (%u)",
			    h[UIMAGE_ARCH_OFF], UIMAGE_ARCH_ARM);
	if (h[UIMAGE_TYPE_OFF] != UIMAGE_TYPE_KERNEL)
		return FAIL(c, LOADER_ERR_FORMAT, "uImage type %u is not a kernel (%u)",
			    h[UIMAGE_TYPE_OFF], UIMAGE_TYPE_KERNEL);
	if (h[UIMAGE_COMP_OFF] != UIMAGE_COMP_NONE)
		return FAIL(c, LOADER_ERR_FORMAT,
			    "uImage compression %u is not supported: give an uncompressed one",
			    h[UIMAGE_COMP_OFF]);
	size = be32(h + UIMAGE_SIZE_OFF);
	if (size == 0)
		return FAIL(c, LOADER_ERR_EMPTY, "uImage payload is empty");
	if (c->len - UIMAGE_HEADER_LEN < size)
		return FAIL(c, LOADER_ERR_TRUNCATED, "uImage payload is %zu bytes, its header says %u",
			    c->len - UIMAGE_HEADER_LEN, size);
	p->kind = LOADER_UIMAGE;
	p->kernel_offset = UIMAGE_HEADER_LEN;
	p->kernel_len = size;
	p->kernel_addr = be32(h + UIMAGE_LOAD_OFF);
	p->entry = be32(h + UIMAGE_EP_OFF);
	return 0;
}

static int recognise(struct ctx *c, uint32_t ram_base, struct loader_plan *p)
{
	int r = refuse_foreign(c);

	if (r)
		return r;
	p->kind = LOADER_RAW;
	p->kernel_offset = 0;
	p->kernel_len = (uint32_t)c->len;
	p->kernel_addr = ram_base + LOADER_KERNEL_OFFSET;
	p->entry = p->kernel_addr;
	if (le32_at(c->k, c->len, ZIMAGE_MAGIC_OFF, ZIMAGE_MAGIC))
		return plan_zimage(c, p);
	if (c->len >= 4 && be32(c->k + UIMAGE_MAGIC_OFF) == UIMAGE_MAGIC)
		return plan_uimage(c, p);
	return 0;
}

static uint64_t page_align(uint64_t v)
{
	return (v + LOADER_PAGE_SIZE - 1) & ~(uint64_t)(LOADER_PAGE_SIZE - 1);
}

/* Everything must sit inside RAM, the kernel below the initrd (QEMU's
 * layout leaves the kernel the space under RAM + 128 MiB), and a uImage's
 * entry point inside its payload. 64-bit sums cannot wrap. */
static int place(struct ctx *c, size_t ilen, uint32_t ram_base,
		 uint32_t ram_size, struct loader_plan *p)
{
	uint64_t ram_end = (uint64_t)ram_base + ram_size;
	uint64_t initrd = ram_base + page_align(ram_size / 2 < LOADER_INITRD_OFFSET_MAX
						? ram_size / 2 : LOADER_INITRD_OFFSET_MAX);
	uint64_t kernel_end = (uint64_t)p->kernel_addr + p->kernel_len;
	uint64_t dtb = page_align(initrd + ilen);

	if (p->kernel_addr < ram_base || kernel_end > initrd)
		return FAIL(c, LOADER_ERR_NOFIT,
			    "kernel [%#x, %#llx) does not fit in guest RAM below %#llx (%u MiB of RAM)",
			    p->kernel_addr, (unsigned long long)kernel_end,
			    (unsigned long long)initrd, ram_size / MIB);
	if (p->entry < p->kernel_addr || p->entry >= kernel_end)
		return FAIL(c, LOADER_ERR_FORMAT, "uImage entry point %#x is outside its payload [%#x, %#llx)",
			    p->entry, p->kernel_addr, (unsigned long long)kernel_end);
	if (dtb >= ram_end)
		return FAIL(c, LOADER_ERR_NOFIT,
			    "initrd (%zu bytes at %#llx) leaves no room for the device tree in %u MiB of RAM",
			    ilen, (unsigned long long)initrd, ram_size / MIB);
	p->initrd_addr = (uint32_t)initrd;
	p->initrd_len = (uint32_t)ilen;
	p->dtb_addr = (uint32_t)dtb;
	p->dtb_room = (uint32_t)(ram_end - dtb);
	return 0;
}

int loader_plan(const uint8_t *kernel, size_t len, size_t ilen,
		uint32_t ram_base, uint32_t ram_size, struct loader_plan *out,
		char *err, size_t errlen)
{
	struct ctx c = { kernel, len, err, errlen };
	int r;

	if (errlen)
		err[0] = '\0';
	if (len == 0)
		return FAIL(&c, LOADER_ERR_EMPTY, "kernel module is empty");
	if ((uint64_t)ram_base + ram_size > (1ull << 32) || len > ram_size ||
	    ilen > ram_size)
		return FAIL(&c, LOADER_ERR_NOFIT,
			    "kernel (%zu bytes) and initrd (%zu bytes) do not fit in %u MiB of guest RAM at %#x",
			    len, ilen, ram_size / MIB, ram_base);
	r = recognise(&c, ram_base, out);
	return r ? r : place(&c, ilen, ram_base, ram_size, out);
}
