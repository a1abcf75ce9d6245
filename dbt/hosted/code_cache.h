/* arm-run's code cache placement and the translator's code-page hook. */
#ifndef DBT_HOSTED_CODE_CACHE_H
#define DBT_HOSTED_CODE_CACHE_H

#include <stddef.h>

/* Maps an executable buffer of size bytes within rel32 reach of arm-run's
 * text. Returns 0 or -errno (-ERANGE: no such place found). */
int code_cache_alloc(size_t size, void **buf);

#endif
