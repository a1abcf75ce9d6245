/* Multiboot headers: multiboot2 for GRUB (BIOS and UEFI), multiboot1
 * with the a.out kludge for QEMU's -kernel loader, which refuses ELF64
 * images otherwise. Both name the 32-bit entry in .boot. */
#include "boot/multiboot.h"

	.section .multiboot, "a"
	.align 8
mb2_header:
	.long MB2_HEADER_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	/* Entry address: the ELF entry is fine too, but say it explicitly. */
	.align 8
	.short MB2_HDR_TAG_ENTRY
	.short 0
	.long 12
	.long boot_entry32

	/* Modules page-aligned, so the frame allocator can reserve them whole. */
	.align 8
	.short MB2_HDR_TAG_MODULE_ALIGN
	.short 0
	.long 8

	.align 8
	.short MB2_HDR_TAG_END
	.short 0
	.long 8
mb2_header_end:

	.align 4
mb1_header:
#define MB1_FLAGS (MB1_HDR_PAGE_ALIGN | MB1_HDR_MEMINFO | MB1_HDR_AOUT_KLUDGE)
	.long MB1_HEADER_MAGIC
	.long MB1_FLAGS
	.long -(MB1_HEADER_MAGIC + MB1_FLAGS)
	.long mb1_header            /* header_addr */
	.long __image_phys_start    /* load_addr */
	.long __load_phys_end       /* load_end_addr */
	.long __image_phys_end      /* bss_end_addr */
	.long boot_entry32          /* entry_addr */
