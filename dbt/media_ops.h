/* The A32 media and saturating operations that translated code calls
 * rather than expands inline (ARM DDI 0406C A5.4, A8.8): saturation,
 * parallel add/subtract, SEL, sum of absolute differences and the
 * multiplies whose Q-flag or 64-bit accumulate logic is long. They read
 * and update the sticky Q flag and GE bits in struct arm_cpu's private
 * flag words, never NZCV.
 *
 * Every helper has one signature, so the translator calls them all the
 * same way: n = R[n], m = R[m], a = the accumulator (R[a], or
 * RdHi:RdLo for the long forms, else 0), sel = the op-specific selector
 * named below. The result is in the low 32 bits, or all 64 for the long
 * forms. */
#ifndef DBT_MEDIA_OPS_H
#define DBT_MEDIA_OPS_H

#include <stdint.h>

#include "arm_cpu.h"

typedef uint64_t dbt_media_fn(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			      uint64_t a, uint32_t sel);

/* sel: QADD 0, QSUB Q_SUB, QDADD Q_DOUBLE, QDSUB both (A8.8.124-131). */
#define DBT_MEDIA_Q_SUB 1u
#define DBT_MEDIA_Q_DOUBLE 2u
dbt_media_fn dbt_media_qaddsub;
/* sel: DBT_MEDIA_SAT_SEL(saturate_to, shift type, shift amount). */
#define DBT_MEDIA_SAT_SEL(sat, type, amount) \
	((uint32_t)(sat) | (uint32_t)(type) << 8 | (uint32_t)(amount) << 16)
dbt_media_fn dbt_media_ssat, dbt_media_usat;
/* sel: saturate_to. */
dbt_media_fn dbt_media_ssat16, dbt_media_usat16;
/* sel: op - A32_SADD16 (the enum lists six prefixes of six ops each). */
dbt_media_fn dbt_media_parallel;
/* sel unused. */
dbt_media_fn dbt_media_sel, dbt_media_usada8;
/* sel: bit 0 = N top half, bit 1 = M top half (SMLAWy: bit 1 only). */
dbt_media_fn dbt_media_smlaxy, dbt_media_smlawy, dbt_media_smlalxy;
/* sel: bit 0 = swap M's halves (X), bit 1 = subtract (the SD forms). */
dbt_media_fn dbt_media_smlad, dbt_media_smlald;

#define DBT_MEDIA_SEL_SWAP 1u
#define DBT_MEDIA_SEL_SUB 2u

#endif
