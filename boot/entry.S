/* The 32-bit entry from either multiboot loader: check for long mode,
 * build early page tables (identity 0-4 GiB, the same at the direct map,
 * the image at KERNEL_VMA), enter long mode and jump to the higher half.
 * mm/vmm.c later replaces these tables and drops the identity map. */
#include "arch/x86_64/layout.h"

#define PHYS(sym) ((sym) - KERNEL_VMA)
#define PTE_P 0x1
#define PTE_W 0x2
#define PTE_PS 0x80
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define MSR_EFER 0xC0000080
#define EFER_LME (1 << 8)
#define COM1 0x3F8

	.section .boot.text, "ax"
	.code32
	.global boot_entry32
boot_entry32:
	cli
	cld
	movl %eax, %edi             /* multiboot magic */
	movl %ebx, %esi             /* boot information (physical) */
	movl $PHYS(boot_stack_top), %esp

	/* Long mode needs CPUID leaf 0x80000001 EDX bit 29. */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb no_long_mode
	movl $0x80000001, %eax
	cpuid
	btl $29, %edx
	jnc no_long_mode

	/* Zero the early tables: a multiboot1 loader need not clear .bss. */
	pushl %edi
	movl $PHYS(early_tables_start), %edi
	movl $PHYS(early_tables_end), %ecx
	subl %edi, %ecx
	shrl $2, %ecx
	xorl %eax, %eax
	rep stosl
	popl %edi

	/* Four page directories of 2 MiB pages map physical 0-4 GiB. */
	movl $PHYS(early_pd), %ebx
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $(PTE_P | PTE_W | PTE_PS), %eax
	movl %eax, (%ebx, %ecx, 8)
	movl %ecx, %eax
	shrl $11, %eax               /* bits 32+ of the frame address */
	movl %eax, 4(%ebx, %ecx, 8)
	incl %ecx
	cmpl $2048, %ecx
	jb 1b

	movl $PHYS(early_pdpt_low), %ebx
	movl $PHYS(early_pd) + (PTE_P | PTE_W), %eax
	movl %eax, 0(%ebx)
	addl $4096, %eax
	movl %eax, 8(%ebx)
	addl $4096, %eax
	movl %eax, 16(%ebx)
	addl $4096, %eax
	movl %eax, 24(%ebx)

	/* KERNEL_VMA is PML4 slot 511, PDPT slot 510: physical 0-1 GiB. */
	movl $PHYS(early_pdpt_high), %ebx
	movl $PHYS(early_pd) + (PTE_P | PTE_W), %eax
	movl %eax, 510 * 8(%ebx)

	movl $PHYS(early_pml4), %ebx
	movl $PHYS(early_pdpt_low) + (PTE_P | PTE_W), %eax
	movl %eax, 0(%ebx)
	movl %eax, 256 * 8(%ebx)
	movl $PHYS(early_pdpt_high) + (PTE_P | PTE_W), %eax
	movl %eax, 511 * 8(%ebx)

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl %ebx, %cr3
	movl $MSR_EFER, %ecx
	rdmsr
	orl $EFER_LME, %eax
	wrmsr
	movl %cr0, %eax
	orl $CR0_PG, %eax
	movl %eax, %cr0

	lgdt early_gdt_ptr
	ljmp $SEL_KCODE, $boot_entry64

no_long_mode:
	movl $no_lm_msg, %esi
	movw $COM1, %dx
2:	lodsb
	testb %al, %al
	jz 3f
	outb %al, %dx
	jmp 2b
3:	hlt
	jmp 3b

	.code64
boot_entry64:
	movl $SEL_KDATA, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs
	/* Bits 63:32 of registers are undefined after the mode switch. */
	movl %edi, %edi
	movl %esi, %esi
	movabsq $higher_half, %rax
	jmp *%rax

	.section .boot.data, "a"
no_lm_msg:
	.asciz "armvisor: this CPU has no long mode (x86-64); halting\r\n"
	.align 16
early_gdt:
	.quad 0
	.quad 0x00af9a000000ffff    /* SEL_KCODE: 64-bit code, DPL 0 */
	.quad 0x00cf92000000ffff    /* SEL_KDATA: data, DPL 0 */
early_gdt_end:
early_gdt_ptr:
	.short early_gdt_end - early_gdt - 1
	.long early_gdt

	.text
higher_half:
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	/* kmain(magic, info_phys): %edi and %esi already hold them. */
	call kmain
4:	cli
	hlt
	jmp 4b

	.bss
	.align 4096
early_tables_start:
early_pml4:
	.skip 4096
early_pdpt_low:
	.skip 4096
early_pdpt_high:
	.skip 4096
early_pd:
	.skip 4 * 4096
early_tables_end:
	.global boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip BOOT_STACK_SIZE
boot_stack_top:
