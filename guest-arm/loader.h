/* Where a Linux kernel, its initrd and its device tree go in guest RAM,
 * and where the CPU enters the kernel: Linux's ARM boot protocol
 * (Documentation/arm/booting.rst) with QEMU's `-M virt` placement
 * (DESIGN.md "What the reference guest does"). Only plans: the board
 * copies the bytes and builds the tree at the addresses given. */
#ifndef GUEST_ARM_LOADER_H
#define GUEST_ARM_LOADER_H

#include <stddef.h>
#include <stdint.h>

enum loader_kind {
	LOADER_RAW,     /* no header we know: an ARM Image or a bare program */
	LOADER_ZIMAGE,  /* a self-decompressing Linux zImage */
	LOADER_UIMAGE,  /* a U-Boot legacy image wrapping an uncompressed kernel */
};

struct loader_plan {
	enum loader_kind kind;
	size_t kernel_offset;  /* the bytes to copy: kernel[kernel_offset..] */
	uint32_t kernel_len;
	uint32_t kernel_addr;  /* guest physical address to copy them to */
	uint32_t entry;        /* first instruction, entered in ARM state */
	uint32_t initrd_addr;  /* always set: the DTB goes here without one */
	uint32_t initrd_len;   /* 0: no initrd */
	uint32_t dtb_addr;     /* 4 KiB aligned, after the initrd */
	uint32_t dtb_room;     /* bytes from dtb_addr to the end of RAM */
};

#define LOADER_ERR_EMPTY (-1)     /* a zero-length kernel */
#define LOADER_ERR_FORMAT (-2)    /* a kind of image we cannot boot */
#define LOADER_ERR_TRUNCATED (-3) /* shorter than its header says */
#define LOADER_ERR_NOFIT (-4)     /* does not fit in guest RAM */

/* Recognises the kernel image kernel[0..len) and plans the layout of
 * kernel, an initrd of ilen bytes (0: none) and the DTB in guest RAM
 * [ram_base, ram_base + ram_size). Returns 0, or a negative LOADER_ERR_*
 * with a one-line reason in err[0..errlen) (no trailing newline). */
int loader_plan(const uint8_t *kernel, size_t len, size_t ilen,
		uint32_t ram_base, uint32_t ram_size, struct loader_plan *out,
		char *err, size_t errlen);

#endif
