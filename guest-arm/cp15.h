/* The coprocessor register table (CP15 system control, CP14 debug and
 * Jazelle IDs) as data: each entry names an encoding, who may access it,
 * and where its value lives. Internal to guest-arm/. */
#ifndef GUEST_ARM_CP15_H
#define GUEST_ARM_CP15_H

#include <stddef.h>
#include <stdint.h>

#include "guest-arm/arm_sys_int.h"

/* An encoding as one number: coprocessor, opc1, CRn, CRm, opc2. */
#define CP_KEY(cp, opc1, crn, crm, opc2)                                      \
	(((uint32_t)(cp) << 16) | ((uint32_t)(opc1) << 12) |                   \
	 ((uint32_t)(crn) << 8) | ((uint32_t)(crm) << 4) | (uint32_t)(opc2))
#define CP_MASK_ALL 0xfffffu
#define CP_MASK_ANY_OPC2 0xffff0u    /* every opc2 of one CRm */

/* Access rights (B3.17.1; each register's own description in B4.1). */
#define CP_PL1_R 1u
#define CP_PL1_W 2u
#define CP_PL0_R 4u
#define CP_PL0_W 8u
#define CP_PL1_RW (CP_PL1_R | CP_PL1_W)
#define CP_ALL_RW (CP_PL1_RW | CP_PL0_R | CP_PL0_W)

/* Conditions on access beyond the rights above. */
/* The timer gates also need the board's timer (arm_sys.timer). */
enum cp_gate {
	GATE_NONE,
	GATE_CP15BEN,   /* SCTLR.CP15BEN, at every level (B4.1.130) */
	GATE_PMU,       /* PL0 only with PMUSERENR.EN (B4.1.124) */
	GATE_CNTFRQ,    /* PL0 with CNTKCTL.PL0PCTEN or PL0VCTEN (B4.1.26) */
	GATE_CNTPCT,    /* PL0 with CNTKCTL.PL0PCTEN */
	GATE_CNTVCT,    /* PL0 with CNTKCTL.PL0VCTEN */
	GATE_CNTP,      /* PL0 with CNTKCTL.PL0PTEN */
	GATE_CNTV,      /* PL0 with CNTKCTL.PL0VTEN */
};

enum cp_kind {
	CP_CONST,   /* reads value; writes (if allowed) are ignored */
	CP_FIELD,   /* a word of struct arm_sys at off; value = writable bits */
	CP_FN,      /* read/write functions */
	CP_OP,      /* write-only operation: reports flags, tlb_arg = Rt & value */
};

typedef uint32_t (*cp_read_fn)(struct sys_ctx *c);
typedef void (*cp_write_fn)(struct sys_ctx *c, uint32_t val);

struct cp_reg {
	uint32_t key, mask;      /* encoding matches when (enc & mask) == key */
	uint8_t access, gate, kind;
	uint16_t off;            /* CP_FIELD: offsetof(struct arm_sys, ...) */
	uint32_t value;
	uint32_t flags;          /* CP_FIELD: reported when the value changes */
	cp_read_fn read;
	cp_write_fn write;
};

extern const struct cp_reg cp_regs[];
extern const size_t cp_regs_count;

/* Handlers in cp15_pmu.c (PMU, generic timer). */
uint32_t cp_pmcr_read(struct sys_ctx *c);
void cp_pmcr_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_pmcnten_read(struct sys_ctx *c);
void cp_pmcntenset_write(struct sys_ctx *c, uint32_t v);
void cp_pmcntenclr_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_pmovsr_read(struct sys_ctx *c);
void cp_pmovsr_write(struct sys_ctx *c, uint32_t v);
void cp_pmswinc_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_pmccntr_read(struct sys_ctx *c);
void cp_pmccntr_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_pmxevtyper_read(struct sys_ctx *c);
void cp_pmxevtyper_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_pmxevcntr_read(struct sys_ctx *c);
void cp_pmxevcntr_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_pmintenset_read(struct sys_ctx *c);
void cp_pmintenset_write(struct sys_ctx *c, uint32_t v);
void cp_pmintenclr_write(struct sys_ctx *c, uint32_t v);
void cp_pmu_reset(struct arm_sys *s);

uint32_t cp_cntp_tval_read(struct sys_ctx *c);
void cp_cntp_tval_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_cntp_ctl_read(struct sys_ctx *c);
void cp_cntp_ctl_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_cntv_tval_read(struct sys_ctx *c);
void cp_cntv_tval_write(struct sys_ctx *c, uint32_t v);
uint32_t cp_cntv_ctl_read(struct sys_ctx *c);
void cp_cntv_ctl_write(struct sys_ctx *c, uint32_t v);

#endif
