/* A minimal check harness for host unit tests: counts passes and
 * failures, prints each failure with its location, and ends with the
 * suite line scripts/run-tests.sh adds up. */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <inttypes.h>
#include <stdio.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (cond) {                                                    \
			check_passed++;                                        \
		} else {                                                       \
			check_failed++;                                        \
			fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                        \
		}                                                              \
	} while (0)

#define CHECK_EQ(a, b)                                                           \
	do {                                                                     \
		uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b);                 \
		if (a_ == b_) {                                                  \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "FAIL %s:%d: %s == %s (%#" PRIx64         \
				" != %#" PRIx64 ")\n", __FILE__, __LINE__, #a, #b, \
				a_, b_);                                         \
		}                                                                \
	} while (0)

static inline int check_report(const char *suite)
{
	printf("suite %s: %d passed, %d failed\n", suite, check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
