/* Private to dbt/: breakpoints and single-step in translation
 * (translate_debug.c; the public half is in dbt.h). */
#ifndef DBT_TRANSLATE_DEBUG_H
#define DBT_TRANSLATE_DEBUG_H

#include <stdbool.h>
#include <stdint.h>

struct dbt;
struct tr;

/* Is there a breakpoint at pc that translation must stop at? */
bool tr_debug_is_break(const struct dbt *d, uint32_t pc);
/* The most instructions a block may hold (1 while single-stepping). */
unsigned tr_debug_max_insns(const struct dbt *d);
/* While single-stepping, end the block by leaving dbt_run() with
 * DBT_EXIT_STEP and pc = the 32-bit value in host instead of chaining or
 * looking up the next block; returns false (nothing emitted) otherwise. */
bool tr_debug_end(struct tr *t, int host);
/* The whole block at a breakpoint: leave with DBT_EXIT_DEBUG. */
void tr_debug_break_block(struct tr *t);

#endif
