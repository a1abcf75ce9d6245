/* The ARMv7 short-descriptor translation table walk (ARM DDI 0406C B3.5
 * to B3.7): one walker for shadow fills on #PF, the translator's
 * instruction fetch, the gdb stub and the monitor. Pure computation over
 * the guest's MMU registers and a descriptor reader, so it is unit-tested
 * on the host. */
#ifndef SHADOW_WALK_H
#define SHADOW_WALK_H

#include <stdbool.h>
#include <stdint.h>

/* Fault status encodings, short-descriptor format (B3.13.3, Table
 * B3-23): the 5-bit FS value; FS[4] goes to FSR bit 10 (arm_fsr()). */
#define ARM_FS_ALIGNMENT 0x01
#define ARM_FS_ACCESS_FLAG_SECTION 0x03
#define ARM_FS_TRANSLATION_SECTION 0x05
#define ARM_FS_ACCESS_FLAG_PAGE 0x06
#define ARM_FS_TRANSLATION_PAGE 0x07
#define ARM_FS_SYNC_EXTERNAL 0x08
#define ARM_FS_DOMAIN_SECTION 0x09
#define ARM_FS_DOMAIN_PAGE 0x0B
#define ARM_FS_WALK_EXTERNAL_L1 0x0C
#define ARM_FS_PERMISSION_SECTION 0x0D
#define ARM_FS_WALK_EXTERNAL_L2 0x0E
#define ARM_FS_PERMISSION_PAGE 0x0F
#define ARM_FS_DEBUG 0x02

/* DFSR/IFSR bits (B4.1.52, B4.1.96). */
#define ARM_FSR_FS4 (1u << 10)
#define ARM_FSR_DOMAIN_SHIFT 4
#define ARM_FSR_WNR (1u << 11)
#define ARM_FSR_EXT (1u << 12)

/* SCTLR bits the walk depends on (B4.1.130). */
#define ARM_SCTLR_M (1u << 0)
#define ARM_SCTLR_A (1u << 1)
#define ARM_SCTLR_AFE (1u << 29)
#define ARM_SCTLR_TRE (1u << 28)
#define ARM_SCTLR_EE (1u << 25)   /* walks read descriptors big-endian */

enum arm_access {
	ARM_ACCESS_READ,
	ARM_ACCESS_WRITE,
	ARM_ACCESS_EXEC,
};

/* Permission bits a mapping grants to one privilege level. */
#define ARM_PERM_R 1u
#define ARM_PERM_W 2u
#define ARM_PERM_X 4u

/* The registers that define a translation regime (B3.1): everything a
 * shadow root is keyed by, apart from the privilege level. */
struct arm_mmu_regs {
	uint32_t sctlr;
	uint32_t ttbr0, ttbr1, ttbcr;
	uint32_t dacr;
	uint32_t contextidr;   /* ASID in bits 7:0 */
};

/* Reads the 32-bit descriptor at guest physical pa; returns 0, or -1 if
 * pa is not memory (the walk then reports a synchronous external abort on
 * the translation table walk). */
typedef int (*arm_walk_read_fn)(void *ctx, uint32_t pa, uint32_t *out);

struct arm_walk_result {
	/* Valid when the walk succeeded (arm_walk() returned 0), and also
	 * after an Access flag, domain or permission fault (pa, page_shift,
	 * domain and global then say what the guest mapped; perm_* are 0
	 * for Access flag and domain faults). */
	uint32_t pa;            /* physical address of va */
	uint8_t page_shift;     /* mapping size: 12, 16, 20 or 24 (24: MMU off) */
	uint8_t domain;         /* 0 for supersections */
	bool global;            /* nG clear (or MMU off) */
	bool manager;           /* domain is Manager: no permission checks */
	uint8_t perm_pl1;       /* ARM_PERM_* granted at PL1 */
	uint8_t perm_pl0;       /* ARM_PERM_* granted at PL0 */
	/* Valid when the walk faulted (arm_walk() returned nonzero). */
	uint8_t fs;             /* ARM_FS_* */
	uint8_t fault_domain;   /* the domain, once a descriptor gave one;
				 * arm_fsr() reports it where DFSR.Domain
				 * is valid */
	uint8_t level;          /* 1 or 2: the level the fault was found at */
};

/* Translates va for an access of kind acc at PL1 (privileged) or PL0.
 * Returns 0 and fills the mapping fields if the access is permitted, or
 * the fault status (an ARM_FS_* value) with the fault fields filled. With
 * the MMU off (SCTLR.M = 0) va maps flat with every permission. */
int arm_walk(const struct arm_mmu_regs *regs, uint32_t va, enum arm_access acc,
	     bool privileged, arm_walk_read_fn read, void *ctx,
	     struct arm_walk_result *out);

/* Did the walk that returned fs find a mapping (pa and the mapping fields
 * valid)? True without a fault and after an Access flag, domain or
 * permission fault; false after a translation or external abort. */
bool arm_walk_found_mapping(int fs);
/* The DFSR (data, with WnR) or IFSR value for a fault the walk reported. */
uint32_t arm_fsr(const struct arm_walk_result *r, bool is_data, bool is_write);

#endif
