/* GDT and TSS set-up (Intel SDM Vol. 3A, 3.4.5 and 7.7). */
#include "arch/x86_64/gdt.h"

#include <stdint.h>
#include <string.h>

#include "arch/x86_64/layout.h"

#define IST_STACK_SIZE 8192
#define IST_COUNT 3

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

/* Segment descriptor fields (Intel SDM Vol. 3A, 3.4.5). */
#define DESC_CODE64 0x00af9a000000ffffull   /* present, DPL0, exec/read, L */
#define DESC_DATA 0x00cf92000000ffffull     /* present, DPL0, read/write */
#define DESC_TSS_TYPE 0x89ull               /* present, 64-bit TSS available */

static uint64_t gdt[5];
static struct tss tss;
static uint8_t ist_stacks[IST_COUNT][IST_STACK_SIZE] __attribute__((aligned(16)));

struct desc_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

static void set_tss_desc(uint64_t *slot, const struct tss *t)
{
	uint64_t base = (uint64_t)(uintptr_t)t;
	uint64_t limit = sizeof(*t) - 1;

	slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		  (DESC_TSS_TYPE << 40) | (((limit >> 16) & 0xf) << 48) |
		  (((base >> 24) & 0xff) << 56);
	slot[1] = base >> 32;
}

void gdt_init(void)
{
	gdt[SEL_KCODE / 8] = DESC_CODE64;
	gdt[SEL_KDATA / 8] = DESC_DATA;
	memset(&tss, 0, sizeof(tss));
	for (int i = 0; i < IST_COUNT; i++)
		tss.ist[i] = (uint64_t)(uintptr_t)(ist_stacks[i] + IST_STACK_SIZE);
	tss.iomap_base = sizeof(tss);   /* no I/O bitmap */
	set_tss_desc(&gdt[SEL_TSS / 8], &tss);

	struct desc_ptr p = { sizeof(gdt) - 1, (uint64_t)(uintptr_t)gdt };
	__asm__ volatile(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"ltr %w3"
		:
		: "m"(p), "i"(SEL_KCODE), "i"(SEL_KDATA), "r"(SEL_TSS)
		: "rax", "memory");
}
