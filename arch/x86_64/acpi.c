/* ACPI table discovery (ACPI 6.4 spec, chapter 5). Every table is checked
 * for signature, sane length and checksum before use; a bad table is
 * skipped with a warning, since firmware bugs must not stop the boot. */
#include "arch/x86_64/acpi.h"

#include <stddef.h>
#include <string.h>

#include "arch/x86_64/layout.h"
#include "arch/x86_64/x86.h"
#include "lib/log.h"

#define RSDP_V1_LEN 20
#define RSDP_V2_LEN 36
#define SDT_HEADER_LEN 36
#define SDT_MAX_LEN (1u << 20)
#define BIOS_AREA_START 0xE0000
#define BIOS_AREA_END 0x100000
#define EBDA_SEGMENT_PTR 0x40E

/* MADT entry types (5.2.12). */
#define MADT_IOAPIC 1
#define MADT_ISO 2
/* FADT field offsets (5.2.9). */
#define FADT_DSDT 40
#define FADT_PM1A_CNT 64
#define FADT_PM1B_CNT 68
#define FADT_FLAGS 112
#define FADT_RESET_REG 116
#define FADT_RESET_VALUE 128
#define FADT_X_DSDT 140
#define FADT_SLEEP_CONTROL_REG 244
#define FADT_MIN_LEN_SLEEP (FADT_SLEEP_CONTROL_REG + 12)
#define GAS_ADDRESS 4
#define FADT_FLAG_RESET_REG_SUP (1u << 10)
#define GAS_SYSTEM_MEMORY 0
#define GAS_SYSTEM_IO 1
/* PM1 control register (4.8.3.2.1). */
#define PM1_SLP_TYP_SHIFT 10
#define PM1_SLP_EN (1u << 13)
/* Sleep control register, hardware-reduced ACPI (4.8.3.7). */
#define SLEEP_TYP_SHIFT 2
#define SLEEP_EN (1u << 5)
/* AML opcodes (20.2) needed to read the \_S5 package. */
#define AML_PACKAGE_OP 0x12
#define AML_BYTE_PREFIX 0x0A

struct acpi_info acpi;

static uint8_t checksum(const uint8_t *p, size_t n)
{
	uint8_t sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* Returns the table at pa if its header and checksum are sound. */
static const uint8_t *map_table(uint64_t pa, const char *sig)
{
	if (!pa)
		return NULL;
	const uint8_t *t = phys_to_virt(pa);
	uint32_t len = rd32(t + 4);
	if ((sig && memcmp(t, sig, 4)) || len < SDT_HEADER_LEN || len > SDT_MAX_LEN)
		return NULL;
	if (checksum(t, len)) {
		log_warn("ACPI table %.4s at %#lx has a bad checksum; ignored\n",
			 (const char *)t, (unsigned long)pa);
		return NULL;
	}
	return t;
}

static const uint8_t *find_rsdp_in(uint64_t start, uint64_t end)
{
	for (uint64_t pa = start; pa + RSDP_V1_LEN <= end; pa += 16) {
		const uint8_t *p = phys_to_virt(pa);
		if (!memcmp(p, "RSD PTR ", 8) && !checksum(p, RSDP_V1_LEN))
			return p;
	}
	return NULL;
}

static const uint8_t *find_rsdp(void)
{
	uint64_t ebda = (uint64_t)*(const uint16_t *)phys_to_virt(EBDA_SEGMENT_PTR) << 4;
	const uint8_t *p = NULL;

	if (ebda >= 0x80000 && ebda < 0xA0000)
		p = find_rsdp_in(ebda, ebda + 1024);
	return p ? p : find_rsdp_in(BIOS_AREA_START, BIOS_AREA_END);
}

static void parse_madt(const uint8_t *t)
{
	uint32_t len = rd32(t + 4);
	unsigned n = 0;

	for (uint32_t off = SDT_HEADER_LEN + 8; off + 2 <= len;) {
		uint8_t type = t[off], elen = t[off + 1];
		if (elen < 2 || off + elen > len)
			break;
		if (type == MADT_IOAPIC && elen >= 12 && n < ACPI_MAX_IOAPICS) {
			acpi.ioapics[n++] = (struct acpi_ioapic){ rd32(t + off + 4),
								  rd32(t + off + 8) };
		} else if (type == MADT_ISO && elen >= 10 && t[off + 3] < ACPI_ISA_IRQS) {
			acpi.isa_gsi[t[off + 3]] = rd32(t + off + 4);
			acpi.isa_flags[t[off + 3]] = (uint16_t)(t[off + 8] | t[off + 9] << 8);
		}
		off += elen;
	}
	if (n)
		acpi.nioapics = n;
}

/* Reads one SLP_TYP element of the \_S5 package; returns bytes used. */
static int aml_small_int(const uint8_t *p, const uint8_t *end, uint8_t *out)
{
	if (p < end && *p == AML_BYTE_PREFIX && p + 1 < end) {
		*out = p[1];
		return 2;
	}
	if (p < end && *p <= 1) {   /* ZeroOp, OneOp */
		*out = *p;
		return 1;
	}
	return -1;
}

/* Finds "Name(_S5_, Package(){a, b, ...})" in the DSDT's AML bytes. A
 * full AML interpreter is out of scope; this encoding is what every
 * firmware we target emits. */
static void parse_s5(const uint8_t *dsdt)
{
	const uint8_t *end = dsdt + rd32(dsdt + 4);

	for (const uint8_t *p = dsdt + SDT_HEADER_LEN; p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != AML_PACKAGE_OP)
			continue;
		const uint8_t *q = p + 5;
		q += 1 + (*q >> 6);          /* PkgLength: lead byte + 0-3 more */
		q++;                         /* NumElements */
		int n = aml_small_int(q, end, &acpi.slp_typ_a);
		if (n < 0 || aml_small_int(q + n, end, &acpi.slp_typ_b) < 0)
			return;
		acpi.s5_valid = true;
		return;
	}
}

static void parse_fadt(const uint8_t *t)
{
	uint32_t len = rd32(t + 4);

	acpi.pm1a_cnt = rd32(t + FADT_PM1A_CNT);
	acpi.pm1b_cnt = rd32(t + FADT_PM1B_CNT);
	if (len >= FADT_RESET_VALUE + 1 && (rd32(t + FADT_FLAGS) & FADT_FLAG_RESET_REG_SUP)) {
		acpi.reset_supported = true;
		acpi.reset_space = t[FADT_RESET_REG];
		acpi.reset_addr = rd64(t + FADT_RESET_REG + 4);
		acpi.reset_value = t[FADT_RESET_VALUE];
	}
	if (len >= FADT_MIN_LEN_SLEEP && rd64(t + FADT_SLEEP_CONTROL_REG + GAS_ADDRESS)) {
		acpi.sleep_space = t[FADT_SLEEP_CONTROL_REG];
		acpi.sleep_addr = rd64(t + FADT_SLEEP_CONTROL_REG + GAS_ADDRESS);
	}
	uint64_t dsdt_pa = rd32(t + FADT_DSDT);
	if (len >= FADT_X_DSDT + 8 && rd64(t + FADT_X_DSDT))
		dsdt_pa = rd64(t + FADT_X_DSDT);
	const uint8_t *dsdt = map_table(dsdt_pa, "DSDT");
	if (dsdt)
		parse_s5(dsdt);
}

static void parse_root(const uint8_t *root, unsigned entry_size)
{
	uint32_t len = rd32(root + 4);

	for (uint32_t off = SDT_HEADER_LEN; off + entry_size <= len; off += entry_size) {
		uint64_t pa = entry_size == 8 ? rd64(root + off) : rd32(root + off);
		const uint8_t *t = map_table(pa, NULL);
		if (!t)
			continue;
		if (!memcmp(t, "APIC", 4))
			parse_madt(t);
		else if (!memcmp(t, "FACP", 4))
			parse_fadt(t);
	}
}

void acpi_init(const uint8_t *rsdp)
{
	acpi = (struct acpi_info){ .nioapics = 1 };
	acpi.ioapics[0] = (struct acpi_ioapic){ ACPI_IOAPIC_DEFAULT, 0 };
	for (unsigned i = 0; i < ACPI_ISA_IRQS; i++)
		acpi.isa_gsi[i] = i;

	if (!rsdp || memcmp(rsdp, "RSD PTR ", 8) || checksum(rsdp, RSDP_V1_LEN))
		rsdp = find_rsdp();
	if (!rsdp)
		return;
	acpi.revision = rsdp[15];
	const uint8_t *root = NULL;
	if (acpi.revision >= 2 && !checksum(rsdp, RSDP_V2_LEN))
		root = map_table(rd64(rsdp + 24), "XSDT");
	if (root) {
		parse_root(root, 8);
	} else if ((root = map_table(rd32(rsdp + 16), "RSDT"))) {
		parse_root(root, 4);
	}
	acpi.present = root != NULL;
}

static void write_gas8(uint8_t space, uint64_t addr, uint8_t v)
{
	if (space == GAS_SYSTEM_IO)
		outb((uint16_t)addr, v);
	else if (space == GAS_SYSTEM_MEMORY)
		*(volatile uint8_t *)phys_to_virt(addr) = v;
}

void acpi_reset(void)
{
	if (!acpi.reset_supported)
		return;
	write_gas8(acpi.reset_space, acpi.reset_addr, acpi.reset_value);
}

void acpi_poweroff(void)
{
	if (!acpi.s5_valid)
		return;
	if (!acpi.pm1a_cnt && acpi.sleep_addr) {
		write_gas8(acpi.sleep_space, acpi.sleep_addr,
			   (uint8_t)((acpi.slp_typ_a & 7) << SLEEP_TYP_SHIFT | SLEEP_EN));
		return;
	}
	if (!acpi.pm1a_cnt)
		return;
	outw((uint16_t)acpi.pm1a_cnt,
	     (uint16_t)(acpi.slp_typ_a << PM1_SLP_TYP_SHIFT | PM1_SLP_EN));
	if (acpi.pm1b_cnt)
		outw((uint16_t)acpi.pm1b_cnt,
		     (uint16_t)(acpi.slp_typ_b << PM1_SLP_TYP_SHIFT | PM1_SLP_EN));
}
