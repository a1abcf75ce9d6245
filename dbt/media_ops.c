/* Semantics of the A32 media and saturating operations that translated
 * code calls out to (see media_ops.h), written after the pseudocode of
 * ARM DDI 0406C chapter A8. Plain C on host integers: no libc. */
#include "a32_decode.h"
#include "media_ops.h"
#include "translate.h"

#define HALF_BITS 16
#define BYTE_BITS 8
#define WORD_BITS 32
#define SEL_SHIFT_TYPE(sel) ((sel) >> 8 & 0xffu)
#define SEL_SHIFT_AMOUNT(sel) ((sel) >> 16)
#define SEL_SAT(sel) ((sel) & 0xffu)
#define SEL_N_TOP 1u
#define SEL_M_TOP 2u

/* Parallel add/subtract prefixes and operations, in the order of enum
 * a32_op (A5.4.1: the S, Q, SH, U, UQ, UH variants of ADD16, ASX, SAX,
 * SUB16, ADD8, SUB8). */
enum { P_S, P_Q, P_SH, P_U, P_UQ, P_UH };
enum { K_ADD16, K_ASX, K_SAX, K_SUB16, K_ADD8, K_SUB8, K_COUNT };

static void set_q(struct arm_cpu *cpu)
{
	cpu->flags_priv[TR_FLAGS_Q] = 1;
}

/* SignedSatQ / UnsignedSatQ (A2.2.1), setting the sticky Q flag. */
static int64_t sat_signed(struct arm_cpu *cpu, int64_t v, unsigned bits,
			  bool sticky)
{
	int64_t hi = ((int64_t)1 << (bits - 1)) - 1, lo = -hi - 1;
	int64_t r = v > hi ? hi : v < lo ? lo : v;

	if (r != v && sticky)
		set_q(cpu);
	return r;
}

static int64_t sat_unsigned(struct arm_cpu *cpu, int64_t v, unsigned bits,
			    bool sticky)
{
	int64_t hi = ((int64_t)1 << bits) - 1;
	int64_t r = v > hi ? hi : v < 0 ? 0 : v;

	if (r != v && sticky)
		set_q(cpu);
	return r;
}

static int32_t half(uint32_t x, bool top)
{
	return (int16_t)(top ? x >> HALF_BITS : x);
}

uint64_t dbt_media_qaddsub(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			   uint64_t a, uint32_t sel)
{
	int64_t op2 = (int32_t)n, r;

	(void)a;
	if (sel & DBT_MEDIA_Q_DOUBLE)   /* saturated before the add */
		op2 = sat_signed(cpu, 2 * op2, WORD_BITS, true);
	r = (sel & DBT_MEDIA_Q_SUB) ? (int32_t)m - op2 : (int32_t)m + op2;
	return (uint32_t)sat_signed(cpu, r, WORD_BITS, true);
}

/* The shifted operand of SSAT/USAT: LSL #0-31 or ASR #1-32. */
static int64_t sat_operand(uint32_t n, uint32_t sel)
{
	unsigned amount = SEL_SHIFT_AMOUNT(sel);

	if (SEL_SHIFT_TYPE(sel) != A32_SHIFT_ASR)
		return (int32_t)(n << amount);
	return amount >= WORD_BITS ? (int32_t)n >> (WORD_BITS - 1)
				   : (int32_t)n >> amount;
}

uint64_t dbt_media_ssat(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			uint64_t a, uint32_t sel)
{
	(void)m;
	(void)a;
	return (uint32_t)sat_signed(cpu, sat_operand(n, sel), SEL_SAT(sel),
				    true);
}

uint64_t dbt_media_usat(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			uint64_t a, uint32_t sel)
{
	(void)m;
	(void)a;
	return (uint32_t)sat_unsigned(cpu, sat_operand(n, sel), SEL_SAT(sel),
				      true);
}

uint64_t dbt_media_ssat16(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			  uint64_t a, uint32_t sel)
{
	uint32_t lo = (uint32_t)sat_signed(cpu, half(n, false), sel, true);
	uint32_t hi = (uint32_t)sat_signed(cpu, half(n, true), sel, true);

	(void)m;
	(void)a;
	return (lo & 0xffffu) | hi << HALF_BITS;
}

uint64_t dbt_media_usat16(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			  uint64_t a, uint32_t sel)
{
	uint32_t lo = (uint32_t)sat_unsigned(cpu, half(n, false), sel, true);
	uint32_t hi = (uint32_t)sat_unsigned(cpu, half(n, true), sel, true);

	(void)m;
	(void)a;
	return lo | hi << HALF_BITS;
}

/* Lane i of width w, sign- or zero-extended. */
static int32_t lane(uint32_t x, unsigned i, unsigned w, bool sign)
{
	uint32_t v = (x >> (i * w)) & ((1u << w) - 1);

	if (sign && (v >> (w - 1)))
		return (int32_t)v - (int32_t)(1u << w);
	return (int32_t)v;
}

/* One lane of a parallel op: the wide result v, then the prefix's
 * modular, saturating or halving form; *ge as the S/U forms set it
 * (A8.8.134 SADD16, A8.8.254 UADD16: signed result >= 0, unsigned sum
 * >= 2^w, unsigned difference >= 0). */
static uint32_t lane_result(unsigned prefix, int32_t v, unsigned w,
			    bool sub, bool *ge)
{
	*ge = prefix == P_U && !sub ? v >= (int32_t)(1u << w) : v >= 0;
	switch (prefix) {
	case P_Q:
		return (uint32_t)sat_signed(NULL, v, w, false);
	case P_UQ:
		return (uint32_t)sat_unsigned(NULL, v, w, false);
	case P_SH: case P_UH:
		return (uint32_t)(v >> 1);
	default:
		return (uint32_t)v;
	}
}

uint64_t dbt_media_parallel(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			    uint64_t a, uint32_t sel)
{
	unsigned prefix = sel / K_COUNT, kind = sel % K_COUNT;
	unsigned w = kind >= K_ADD8 ? BYTE_BITS : HALF_BITS;
	bool sign = prefix < P_U;
	uint32_t res = 0, ge = 0;

	(void)a;
	for (unsigned i = 0; i < WORD_BITS / w; i++) {
		/* ASX/SAX pair each half of Rn with the other half of Rm. */
		bool cross = kind == K_ASX || kind == K_SAX;
		bool sub = kind == K_SUB16 || kind == K_SUB8 ||
			   (kind == K_ASX && i == 0) || (kind == K_SAX && i == 1);
		int32_t x = lane(n, i, w, sign);
		int32_t y = lane(m, cross ? 1 - i : i, w, sign);
		bool g;
		uint32_t r = lane_result(prefix, sub ? x - y : x + y, w, sub, &g);

		res |= (r & ((1u << w) - 1)) << (i * w);
		if (g)
			ge |= (w == HALF_BITS ? 3u : 1u) << (i * w / BYTE_BITS);
	}
	if (prefix == P_S || prefix == P_U)
		cpu->flags_priv[TR_FLAGS_GE] = ge;
	return res;
}

/* SEL (A8.8.149): byte i from Rn when GE[i] is set, else from Rm. */
uint64_t dbt_media_sel(struct arm_cpu *cpu, uint32_t n, uint32_t m,
		       uint64_t a, uint32_t sel)
{
	uint32_t ge = cpu->flags_priv[TR_FLAGS_GE], r = 0;

	(void)a;
	(void)sel;
	for (unsigned i = 0; i < WORD_BITS / BYTE_BITS; i++) {
		uint32_t mask = 0xffu << (i * BYTE_BITS);
		r |= ((ge >> i) & 1 ? n : m) & mask;
	}
	return r;
}

/* USAD8/USADA8 (A8.8.254-255): sum of absolute byte differences + Ra. */
uint64_t dbt_media_usada8(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			  uint64_t a, uint32_t sel)
{
	uint32_t sum = (uint32_t)a;

	(void)cpu;
	(void)sel;
	for (unsigned i = 0; i < WORD_BITS / BYTE_BITS; i++) {
		int32_t d = lane(n, i, BYTE_BITS, false) -
			    lane(m, i, BYTE_BITS, false);
		sum += (uint32_t)(d < 0 ? -d : d);
	}
	return sum;
}

/* SMLA<x><y> (A8.8.176): Q set when the 32-bit accumulate overflows. */
uint64_t dbt_media_smlaxy(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			  uint64_t a, uint32_t sel)
{
	int64_t r = (int64_t)half(n, sel & SEL_N_TOP) * half(m, sel & SEL_M_TOP) +
		    (int32_t)(uint32_t)a;

	if (r != (int32_t)r)
		set_q(cpu);
	return (uint32_t)r;
}

/* SMLAW<y> (A8.8.180): bits 47:16 of Rn * half + (Ra << 16). */
uint64_t dbt_media_smlawy(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			  uint64_t a, uint32_t sel)
{
	int64_t p = (int64_t)(int32_t)n * half(m, sel & SEL_M_TOP);
	int64_t r = (p >> HALF_BITS) + (int32_t)(uint32_t)a;

	if (r != (int32_t)r)
		set_q(cpu);
	return (uint32_t)r;
}

/* SMLAL<x><y> (A8.8.178): 64-bit accumulate, no saturation. */
uint64_t dbt_media_smlalxy(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			   uint64_t a, uint32_t sel)
{
	(void)cpu;
	return a + (uint64_t)((int64_t)half(n, sel & SEL_N_TOP) *
			      half(m, sel & SEL_M_TOP));
}

/* The two halfword products of the dual multiplies, M's halves swapped
 * for the X forms; their sum or difference. */
static int64_t dual(uint32_t n, uint32_t m, uint32_t sel)
{
	if (sel & DBT_MEDIA_SEL_SWAP)
		m = m >> HALF_BITS | m << HALF_BITS;
	int64_t p1 = (int64_t)half(n, false) * half(m, false);
	int64_t p2 = (int64_t)half(n, true) * half(m, true);
	return sel & DBT_MEDIA_SEL_SUB ? p1 - p2 : p1 + p2;
}

/* SMLAD/SMLSD/SMUAD/SMUSD (A8.8.177, A8.8.189, A8.8.196, A8.8.205): the
 * non-accumulating forms pass a = 0; Q is set on 32-bit overflow. */
uint64_t dbt_media_smlad(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			 uint64_t a, uint32_t sel)
{
	int64_t r = dual(n, m, sel) + (int32_t)(uint32_t)a;

	if (r != (int32_t)r)
		set_q(cpu);
	return (uint32_t)r;
}

/* SMLALD/SMLSLD (A8.8.179, A8.8.190): 64-bit accumulate. */
uint64_t dbt_media_smlald(struct arm_cpu *cpu, uint32_t n, uint32_t m,
			  uint64_t a, uint32_t sel)
{
	(void)cpu;
	return a + (uint64_t)dual(n, m, sel);
}
