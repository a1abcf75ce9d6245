/* The device tree the monitor hands Linux for the virt board: the nodes
 * QEMU's `-M virt -cpu cortex-a15` generates for the devices we model
 * (DESIGN.md "The guest machine"), with the same structure and values, so
 * a guest sees the same machine here and on qemu-system-arm. */
#ifndef GUEST_ARM_BOARD_FDT_H
#define GUEST_ARM_BOARD_FDT_H

#include <stddef.h>
#include <stdint.h>

struct board_fdt_params {
	uint32_t ram_base;
	uint32_t ram_size;
	const char *bootargs;   /* NULL: no /chosen/bootargs */
	uint32_t initrd_start;  /* guest physical; an initrd exists when */
	uint32_t initrd_end;    /* initrd_end > initrd_start (end exclusive) */
};

/* Linux's ARM COMMAND_LINE_SIZE (arch/arm/include/uapi/asm/setup.h) less
 * the NUL: Linux would cut a longer command line short without a word. */
#define BOARD_FDT_BOOTARGS_MAX 1023u
/* QEMU's virt loader passes its whole 1 MiB device-tree buffer (its
 * totalsize), and Linux reserves all of it; doing the same keeps the
 * memory Linux reports equal to the reference's. */
#define BOARD_FDT_QEMU_TOTALSIZE 0x100000u

/* bootargs longer than BOARD_FDT_BOOTARGS_MAX, or an initrd range that is
 * reversed; the FDT_ERR_* codes of guest-arm/fdt.h are the others. */
#define BOARD_FDT_ERR_PARAMS (-16)

/* Writes the tree into buf[0..size). Returns its size in bytes, or a
 * negative FDT_ERR_* / BOARD_FDT_ERR_* code (FDT_ERR_NOSPACE when the
 * buffer is too small). */
int board_fdt_build(void *buf, size_t size, const struct board_fdt_params *p);

#endif
