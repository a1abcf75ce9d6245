/* The ARMv7-A short-descriptor translation table walk and its access
 * checks (ARM DDI 0406C B3.5-B3.7, B3.12-B3.13), for a VMSAv7 with PXN
 * (ID_MMFR0.VMSA = 4), supersections, a 32-bit physical address space and
 * software-managed Access flag. It runs on every shadow fill, so it reads
 * at most two descriptors and allocates nothing. */
#include "shadow/walk.h"

/* ---- translation table base selection (B3.5.4, B4.1.153 TTBCR) ---------- */

#define TTBCR_N_MASK 0x7u
#define TTBCR_PD0 (1u << 4)
#define TTBCR_PD1 (1u << 5)
/* TTBR1's table always covers the whole 4 GiB: 4096 entries, 16 KiB. */
#define TTBR_BASE_SHIFT 14
#define L1_INDEX_SHIFT 20

/* ---- first-level descriptors (B3.5.1, Figure B3-4) ---------------------- */

#define DESC_TYPE_MASK 0x3u
#define L1_TYPE_FAULT 0x0u
#define L1_TYPE_TABLE 0x1u
/* bits[1:0] = 0b1x: section or supersection; bit[0] is then PXN, because
 * this VMSA supports PXN (B3.5.1: with PXN, 0b11 is not reserved). */
#define L1_SECTION_BIT (1u << 1)
#define L1_SECTION_PXN (1u << 0)
#define L1_TABLE_PXN (1u << 2)
#define L1_DOMAIN_SHIFT 5
#define L1_DOMAIN_MASK 0xFu
#define L1_TABLE_BASE_MASK 0xFFFFFC00u
#define L1_SECTION_XN (1u << 4)
#define L1_SECTION_AP01_SHIFT 10
#define L1_SECTION_AP2 (1u << 15)
#define L1_SECTION_NG (1u << 17)
#define L1_SUPERSECTION (1u << 18)
#define SECTION_SHIFT 20
#define SUPERSECTION_SHIFT 24

/* ---- second-level descriptors (B3.5.1, Figure B3-5) --------------------- */

#define L2_TYPE_FAULT 0x0u
#define L2_TYPE_LARGE 0x1u
/* bits[1:0] = 0b1x: small page; bit[0] is then XN. */
#define L2_SMALL_BIT (1u << 1)
#define L2_SMALL_XN (1u << 0)
#define L2_LARGE_XN (1u << 15)
#define L2_AP01_SHIFT 4
#define L2_AP2 (1u << 9)
#define L2_NG (1u << 11)
#define L2_INDEX_SHIFT 12
#define L2_INDEX_MASK 0xFFu
#define SMALL_PAGE_SHIFT 12
#define LARGE_PAGE_SHIFT 16

#define DESC_SIZE_SHIFT 2            /* descriptors are 4 bytes */

/* ---- access permissions (B3.7.1) ---------------------------------------- */

#define AP01_MASK 0x3u
#define AP2_VALUE 0x4u               /* AP[2] as bit 2 of AP[2:0] */
/* With SCTLR.AFE = 1, AP[0] is the Access flag (B3.7.3). */
#define AP_ACCESS_FLAG 0x1u

/* DACR, two bits per domain (B4.1.43). */
#define DACR_FIELD_BITS 2
#define DACR_FIELD_MASK 0x3u
#define DACR_NO_ACCESS 0x0u
#define DACR_CLIENT 0x1u
#define DACR_RESERVED 0x2u
#define DACR_MANAGER 0x3u


#define PERM_RW (ARM_PERM_R | ARM_PERM_W)
#define PERM_ALL (ARM_PERM_R | ARM_PERM_W | ARM_PERM_X)

/* Table B3-8 "VMSAv7 MMU access permissions", indexed by AP[2:0]: what
 * PL1 and PL0 may read and write. AP[2:0] = 0b100 is reserved and its
 * effect UNPREDICTABLE; it grants nothing here, as on ARMv6 and QEMU, so
 * a guest using it cannot gain access. 0b110 (deprecated) and 0b111 both
 * mean read-only at both levels. With SCTLR.AFE = 1 the caller forces
 * AP[0] to 1, which yields Table B3-9's simplified model from the same
 * table (the ARMv7 pseudocode CheckPermission() does exactly this). */
static const uint8_t ap_pl1[8] = {
	0, PERM_RW, PERM_RW, PERM_RW, 0, ARM_PERM_R, ARM_PERM_R, ARM_PERM_R,
};
static const uint8_t ap_pl0[8] = {
	0, 0, ARM_PERM_R, PERM_RW, 0, 0, ARM_PERM_R, ARM_PERM_R,
};

/* Fault kinds in the order the walk detects them (B3.12.2); the FS code
 * depends on whether the mapping is a section (level 1) or a page
 * (level 2), Table B3-23. */
enum fault_kind { F_TRANSLATION, F_ACCESS_FLAG, F_DOMAIN, F_PERMISSION };

static const uint8_t fault_fs[4][2] = {
	[F_TRANSLATION] = { ARM_FS_TRANSLATION_SECTION, ARM_FS_TRANSLATION_PAGE },
	[F_ACCESS_FLAG] = { ARM_FS_ACCESS_FLAG_SECTION, ARM_FS_ACCESS_FLAG_PAGE },
	[F_DOMAIN] = { ARM_FS_DOMAIN_SECTION, ARM_FS_DOMAIN_PAGE },
	[F_PERMISSION] = { ARM_FS_PERMISSION_SECTION, ARM_FS_PERMISSION_PAGE },
};

/* What the final descriptor says, before the access is checked. */
struct mapping {
	uint32_t pa;
	uint8_t page_shift;
	uint8_t level;
	uint8_t domain;
	uint8_t ap;       /* AP[2:0] */
	bool xn, pxn, global;
};

static int fail(struct arm_walk_result *out, uint8_t fs, uint8_t level,
		uint8_t domain)
{
	out->fs = fs;
	out->level = level;
	out->fault_domain = domain;
	return fs;
}

static int fail_kind(struct arm_walk_result *out, enum fault_kind k,
		     const struct mapping *m)
{
	return fail(out, fault_fs[k][m->level - 1], m->level, m->domain);
}

static int read_desc(const struct arm_mmu_regs *regs, arm_walk_read_fn read,
		     void *ctx, uint32_t pa, uint32_t *desc)
{
	if (read(ctx, pa, desc) != 0)
		return -1;
	if (regs->sctlr & ARM_SCTLR_EE)
		*desc = __builtin_bswap32(*desc);
	return 0;
}

/* The first-level descriptor address for va, or false if the selected
 * TTBR's walks are disabled by TTBCR.PD0/PD1 (B3.5.4, B3.6.4). */
static bool l1_address(const struct arm_mmu_regs *regs, uint32_t va,
		       uint32_t *pa)
{
	unsigned n = regs->ttbcr & TTBCR_N_MASK;

	if (n == 0 || (va >> (32 - n)) == 0) {
		if (regs->ttbcr & TTBCR_PD0)
			return false;
		/* TTBR0's table shrinks with N: base is TTBR0[31:14-N],
		 * index VA[31-N:20]. */
		uint32_t base = regs->ttbr0 & (~0u << (TTBR_BASE_SHIFT - n));
		uint32_t index = (uint32_t)(va << n) >> (L1_INDEX_SHIFT + n);
		*pa = base | index << DESC_SIZE_SHIFT;
		return true;
	}
	if (regs->ttbcr & TTBCR_PD1)
		return false;
	*pa = (regs->ttbr1 & (~0u << TTBR_BASE_SHIFT)) |
	      (va >> L1_INDEX_SHIFT) << DESC_SIZE_SHIFT;
	return true;
}

/* Sections and supersections. A supersection's extended base address
 * (bits[23:20] and [8:5], PA[39:32]) is ignored: this implementation has
 * a 32-bit physical address space, and its domain is 0 (B3.5.1). */
static void decode_section(uint32_t desc, uint32_t va, struct mapping *m)
{
	unsigned shift = (desc & L1_SUPERSECTION) ? SUPERSECTION_SHIFT
						  : SECTION_SHIFT;
	uint32_t offset_mask = (1u << shift) - 1;

	m->pa = (desc & ~offset_mask) | (va & offset_mask);
	m->page_shift = (uint8_t)shift;
	m->level = 1;
	m->domain = (desc & L1_SUPERSECTION)
			    ? 0
			    : (uint8_t)((desc >> L1_DOMAIN_SHIFT) & L1_DOMAIN_MASK);
	m->ap = (uint8_t)(((desc >> L1_SECTION_AP01_SHIFT) & AP01_MASK) |
			  ((desc & L1_SECTION_AP2) ? AP2_VALUE : 0));
	m->xn = desc & L1_SECTION_XN;
	m->pxn = desc & L1_SECTION_PXN;
	m->global = !(desc & L1_SECTION_NG);
}

/* Large (64 KiB) and small (4 KiB) pages; the page table's descriptor
 * gives the domain and PXN. A large page's descriptor is repeated in 16
 * consecutive entries, so the entry for VA[19:12] is the one to use. */
static void decode_page(uint32_t l1, uint32_t desc, uint32_t va,
			struct mapping *m)
{
	bool small = desc & L2_SMALL_BIT;
	unsigned shift = small ? SMALL_PAGE_SHIFT : LARGE_PAGE_SHIFT;
	uint32_t offset_mask = (1u << shift) - 1;

	m->pa = (desc & ~offset_mask) | (va & offset_mask);
	m->page_shift = (uint8_t)shift;
	m->ap = (uint8_t)(((desc >> L2_AP01_SHIFT) & AP01_MASK) |
			  ((desc & L2_AP2) ? AP2_VALUE : 0));
	m->xn = desc & (small ? L2_SMALL_XN : L2_LARGE_XN);
	m->pxn = l1 & L1_TABLE_PXN;
	m->global = !(desc & L2_NG);
}

/* PL1/PL0 permissions for a Client domain. Instruction fetch needs read
 * permission and no XN; PXN only forbids fetches at PL1 (B3.7.2). */
static void client_perms(const struct mapping *m, bool afe,
			 struct arm_walk_result *out)
{
	unsigned ap = afe ? (m->ap | AP_ACCESS_FLAG) : m->ap;
	uint8_t pl1 = ap_pl1[ap], pl0 = ap_pl0[ap];

	if (!m->xn) {
		if ((pl1 & ARM_PERM_R) && !m->pxn)
			pl1 |= ARM_PERM_X;
		if (pl0 & ARM_PERM_R)
			pl0 |= ARM_PERM_X;
	}
	out->perm_pl1 = pl1;
	out->perm_pl0 = pl0;
}

static uint8_t access_perm(enum arm_access acc)
{
	if (acc == ARM_ACCESS_WRITE)
		return ARM_PERM_W;
	return acc == ARM_ACCESS_EXEC ? ARM_PERM_X : ARM_PERM_R;
}

/* Everything after the descriptors are read, in the order of the ARMv7
 * pseudocode (TranslationTableWalkSD, then CheckDomain, then
 * CheckPermission, B3.15): Access flag, domain, permissions. So an Access
 * flag fault wins over a domain fault and over XN, and a Manager domain
 * still takes Access flag faults. */
static int check(const struct arm_mmu_regs *regs, const struct mapping *m,
		 enum arm_access acc, bool privileged,
		 struct arm_walk_result *out)
{
	bool afe = regs->sctlr & ARM_SCTLR_AFE;
	unsigned dacr = (regs->dacr >> (m->domain * DACR_FIELD_BITS)) &
			DACR_FIELD_MASK;

	out->pa = m->pa;
	out->page_shift = m->page_shift;
	out->domain = m->domain;
	out->global = m->global;
	out->manager = dacr == DACR_MANAGER;
	out->level = m->level;
	out->perm_pl1 = out->perm_pl0 = 0;

	if (afe && !(m->ap & AP_ACCESS_FLAG))
		return fail_kind(out, F_ACCESS_FLAG, m);
	/* DACR 0b10 is reserved, its effect UNPREDICTABLE (B4.1.43): it
	 * behaves as No access, as ARMv6 specified and QEMU does. */
	if (dacr == DACR_NO_ACCESS || dacr == DACR_RESERVED)
		return fail_kind(out, F_DOMAIN, m);
	if (dacr == DACR_MANAGER) {
		/* No permission checks, and XN/PXN are not checked either
		 * for Manager domains in this format (B3.7.2). */
		out->perm_pl1 = out->perm_pl0 = PERM_ALL;
		return 0;
	}
	client_perms(m, afe, out);
	if (!((privileged ? out->perm_pl1 : out->perm_pl0) & access_perm(acc)))
		return fail_kind(out, F_PERMISSION, m);
	return 0;
}

static int walk_flat(uint32_t va, struct arm_walk_result *out)
{
	/* MMU off (B3.2.1): VA = PA, no permission checks. The whole space
	 * is one mapping; report the largest size the format has. */
	out->pa = va;
	out->page_shift = SUPERSECTION_SHIFT;
	out->domain = 0;
	out->global = true;
	out->manager = true;
	out->perm_pl1 = out->perm_pl0 = PERM_ALL;
	out->level = 0;
	return 0;
}

int arm_walk(const struct arm_mmu_regs *regs, uint32_t va, enum arm_access acc,
	     bool privileged, arm_walk_read_fn read, void *ctx,
	     struct arm_walk_result *out)
{
	struct mapping m;
	uint32_t l1_pa, l1, l2;

	if (!(regs->sctlr & ARM_SCTLR_M))
		return walk_flat(va, out);
	/* TTBCR.PDx: a TLB miss is a level 1 Translation fault. */
	if (!l1_address(regs, va, &l1_pa))
		return fail(out, ARM_FS_TRANSLATION_SECTION, 1, 0);
	if (read_desc(regs, read, ctx, l1_pa, &l1) != 0)
		return fail(out, ARM_FS_WALK_EXTERNAL_L1, 1, 0);

	switch (l1 & DESC_TYPE_MASK) {
	case L1_TYPE_FAULT:
		return fail(out, ARM_FS_TRANSLATION_SECTION, 1, 0);
	case L1_TYPE_TABLE:
		break;
	default:
		decode_section(l1, va, &m);
		return check(regs, &m, acc, privileged, out);
	}

	/* A page: the domain is known from here on, and is reported with
	 * every level 2 fault (B3.12.3). */
	m.level = 2;
	m.domain = (uint8_t)((l1 >> L1_DOMAIN_SHIFT) & L1_DOMAIN_MASK);
	uint32_t l2_pa = (l1 & L1_TABLE_BASE_MASK) |
			 ((va >> L2_INDEX_SHIFT) & L2_INDEX_MASK) << DESC_SIZE_SHIFT;
	if (read_desc(regs, read, ctx, l2_pa, &l2) != 0)
		return fail(out, ARM_FS_WALK_EXTERNAL_L2, 2, m.domain);
	if ((l2 & DESC_TYPE_MASK) == L2_TYPE_FAULT)
		return fail_kind(out, F_TRANSLATION, &m);
	decode_page(l1, l2, va, &m);
	return check(regs, &m, acc, privileged, out);
}

/* Whether DFSR.Domain holds the domain for this fault (the ARMv7
 * DataAbort() pseudocode, B3.15: Domain faults, Permission faults without
 * LPAE, and level 2 Translation, Access flag and walk external aborts);
 * otherwise it is UNKNOWN and written as 0. */
static bool fsr_domain_valid(uint8_t fs)
{
	switch (fs) {
	case ARM_FS_DOMAIN_SECTION:
	case ARM_FS_DOMAIN_PAGE:
	case ARM_FS_PERMISSION_SECTION:
	case ARM_FS_PERMISSION_PAGE:
	case ARM_FS_TRANSLATION_PAGE:
	case ARM_FS_ACCESS_FLAG_PAGE:
	case ARM_FS_WALK_EXTERNAL_L2:
		return true;
	default:
		return false;
	}
}

#define FS_LOW_MASK 0xFu
#define FS_BIT4 0x10u

bool arm_walk_found_mapping(int fs)
{
	switch (fs) {
	case 0:
	case ARM_FS_ACCESS_FLAG_SECTION: case ARM_FS_ACCESS_FLAG_PAGE:
	case ARM_FS_DOMAIN_SECTION: case ARM_FS_DOMAIN_PAGE:
	case ARM_FS_PERMISSION_SECTION: case ARM_FS_PERMISSION_PAGE:
		return true;
	default:
		return false;
	}
}

uint32_t arm_fsr(const struct arm_walk_result *r, bool is_data, bool is_write)
{
	uint32_t fsr = r->fs & FS_LOW_MASK;

	if (r->fs & FS_BIT4)
		fsr |= ARM_FSR_FS4;
	/* The IFSR has no Domain or WnR field (B4.1.96). */
	if (!is_data)
		return fsr;
	if (fsr_domain_valid(r->fs))
		fsr |= (uint32_t)r->fault_domain << ARM_FSR_DOMAIN_SHIFT;
	if (is_write)
		fsr |= ARM_FSR_WNR;
	return fsr;
}
