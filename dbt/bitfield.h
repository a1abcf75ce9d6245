/* Bit-field helpers for the decoders (a32_*.c, t16_decode.c, t32_*.c):
 * the manual's x<hi:lo>, x<n>, ROR and SignExtend (ARM DDI 0406C
 * appendix D "Pseudocode definition", D5.3). */
#ifndef DBT_BITFIELD_H
#define DBT_BITFIELD_H

#include <stdint.h>

static inline uint32_t bits(uint32_t x, unsigned hi, unsigned lo)
{
	return (x >> lo) & ((2u << (hi - lo)) - 1u);
}

static inline uint32_t bit(uint32_t x, unsigned n)
{
	return (x >> n) & 1u;
}

static inline uint32_t ror32(uint32_t v, unsigned n)
{
	n &= 31;
	return n ? (v >> n) | (v << (32 - n)) : v;
}

static inline uint32_t sign_extend(uint32_t v, unsigned width)
{
	uint32_t m = 1u << (width - 1);
	return (v ^ m) - m;
}

#endif
