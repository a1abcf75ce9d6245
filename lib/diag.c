/* Bounded diagnostic list: formatting never overruns, and an overflow is
 * counted rather than silently lost. */
#include "lib/diag.h"

#include <stdarg.h>

#include "lib/printf.h"

void diag_add(struct diag_list *d, const char *fmt, ...)
{
	va_list ap;

	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	kvsnprintf(d->msg[d->n++], DIAG_LEN, fmt, ap);
	va_end(ap);
}
