/* Kernel image recognition and boot layout (guest-arm/loader.c) with
 * crafted zImage, uImage and raw images. The expected addresses are what
 * QEMU 7.2 `-M virt -cpu cortex-a15` chose for the same images and sizes
 * (monitor command `info roms`): kernel 0x40010000; with -m 256M or 1G
 * initrd 0x48000000, a 5000-byte initrd puts the DTB at 0x48002000, no
 * initrd puts it at 0x48000000; with -m 64M initrd 0x42000000; a uImage
 * with load address 0x40100000 is loaded there. */
#include <stdlib.h>
#include <string.h>

#include "guest-arm/loader.h"
#include "tests/unit/check.h"

#define RAM_BASE 0x40000000u
#define MIB (1024u * 1024u)

static uint8_t img[1 << 16];
static char err[160];
static struct loader_plan plan;

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put_be32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (24 - 8 * i));
}

/* A relocatable zImage as Linux builds it: start 0, end = its size. */
static size_t make_zimage(uint32_t size)
{
	memset(img, 0, sizeof(img));
	put_le32(img + 0x24, 0x016f2818);
	put_le32(img + 0x28, 0);
	put_le32(img + 0x2c, size);
	put_le32(img + 0x30, 0x04030201);
	return size;
}

static size_t make_uimage(uint32_t load, uint32_t ep, uint32_t size,
			  uint8_t arch, uint8_t type, uint8_t comp)
{
	memset(img, 0, sizeof(img));
	put_be32(img + 0, 0x27051956);
	put_be32(img + 12, size);
	put_be32(img + 16, load);
	put_be32(img + 20, ep);
	img[28] = 5; /* IH_OS_LINUX */
	img[29] = arch;
	img[30] = type;
	img[31] = comp;
	memcpy(img + 32, "test", 4);
	return 64 + size;
}

static int plan_for(size_t len, size_t ilen, uint32_t ram_size)
{
	memset(&plan, 0xa5, sizeof(plan));
	return loader_plan(img, len, ilen, RAM_BASE, ram_size, &plan, err,
			   sizeof(err));
}

static void test_zimage_256m_with_initrd(void)
{
	size_t len = make_zimage(0x8000);

	CHECK_EQ(plan_for(len, 5000, 256 * MIB), 0);
	CHECK_EQ(plan.kind, LOADER_ZIMAGE);
	CHECK_EQ(plan.kernel_offset, 0);
	CHECK_EQ(plan.kernel_len, 0x8000);
	CHECK_EQ(plan.kernel_addr, 0x40010000);
	CHECK_EQ(plan.entry, 0x40010000);
	CHECK_EQ(plan.initrd_addr, 0x48000000);
	CHECK_EQ(plan.initrd_len, 5000);
	CHECK_EQ(plan.dtb_addr, 0x48002000);
	CHECK_EQ(plan.dtb_room, 0x50000000 - 0x48002000);
	CHECK_EQ(err[0], '\0');
}

/* A zImage may carry appended data (a DTB) past its header's end. */
static void test_zimage_longer_than_header_and_ram_sizes(void)
{
	make_zimage(0x8000);
	CHECK_EQ(plan_for(0x9000, 0, 256 * MIB), 0);
	CHECK_EQ(plan.kernel_len, 0x9000);
	CHECK_EQ(plan.initrd_len, 0);
	CHECK_EQ(plan.dtb_addr, 0x48000000);
	CHECK_EQ(plan_for(0x9000, 5000, 64 * MIB), 0);
	CHECK_EQ(plan.initrd_addr, 0x42000000);
	CHECK_EQ(plan.dtb_addr, 0x42002000);
	CHECK_EQ(plan_for(0x9000, 5000, 1024 * MIB), 0);
	CHECK_EQ(plan.initrd_addr, 0x48000000);
}

static void test_zimage_truncated_or_bad(void)
{
	make_zimage(0x8000);
	CHECK_EQ(plan_for(0x7fff, 0, 256 * MIB), LOADER_ERR_TRUNCATED);
	CHECK(strstr(err, "zImage") != NULL);
	make_zimage(0x10);
	CHECK_EQ(plan_for(0x100, 0, 256 * MIB), LOADER_ERR_FORMAT);
	/* A BE8 kernel stores the magic in its own byte order. */
	make_zimage(0x8000);
	put_be32(img + 0x24, 0x016f2818);
	CHECK_EQ(plan_for(0x8000, 0, 256 * MIB), LOADER_ERR_FORMAT);
	CHECK(strstr(err, "big-endian") != NULL);
}

static void test_uimage_kernel(void)
{
	size_t len = make_uimage(0x40100000, 0x40100040, 0x1000, 2, 2, 0);

	CHECK_EQ(plan_for(len, 5000, 256 * MIB), 0);
	CHECK_EQ(plan.kind, LOADER_UIMAGE);
	CHECK_EQ(plan.kernel_offset, 64);
	CHECK_EQ(plan.kernel_len, 0x1000);
	CHECK_EQ(plan.kernel_addr, 0x40100000);
	CHECK_EQ(plan.entry, 0x40100040);
	CHECK_EQ(plan.initrd_addr, 0x48000000);
	CHECK_EQ(plan.dtb_addr, 0x48002000);
}

static void test_uimage_refused(void)
{
	size_t len;

	len = make_uimage(0x40100000, 0x40100000, 0x1000, 2, 2, 1);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_FORMAT);
	CHECK(strstr(err, "compression 1") != NULL);
	len = make_uimage(0x40100000, 0x40100000, 0x1000, 2, 3, 0);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_FORMAT);
	CHECK(strstr(err, "type 3") != NULL);
	len = make_uimage(0x40100000, 0x40100000, 0x1000, 22, 2, 0);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_FORMAT);
	len = make_uimage(0x40100000, 0x40100000, 0x1000, 2, 2, 0);
	CHECK_EQ(plan_for(len - 1, 0, 256 * MIB), LOADER_ERR_TRUNCATED);
	CHECK_EQ(plan_for(40, 0, 256 * MIB), LOADER_ERR_TRUNCATED);
	len = make_uimage(0x40100000, 0x40100000, 0, 2, 2, 0);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_EMPTY);
	/* Loaded below RAM, over the initrd, or entered outside itself. */
	len = make_uimage(0x3ffff000, 0x40000000, 0x1000, 2, 2, 0);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_NOFIT);
	len = make_uimage(0x47fff000, 0x47fff000, 0x2000, 2, 2, 0);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_NOFIT);
	len = make_uimage(0x40100000, 0x40101000, 0x1000, 2, 2, 0);
	CHECK_EQ(plan_for(len, 0, 256 * MIB), LOADER_ERR_FORMAT);
}

/* Anything unrecognised is a raw image, entered at its first byte. */
static void test_raw_image(void)
{
	memset(img, 0, sizeof(img));
	put_le32(img, 0xe3a00000); /* mov r0, #0 */
	CHECK_EQ(plan_for(4, 0, 256 * MIB), 0);
	CHECK_EQ(plan.kind, LOADER_RAW);
	CHECK_EQ(plan.kernel_addr, 0x40010000);
	CHECK_EQ(plan.entry, 0x40010000);
	CHECK_EQ(plan.kernel_len, 4);
	CHECK_EQ(plan_for(1, 0, 256 * MIB), 0);
}

static void test_foreign_formats_refused(void)
{
	static const struct {
		size_t off;
		const char *magic;
		const char *word;
	} cases[] = {
		{ 0, "\x7f" "ELF", "ELF" },
		{ 0x38, "ARM\x64", "arm64" },
		{ 0, "\x1f\x8b\x08", "gzip" },
		{ 0x202, "HdrS", "bzImage" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(img, 0, sizeof(img));
		memcpy(img + cases[i].off, cases[i].magic, strlen(cases[i].magic));
		CHECK_EQ(plan_for(0x1000, 0, 256 * MIB), LOADER_ERR_FORMAT);
		CHECK(strstr(err, cases[i].word) != NULL);
	}
}

static void test_sizes_refused(void)
{
	make_zimage(0x8000);
	CHECK_EQ(plan_for(0, 0, 256 * MIB), LOADER_ERR_EMPTY);
	CHECK(strstr(err, "empty") != NULL);
	/* 16 MiB of RAM: the kernel must end below RAM + 8 MiB. */
	CHECK_EQ(plan_for(0x8000, 0, 16 * MIB), 0);
	CHECK_EQ(plan.initrd_addr, 0x40800000);
	{
		size_t big = 8 * MIB;
		uint8_t *k = calloc(1, big);
		memcpy(k, img, 0x30);
		put_le32(k + 0x2c, (uint32_t)big);
		CHECK_EQ(loader_plan(k, big, 0, RAM_BASE, 16 * MIB, &plan, err,
				     sizeof(err)), LOADER_ERR_NOFIT);
		CHECK(strchr(err, '\n') == NULL);
		free(k);
	}
	/* The initrd must leave room for the DTB below the end of RAM. */
	CHECK_EQ(plan_for(0x8000, 8 * MIB - 4096, 16 * MIB), 0);
	CHECK_EQ(plan.dtb_addr, 0x40fff000);
	CHECK_EQ(plan.dtb_room, 4096);
	CHECK_EQ(plan_for(0x8000, 8 * MIB, 16 * MIB), LOADER_ERR_NOFIT);
	CHECK(strstr(err, "device tree") != NULL);
	CHECK_EQ(plan_for(0x8000, 64 * MIB, 16 * MIB), LOADER_ERR_NOFIT);
	/* RAM that would run past 4 GiB. */
	CHECK_EQ(loader_plan(img, 0x8000, 0, 0xf0000000u, 512 * MIB, &plan,
			     err, sizeof(err)), LOADER_ERR_NOFIT);
	/* A short message buffer is cut, still terminated. */
	CHECK_EQ(loader_plan(img, 0, 0, RAM_BASE, 256 * MIB, &plan, err, 6),
		 LOADER_ERR_EMPTY);
	CHECK_EQ(strlen(err), 5);
}

int main(void)
{
	test_zimage_256m_with_initrd();
	test_zimage_longer_than_header_and_ram_sizes();
	test_zimage_truncated_or_bad();
	test_uimage_kernel();
	test_uimage_refused();
	test_raw_image();
	test_foreign_formats_refused();
	test_sizes_refused();
	return check_report("loader");
}
