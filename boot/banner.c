/* Prints the start-up banner. Boot tests read these lines, so their
 * wording is part of the interface (tests/system/boot_test.py). */
#include "boot/banner.h"

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/tsc.h"
#include "lib/log.h"
#include "mm/mm.h"

static const char *region_type(uint32_t t)
{
	switch (t) {
	case BOOT_MEM_RAM: return "usable";
	case BOOT_MEM_ACPI: return "ACPI reclaimable";
	case BOOT_MEM_NVS: return "ACPI NVS";
	case BOOT_MEM_BAD: return "bad";
	default: return "reserved";
	}
}

static void print_cpu(void)
{
	const struct cpu_features *f = &cpu_features;

	kprintf("cpu: %s \"%s\" family %u model %u stepping %u\n", f->vendor,
		f->brand, f->family, f->model, f->stepping);
	kprintf("cpu features:%s%s%s%s%s%s%s%s%s\n", f->nx ? " nx" : "",
		f->pcid ? " pcid" : "", f->invpcid ? " invpcid" : "",
		f->page1g ? " 1g-pages" : "", f->smep ? " smep" : "",
		f->smap ? " smap" : "", f->tsc_deadline ? " tsc-deadline" : "",
		f->x2apic ? " x2apic" : "", f->hypervisor ? " hypervisor" : "");
}

static void print_clocks(const struct banner_facts *facts)
{
	uint64_t hz = tsc_hz();

	kprintf("tsc: %lu.%03lu MHz (%s)\n", (unsigned long)(hz / 1000000),
		(unsigned long)(hz / 1000 % 1000), tsc_source());
	kprintf("apic: %s id %u, timer %s; %u io-apic%s (%s), first at %#lx; acpi %s\n",
		lapic_x2apic_mode() ? "x2apic" : "xapic", lapic_id(),
		lapic_timer_uses_deadline() ? "tsc-deadline" : "one-shot",
		acpi.nioapics, acpi.nioapics == 1 ? "" : "s",
		facts->ioapic_ok ? "on" : "absent",
		(unsigned long)acpi.ioapics[0].phys, acpi.present ? "yes" : "no");
	if (facts->timer.fired)
		kprintf("timer check: ok, 1000 us deadline fired after %lu us\n",
			(unsigned long)facts->timer.elapsed_us);
	else
		kprintf("timer check: FAILED, no timer interrupt\n");
}

static void print_memory(const struct boot_info *bi)
{
	struct mm_stats s;

	mm_get_stats(&s);
	kprintf("memory map (%u entries):\n", bi->nregions);
	for (unsigned i = 0; i < bi->nregions; i++) {
		const struct boot_region *r = &bi->regions[i];
		kprintf("  %016lx-%016lx %s\n", (unsigned long)r->base,
			(unsigned long)(r->base + r->len), region_type(r->type));
	}
	kprintf("memory: %lu MiB usable, %lu MiB free after boot\n",
		(unsigned long)(s.ram_bytes >> 20), (unsigned long)(s.free_bytes >> 20));
}

static void print_modules(const struct boot_info *bi)
{
	if (!bi->nmodules) {
		kprintf("modules: none (load an ARM kernel as a module named 'kernel')\n");
		return;
	}
	kprintf("modules: %u\n", bi->nmodules);
	for (unsigned i = 0; i < bi->nmodules; i++) {
		const struct boot_module *m = &bi->modules[i];
		kprintf("  module %u: %#010lx-%#010lx %lu bytes \"%s\"\n", i,
			(unsigned long)m->start, (unsigned long)m->end,
			(unsigned long)(m->end - m->start), m->string);
	}
}

static void print_options(const struct boot_info *bi, const struct options *o)
{
	static const char *const gdb[] = { "off", "on", "wait" };

	kprintf("command line: \"%s\"\n", bi->cmdline);
	kprintf("options: mem=%luM gdb=%s bootargs=\"%s\"\n",
		(unsigned long)(o->mem >> 20), gdb[o->gdb], o->bootargs);
}

static void print_diags(const struct diag_list *d)
{
	for (unsigned i = 0; i < d->n; i++)
		log_warn("%s\n", d->msg[i]);
	if (d->dropped)
		log_warn("%u more problems not shown\n", d->dropped);
}

void banner_print(const struct boot_info *bi, const struct options *o,
		  const struct banner_facts *f)
{
	kprintf("\narmvisor %s: x86-64 monitor for 32-bit ARM guests\n", ARMVISOR_VERSION);
	kprintf("boot: multiboot%s%s%s\n", bi->protocol == 2 ? "2" : "1",
		bi->loader[0] ? " from " : "", bi->loader);
	print_cpu();
	print_clocks(f);
	print_memory(bi);
	print_modules(bi);
	print_options(bi, o);
	if (!f->com2)
		kprintf("com2: absent (no gdb port)\n");
	print_diags(&bi->diags);
	print_diags(&o->diags);
}
