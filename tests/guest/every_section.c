/* The whole 4 GiB virtual address space, touched (ARM DDI 0406C B3.5.1):
 * all 4096 first-level entries map 1 MiB sections, and then all 256
 * supersections, onto guest RAM (256 MiB, so each frame has 16 aliases);
 * the program writes a distinct word in every section from PL1, reads
 * them all back from PL1 and PL0, and checks each through the identity
 * alias of its frame. The RAM sections map to themselves, so the program
 * keeps running; the UART is not mapped meanwhile, so results are printed
 * afterwards. On armvisor this shows that no guest address reaches the
 * monitor: every one of them is a guest RAM frame. */
#include "rt.h"
#include "mmu.h"

const char rt_test_name[] = "every_section";

#define RAM_SECTIONS (RAM_SIZE / SECTION_SIZE)               /* 256 */
#define RAM_SUPERSECTIONS (RAM_SIZE / SUPERSECTION_SIZE)     /* 16 */
#define SUPERSECTIONS (L1_ENTRIES / 16)                      /* 256 */
/* Each section's word lies in the last 4 KiB of its frame, at a slot
 * that differs between the aliases of one frame. The image ends below
 * (guest.ld asserts it). */
#define SLOT_BASE (SECTION_SIZE - SMALL_PAGE_SIZE)
#define SUPER_SLOT_BASE (SUPERSECTION_SIZE - SMALL_PAGE_SIZE / 2)

static uint32_t l1_base[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
static uint32_t l1_all[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));

struct result {
	uint32_t bad_read;      /* words read back wrong through their VA */
	uint32_t bad_alias;     /* words wrong through the identity alias */
	uint32_t bad_user;      /* words read wrong from PL0 */
	uint32_t first_bad;     /* index of the first bad word, or ~0 */
	uint32_t exceptions;
};

static uint32_t value_of(uint32_t i)
{
	return 0x5EC70000u ^ (i * 0x9E3779B1u);
}

/* Section i maps frame i mod 256; its word sits at a slot chosen by
 * i / 256, so the 16 aliases of a frame use 16 different words. */
static uint32_t sect_va(uint32_t i)
{
	return (i << 20) + SLOT_BASE + (i / RAM_SECTIONS) * 4;
}

static uint32_t sect_alias(uint32_t i)
{
	return RAM_BASE + (i % RAM_SECTIONS) * SECTION_SIZE + SLOT_BASE +
	       (i / RAM_SECTIONS) * 4;
}

static uint32_t super_va(uint32_t i)
{
	return (i << 24) + SUPER_SLOT_BASE + (i / RAM_SUPERSECTIONS) * 4;
}

static uint32_t super_alias(uint32_t i)
{
	return RAM_BASE + (i % RAM_SUPERSECTIONS) * SUPERSECTION_SIZE +
	       SUPER_SLOT_BASE + (i / RAM_SUPERSECTIONS) * 4;
}

struct layout {
	uint32_t count;
	uint32_t (*va)(uint32_t);
	uint32_t (*alias)(uint32_t);
};

static const struct layout *cur;

static void note_bad(struct result *r, uint32_t *counter, uint32_t i)
{
	(*counter)++;
	if (r->first_bad == ~0u)
		r->first_bad = i;
}

static uint32_t user_read_all(uint32_t unused)
{
	(void)unused;
	uint32_t bad = 0;
	for (uint32_t i = 0; i < cur->count; i++)
		bad += *(volatile uint32_t *)cur->va(i) != value_of(i);
	return bad;
}

static void touch_all(const struct layout *l, struct result *r)
{
	r->bad_read = r->bad_alias = r->bad_user = 0;
	r->first_bad = ~0u;
	cur = l;
	exc_clear();
	for (uint32_t i = 0; i < l->count; i++)
		*(volatile uint32_t *)l->va(i) = value_of(i);
	for (uint32_t i = 0; i < l->count; i++)
		if (*(volatile uint32_t *)l->va(i) != value_of(i))
			note_bad(r, &r->bad_read, i);
	for (uint32_t i = 0; i < l->count; i++)
		if (*(volatile uint32_t *)l->alias(i) != value_of(i))
			note_bad(r, &r->bad_alias, i);
	r->bad_user = run_user(user_read_all, 0);
	r->exceptions = rt_exc_count;
}

static void report(const char *what, uint32_t count, const struct result *r)
{
	check_eq(r->bad_read, 0, "%s: words of %u read back wrong", what, count);
	check_eq(r->bad_alias, 0, "%s: words of %u wrong through the identity alias",
		 what, count);
	check_eq(r->bad_user, 0, "%s: words of %u read wrong from PL0", what, count);
	check_eq(r->first_bad, ~0u, "%s: first bad index", what);
	check_eq(r->exceptions, 0, "%s: exceptions", what);
}

static void run(const char *what, const struct layout *l)
{
	static struct result r;
	write_ttbr0((uint32_t)l1_all);
	isb();
	tlb_flush_all();
	touch_all(l, &r);
	write_ttbr0((uint32_t)l1_base);
	isb();
	tlb_flush_all();
	report(what, l->count, &r);
}

void test_main(void)
{
	static const struct layout sections = { L1_ENTRIES, sect_va, sect_alias };
	static const struct layout supers = { SUPERSECTIONS, super_va, super_alias };
	mmu_base_map(l1_base);
	mmu_enable(l1_base, DACR(0, DACR_CLIENT));
	rt_section("4096 sections");
	for (uint32_t i = 0; i < L1_ENTRIES; i++)
		mmu_map_section(l1_all, i << 20, RAM_BASE + (i % RAM_SECTIONS) * SECTION_SIZE,
				SECT_NORMAL | L1_AP(AP_FULL));
	mmu_sync();
	run("sections", &sections);
	rt_section("256 supersections");
	for (uint32_t i = 0; i < SUPERSECTIONS; i++)
		mmu_map_supersection(l1_all, i << 24,
				     RAM_BASE + (i % RAM_SUPERSECTIONS) * SUPERSECTION_SIZE,
				     SECT_NORMAL | L1_AP(AP_FULL));
	mmu_sync();
	run("supersections", &supers);
	mmu_disable();
}
