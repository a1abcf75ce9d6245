/* Short-descriptor translation tables for the guest tests (ARM DDI 0406C
 * B3.5.1): descriptor bits, builders and MMU control. Tables are built in
 * RAM and used with the MMU's walks reading them directly. */
#ifndef GUEST_MMU_H
#define GUEST_MMU_H

#include <stdint.h>

#define SECTION_SIZE 0x100000u
#define SUPERSECTION_SIZE 0x1000000u
#define LARGE_PAGE_SIZE 0x10000u
#define SMALL_PAGE_SIZE 0x1000u
#define L1_ENTRIES 4096u
#define L2_ENTRIES 256u
#define L1_ALIGN 0x4000u
#define L2_ALIGN 0x400u

/* First-level descriptors (B3.5.1, Figure B3-4). */
#define L1_FAULT 0x0u
#define L1_TABLE 0x1u
#define L1_SECTION 0x2u
#define L1_SECTION_PXN 0x1u       /* bits[1:0] = 0b11: section with PXN */
#define L1_TABLE_PXN (1u << 2)
#define L1_B (1u << 2)
#define L1_C (1u << 3)
#define L1_XN (1u << 4)
#define L1_DOMAIN(d) ((uint32_t)(d) << 5)
#define L1_TEX(t) ((uint32_t)(t) << 12)
#define L1_S (1u << 16)
#define L1_NG (1u << 17)
#define L1_SUPER (1u << 18)
/* AP[2:0] as one number, spread to AP[1:0] = bits 11:10, AP[2] = bit 15. */
#define L1_AP(ap) ((((uint32_t)(ap) & 3u) << 10) | (((uint32_t)(ap) >> 2) << 15))

/* Second-level descriptors (B3.5.1, Figure B3-5). */
#define L2_FAULT 0x0u
#define L2_LARGE 0x1u
#define L2_SMALL 0x2u
#define L2_SMALL_XN 0x1u
#define L2_B (1u << 2)
#define L2_C (1u << 3)
#define L2_S (1u << 10)
#define L2_NG (1u << 11)
#define L2_SMALL_TEX(t) ((uint32_t)(t) << 6)
#define L2_LARGE_TEX(t) ((uint32_t)(t) << 12)
#define L2_LARGE_XN (1u << 15)
#define L2_AP(ap) ((((uint32_t)(ap) & 3u) << 4) | (((uint32_t)(ap) >> 2) << 9))

/* Access permissions AP[2:0], SCTLR.AFE = 0 (B3.7.1, Table B3-8). */
#define AP_NONE 0u          /* PL1 none, PL0 none */
#define AP_PL1_RW 1u        /* PL1 RW, PL0 none */
#define AP_PL0_RO 2u        /* PL1 RW, PL0 RO */
#define AP_FULL 3u          /* PL1 RW, PL0 RW */
#define AP_PL1_RO 5u        /* PL1 RO, PL0 none */
#define AP_RO_DEPRECATED 6u /* PL1 RO, PL0 RO */
#define AP_RO 7u            /* PL1 RO, PL0 RO */

/* Memory types: TEX, C, B (B3.8.2, Table B3-10). Normal write-back
 * write-allocate is TEX=001 C=1 B=1; shareable Device is TEX=000 C=0 B=1. */
#define SECT_NORMAL (L1_TEX(1) | L1_C | L1_B)
#define SECT_DEVICE L1_B
#define SMALL_NORMAL (L2_SMALL_TEX(1) | L2_C | L2_B)
#define LARGE_NORMAL (L2_LARGE_TEX(1) | L2_C | L2_B)

/* DACR: two bits per domain (B4.1.43). */
#define DACR_NOACCESS 0u
#define DACR_CLIENT 1u
#define DACR_MANAGER 3u
#define DACR(d, v) ((uint32_t)(v) << (2 * (d)))

/* Guest physical layout of -M virt (RAM size as the runner sets it). */
#define RAM_BASE 0x40000000u
#define RAM_SIZE 0x10000000u
#define DEVICE_BASE 0x08000000u
#define DEVICE_SIZE 0x08000000u

/* A virtual range no base map touches: tests map their windows here. */
#define TEST_VA 0x80000000u

/* Identity base map: devices (GIC, UART) as Device, RAM as Normal with
 * full access in domain 0, everything else a translation fault. */
void mmu_base_map(uint32_t *l1);
void mmu_map_section(uint32_t *l1, uint32_t va, uint32_t pa, uint32_t attrs);
void mmu_map_supersection(uint32_t *l1, uint32_t va, uint32_t pa,
			  uint32_t attrs);
void mmu_map_table(uint32_t *l1, uint32_t va, uint32_t *l2, uint32_t attrs);
void mmu_map_small(uint32_t *l2, uint32_t va, uint32_t pa, uint32_t attrs);
void mmu_map_large(uint32_t *l2, uint32_t va, uint32_t pa, uint32_t attrs);
/* Makes descriptor writes visible to the walk (B3.10.1): DSB; ISB. */
void mmu_sync(void);
/* TTBR0 = l1, TTBCR = 0, DACR = dacr, TLBIALL, SCTLR.M = 1. */
void mmu_enable(uint32_t *l1, uint32_t dacr);
void mmu_disable(void);
/* TLBIALL with the barriers the manual requires around it (B3.10.1). */
void tlb_flush_all(void);
void tlb_flush_va(uint32_t mva_asid);
void set_sctlr_bits(uint32_t set, uint32_t clear);

#endif
