/* One description of what the bootloader handed over, whichever protocol
 * (multiboot1 from QEMU -kernel, multiboot2 from GRUB) it came by. The
 * parser reads physical memory only through a caller-supplied accessor,
 * so the same code is tested on the host with crafted structures. */
#ifndef BOOT_BOOTINFO_H
#define BOOT_BOOTINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/diag.h"

#define BOOT_MAX_REGIONS 128
#define BOOT_MAX_MODULES 16
#define BOOT_CMDLINE_MAX 1024
#define BOOT_STRING_MAX 256
/* A larger multiboot2 information block is taken as corrupt. */
#define BOOT_MB2_INFO_MAX (1u << 20)

enum boot_mem_type {
	BOOT_MEM_RAM = 1,       /* usable */
	BOOT_MEM_RESERVED = 2,
	BOOT_MEM_ACPI = 3,      /* ACPI reclaimable */
	BOOT_MEM_NVS = 4,
	BOOT_MEM_BAD = 5,
};

struct boot_region {
	uint64_t base, len;
	uint32_t type;
};

struct boot_module {
	uint64_t start, end;    /* physical, end exclusive */
	char string[BOOT_STRING_MAX];
};

struct boot_framebuffer {
	bool present;
	uint64_t addr;
	uint32_t pitch, width, height;
	uint8_t bpp;
};

struct boot_info {
	int protocol;           /* 1 or 2 */
	uint64_t info_phys, info_size;  /* the structure itself, to reserve */
	char cmdline[BOOT_CMDLINE_MAX];
	char loader[BOOT_STRING_MAX];
	struct boot_region regions[BOOT_MAX_REGIONS];
	unsigned nregions;
	struct boot_module modules[BOOT_MAX_MODULES];
	unsigned nmodules;
	struct boot_framebuffer fb;
	bool has_rsdp;
	uint8_t rsdp[36];       /* ACPI 2.0 RSDP size; ACPI 1.0 uses 20 */
	/* Problems found while parsing, one line each, for the banner. */
	struct diag_list diags;
};

/* Returns a pointer through which len bytes at physical pa can be read,
 * or NULL if that range cannot be read. */
struct boot_phys_reader {
	const void *(*map)(void *ctx, uint64_t pa, size_t len);
	void *ctx;
};

/* Fills *out from the boot information at info_pa. Returns 0, or a
 * negative value if magic is neither protocol's or the structure is
 * unreadable; smaller problems become diagnostics and parsing goes on. */
int bootinfo_parse(uint32_t magic, uint64_t info_pa,
		   const struct boot_phys_reader *rd, struct boot_info *out);

/* Drops modules that are empty-ranged, overlap [image_start, image_end),
 * the boot information or an earlier module, or do not lie in RAM; each
 * gets a diagnostic. */
void bootinfo_check_modules(struct boot_info *bi, uint64_t image_start,
			    uint64_t image_end);

#endif
