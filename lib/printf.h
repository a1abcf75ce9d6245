/* Formatted output for the monitor: a vsnprintf with the conversions the
 * monitor uses (%d %i %u %x %X %o %p %s %c %%, flags '-' '0' '#', field
 * widths and precision for %s, length modifiers hh h l ll z j t). */
#ifndef LIB_PRINTF_H
#define LIB_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

/* Like C's vsnprintf: writes at most size-1 characters plus a NUL and
 * returns the length the full output would have had. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
