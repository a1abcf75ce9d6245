/* Thumb-2 code as GCC writes it (compiled with -mthumb at several
 * optimisation levels), calling into and called back from the ARM-mode
 * C library: every line it prints is compared with qemu-arm's. It leans
 * on what Thumb code generation brings: IT blocks, CBZ/CBNZ, TBB/TBH
 * switch tables, 16-bit flag-setting forms, interworking calls and
 * returns, a Thumb signal handler, setjmp/longjmp. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash = 2166136261u;

static void mix(uint32_t v)
{
	hash = (hash ^ v) * 16777619u;
}

static __attribute__((noinline)) uint32_t table_small(uint32_t x)
{
	switch (x % 9) {  /* a TBB table */
	case 0: return x * 3;
	case 1: return x ^ 0x55aa;
	case 2: return x >> 3;
	case 3: return x + 7;
	case 4: return ~x;
	case 5: return x * x;
	case 6: return x - 1;
	case 7: return x | 0x100;
	default: return x << 2;
	}
}

static __attribute__((noinline)) uint32_t table_big(uint32_t x)
{
	volatile uint32_t pad = 0;
	switch (x % 7) {  /* far cases: a TBH table at -O2 */
	case 0: for (int i = 0; i < 40; i++) pad += (uint32_t)i * x; return pad;
	case 1: for (int i = 0; i < 40; i++) pad ^= x >> (i & 7); return pad;
	case 2: for (int i = 0; i < 40; i++) pad += x / (uint32_t)(i + 1); return pad;
	case 3: for (int i = 0; i < 40; i++) pad -= x % (uint32_t)(i + 3); return pad;
	case 4: for (int i = 0; i < 40; i++) pad |= x << (i & 15); return pad;
	case 5: for (int i = 0; i < 40; i++) pad += (x & (uint32_t)i) ? 1 : 2; return pad;
	default: return x;
	}
}

static __attribute__((noinline)) int32_t conds(int32_t a, int32_t b)
{
	int32_t r = 0;
	r += a < b ? a - b : b - a;
	r += (a & 1) ? a >> 1 : a << 1;
	r += a == 0 ? 17 : (b == 0 ? 19 : 23);
	r += (uint32_t)a > (uint32_t)b ? 1 : -1;
	r += a > 0 && b > 0 ? a % (b | 1) : 0;
	return r;
}

static __attribute__((noinline)) uint64_t wide(uint64_t a, uint64_t b)
{
	return a * b + (a >> 7) - (b << 3) + (b ? a / b : 0) + (a ? b % a : 0);
}

static __attribute__((noinline)) uint32_t bits(uint32_t x)
{
	uint32_t r = (uint32_t)__builtin_clz(x | 1) + (uint32_t)__builtin_popcount(x);
	r += __builtin_bswap32(x) ^ (uint32_t)(int32_t)(int16_t)x;
	r += (x >> 5 & 0x3ff) | ((x & 0xff) << 20);
	return r;
}

static int cmp_int(const void *a, const void *b)   /* called from ARM qsort */
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static volatile sig_atomic_t got;
static void on_signal(int sig)   /* a Thumb handler entered by the kernel */
{
	got = sig;
}

static jmp_buf env;
static __attribute__((noinline)) void deep(int n)
{
	if (n == 0)
		longjmp(env, 42);
	deep(n - 1);
}

int main(void)
{
	uint32_t x = 12345;
	for (int i = 0; i < 2000; i++) {
		x = x * 1103515245u + 12345u;
		mix(table_small(x >> 7));
		mix(table_big(x >> 9));
		mix((uint32_t)conds((int32_t)x, (int32_t)(x >> 13) - 40000));
		mix((uint32_t)wide(x, x >> 3 | 1));
		mix(bits(x));
	}
	printf("mixed %08x\n", hash);

	int a[300];
	for (int i = 0; i < 300; i++)
		a[i] = (int)((uint32_t)i * 2654435761u >> 20) - 2048;
	qsort(a, 300, sizeof(a[0]), cmp_int);
	long long s = 0;
	for (int i = 0; i < 300; i++)
		s += (long long)a[i] * (i + 1);
	printf("sorted %lld %d %d\n", s, a[0], a[299]);

	char buf[128];
	snprintf(buf, sizeof(buf), "%s-%d-%x-%.4f", "thumb", -77, 0xbeefu, 3.25);
	printf("%s %zu %d\n", buf, strlen(buf), strcmp(buf, "thumb"));

	signal(SIGUSR1, on_signal);
	raise(SIGUSR1);
	printf("signal %d\n", (int)got);

	int v = setjmp(env);
	if (!v)
		deep(20);
	printf("longjmp %d\n", v);
	return (int)(hash & 0x7f);
}
