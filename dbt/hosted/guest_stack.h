/* The initial guest stack: argument and environment strings, and the
 * argc/argv/envp/auxv block the ARM Linux ABI puts at the stack pointer. */
#ifndef DBT_HOSTED_GUEST_STACK_H
#define DBT_HOSTED_GUEST_STACK_H

#include <stdint.h>

#include "elf_load.h"

/* Maps the stack and fills it; returns 0 and the initial sp, or -errno. */
int guest_stack_setup(const struct elf_image *img, int argc,
		      char *const *argv, char *const *envp, const char *execfn,
		      uint32_t *sp);

#endif
