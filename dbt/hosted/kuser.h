/* The ARM Linux kuser helper page at 0xffff0000, and arm-run's signal
 * return trampolines, which live in the same page. */
#ifndef DBT_HOSTED_KUSER_H
#define DBT_HOSTED_KUSER_H

#include <stdint.h>

#include "guest_mem.h"

/* Where the signal delivery code points lr of a handler that has no
 * SA_RESTORER: code doing rt_sigreturn / sigreturn. */
#define KUSER_RT_SIGRETURN (GUEST_KUSER_PAGE + 0xe00u)
#define KUSER_SIGRETURN (GUEST_KUSER_PAGE + 0xe08u)

int kuser_map(void);

#endif
