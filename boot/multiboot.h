/* Multiboot 1 (0.6.96) and Multiboot2 (2.0) constants: header magics and
 * flags, and the boot-information layouts the bootloader hands over. */
#ifndef BOOT_MULTIBOOT_H
#define BOOT_MULTIBOOT_H

#define MB1_HEADER_MAGIC 0x1BADB002
#define MB1_BOOT_MAGIC 0x2BADB002
#define MB1_HDR_PAGE_ALIGN (1 << 0)
#define MB1_HDR_MEMINFO (1 << 1)
#define MB1_HDR_AOUT_KLUDGE (1 << 16)

#define MB2_HEADER_MAGIC 0xE85250D6
#define MB2_BOOT_MAGIC 0x36D76289
#define MB2_ARCH_I386 0
#define MB2_HDR_TAG_END 0
#define MB2_HDR_TAG_INFO_REQ 1
#define MB2_HDR_TAG_ENTRY 3
#define MB2_HDR_TAG_CONSOLE 4
#define MB2_HDR_TAG_MODULE_ALIGN 6
#define MB2_HDR_TAG_OPTIONAL 1

#ifndef __ASSEMBLY__
#include <stdint.h>

/* Multiboot 1 info structure (Multiboot 0.6.96, section 3.3). */
#define MB1_INFO_MEM (1u << 0)
#define MB1_INFO_CMDLINE (1u << 2)
#define MB1_INFO_MODS (1u << 3)
#define MB1_INFO_MMAP (1u << 6)
#define MB1_INFO_FRAMEBUFFER (1u << 12)

struct mb1_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
	uint32_t apm_table;
	uint32_t vbe_control_info, vbe_mode_info;
	uint16_t vbe_mode, vbe_interface_seg, vbe_interface_off, vbe_interface_len;
	uint64_t framebuffer_addr;
	uint32_t framebuffer_pitch, framebuffer_width, framebuffer_height;
	uint8_t framebuffer_bpp, framebuffer_type;
} __attribute__((packed));

struct mb1_module {
	uint32_t mod_start, mod_end;
	uint32_t string;
	uint32_t reserved;
};

/* Each entry is preceded by its size, which does not count itself. */
struct mb1_mmap_entry {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

/* Multiboot2 boot information (Multiboot2 spec, section 3.6). */
#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_LOADER_NAME 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_BASIC_MEMINFO 4
#define MB2_TAG_MMAP 6
#define MB2_TAG_FRAMEBUFFER 8
#define MB2_TAG_ACPI_OLD 14
#define MB2_TAG_ACPI_NEW 15
#define MB2_TAG_ALIGN 8

struct mb2_info_header {
	uint32_t total_size;
	uint32_t reserved;
};

struct mb2_tag {
	uint32_t type;
	uint32_t size;
};

struct mb2_tag_module {
	uint32_t type, size;
	uint32_t mod_start, mod_end;
	char string[];
};

struct mb2_tag_mmap {
	uint32_t type, size;
	uint32_t entry_size, entry_version;
};

struct mb2_mmap_entry {
	uint64_t addr, len;
	uint32_t type, reserved;
};

struct mb2_tag_framebuffer {
	uint32_t type, size;
	uint64_t addr;
	uint32_t pitch, width, height;
	uint8_t bpp, fb_type;
	uint16_t reserved;
};

/* Memory map types, shared by both protocols. */
#define MB_MEM_AVAILABLE 1
#define MB_MEM_ACPI_RECLAIMABLE 3
#endif

#endif
