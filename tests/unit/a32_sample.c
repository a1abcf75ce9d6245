/* Compiled ARMv7-A code (with SDIV/UDIV, as on a Cortex-A15) for the
 * decoder test (test_a32_decode --elf):
 * compiled code must decode completely, so this leans on the constructs
 * that make GCC emit the less common A32 instructions (long multiplies,
 * divides, bitfields, saturation, byte reversal, exclusives, halfword
 * and doubleword accesses, conditional execution). It is linked
 * statically, which brings in glibc's hand-written assembly as well. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fields {
	unsigned a : 3, b : 7, c : 12;
	int d : 5;
};

static volatile uint32_t sink32;
static volatile uint64_t sink64;

static __attribute__((noinline)) int64_t mul_forms(int32_t a, int32_t b,
						   int64_t acc)
{
	int16_t ha = (int16_t)a, hb = (int16_t)(b >> 16);
	sink32 = (uint32_t)(a * b + (int32_t)acc);
	sink32 = (uint32_t)((int64_t)a * b >> 32);
	sink32 = (uint32_t)(ha * hb + a);
	return acc + (int64_t)a * b + (uint64_t)(uint32_t)a * (uint32_t)b;
}

static __attribute__((noinline)) uint32_t bit_forms(uint32_t x, uint32_t y,
						    struct fields *f)
{
	f->b = (unsigned)x;
	f->d = (int)y;
	sink32 = __builtin_bswap32(x) ^ __builtin_bswap16((uint16_t)y);
	sink32 = (uint32_t)__builtin_clz(x | 1) + (x ? (uint32_t)__builtin_ctz(x) : 0);
	sink32 = (uint32_t)(int8_t)x + (uint32_t)(uint16_t)y + (uint32_t)(int16_t)(x >> 8);
	return (uint32_t)f->d + f->b + f->c + (x / (y | 1)) + (uint32_t)((int32_t)x % ((int32_t)y | 1));
}

static __attribute__((noinline)) int32_t sat_forms(int32_t x)
{
	int32_t r = x > 127 ? 127 : x < -128 ? -128 : x;
	uint32_t u = x > 255 ? 255 : x < 0 ? 0 : (uint32_t)x;
	return r + (int32_t)u;
}

static __attribute__((noinline)) uint32_t mem_forms(const uint16_t *h,
						    const int8_t *b,
						    uint64_t *d, int n)
{
	uint32_t s = 0;
	for (int i = 0; i < n; i++) {
		s += h[i] + (uint32_t)b[i];
		d[i] ^= s;
	}
	return s;
}

int main(int argc, char **argv)
{
	struct fields f = { 1, 2, 3, 4 };
	uint16_t h[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	int8_t b[8] = { -1, 2, -3, 4, -5, 6, -7, 8 };
	uint64_t d[8] = { 0 };
	int shared = argc;

	(void)argv;
	sink64 = (uint64_t)mul_forms(argc, 7, 9);
	sink32 = bit_forms((uint32_t)argc, 3, &f);
	sink32 = (uint32_t)sat_forms(argc * 1000);
	sink32 = mem_forms(h, b, d, argc + 6);
	__atomic_fetch_add(&shared, 1, __ATOMIC_SEQ_CST);
	sink64 = __atomic_exchange_n(&d[1], 5, __ATOMIC_SEQ_CST);
	printf("%d %s\n", shared, strchr("decoder", 'c'));
	return 0;
}
