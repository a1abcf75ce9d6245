/* kvsnprintf checked against the host C library's vsnprintf, the
 * independent reference, over every conversion, flag, width, length
 * modifier and truncation the monitor's formatter claims to support. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/printf.h"

static void compare(size_t size, const char *fmt, ...)
{
	char ours[256], ref[256];
	va_list a, b;

	memset(ours, 'X', sizeof(ours));
	memset(ref, 'X', sizeof(ref));
	va_start(a, fmt);
	va_copy(b, a);
	int n1 = kvsnprintf(ours, size, fmt, a);
	int n2 = vsnprintf(ref, size, fmt, b);
	va_end(a);
	va_end(b);
	if (n1 != n2 || memcmp(ours, ref, sizeof(ours))) {
		check_failed++;
		fprintf(stderr, "FAIL format \"%s\" size %zu: ours \"%.*s\" (%d), libc \"%.*s\" (%d)\n",
			fmt, size, (int)(size ? size : 1), ours, n1, (int)(size ? size : 1), ref, n2);
	} else {
		check_passed++;
	}
}

static const uint64_t values[] = {
	0, 1, 9, 10, 15, 16, 255, 0x7fffffff, 0x80000000, 0xffffffff,
	0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull,
};

static void check_integers(void)
{
	static const char *const fmts[] = {
		"%d", "%i", "%u", "%x", "%X", "%o", "%5d", "%-5d|", "%05d", "%08x",
		"%-8x|", "%#x", "%#X", "%#010x", "%20u", "%1d", "%0d",
	};
	static const char *const lfmts[] = {
		"%ld", "%lu", "%lx", "%016lx", "%-20ld|", "%lld", "%llx", "%zu",
		"%zx", "%#lx", "%20lo",
	};
	static const char *const hfmts[] = { "%hd", "%hu", "%hx", "%hhd", "%hhu", "%hhx" };

	for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
		for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
			compare(256, fmts[f], (int)values[v]);
		for (size_t f = 0; f < sizeof(lfmts) / sizeof(lfmts[0]); f++)
			compare(256, lfmts[f], (long)values[v]);
		for (size_t f = 0; f < sizeof(hfmts) / sizeof(hfmts[0]); f++)
			compare(256, hfmts[f], (int)values[v]);
	}
}

static void check_strings_and_truncation(void)
{
	compare(256, "%s|%10s|%-10s|%.3s|%5.2s|", "abc", "abc", "abc", "abcdef", "xyz");
	compare(256, "%c%c%c %%", 'a', 'b', 'c');
	compare(256, "%p", (void *)0x1234abcd);
	compare(256, "%*d|%-*d|%.*s", 6, 42, 6, 42, 2, "hello");
	compare(256, "no conversions at all");
	compare(256, "");
	for (size_t size = 0; size < 12; size++) {
		compare(size, "%s=%d", "truncated", 12345);
		compare(size, "%08x", 0xabcdef);
	}
}

static void check_random(void)
{
	srand(12345);
	for (int i = 0; i < 2000; i++) {
		uint64_t v = ((uint64_t)rand() << 33) ^ ((uint64_t)rand() << 10) ^ (uint64_t)rand();
		compare(256, "%lx %ld %lu %lo", (long)v, (long)v, (long)v, (long)v);
		compare((size_t)(rand() % 40), "%-12d|%012u|%x", (int)v, (unsigned)v, (unsigned)(v >> 7));
	}
}

int main(void)
{
	check_integers();
	check_strings_and_truncation();
	check_random();
	return check_report("unit-printf");
}
