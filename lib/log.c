/* Console logging with levels. Messages are formatted into a bounded
 * buffer and handed to the sink in one call, so lines from interrupt
 * handlers do not interleave mid-line with the sink's own locking. */
#include "lib/log.h"

#include <stdarg.h>
#include <string.h>

#include "lib/printf.h"

#define LOG_LINE_MAX 512

static log_sink_fn log_sink;
static enum log_level log_level = LOG_INFO;

static const char *const level_names[] = {
	[LOG_ERROR] = "error",
	[LOG_WARN] = "warn",
	[LOG_INFO] = "info",
	[LOG_DEBUG] = "debug",
};

void log_set_sink(log_sink_fn sink)
{
	log_sink = sink;
}

void log_set_level(enum log_level level)
{
	log_level = level;
}

int log_level_parse(const char *name, size_t len, enum log_level *out)
{
	for (unsigned i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strlen(level_names[i]) == len && !strncmp(name, level_names[i], len)) {
			*out = (enum log_level)i;
			return 0;
		}
	}
	return -1;
}

static void emit(const char *prefix, const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	size_t n = 0;

	if (!log_sink)
		return;
	if (prefix)
		n = (size_t)ksnprintf(line, sizeof(line), "%s: ", prefix);
	int m = kvsnprintf(line + n, sizeof(line) - n, fmt, ap);
	n += (size_t)m;
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	log_sink(line, n);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(NULL, fmt, ap);
	va_end(ap);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	if (level > log_level)
		return;
	va_start(ap, fmt);
	emit(level == LOG_INFO ? NULL : level_names[level], fmt, ap);
	va_end(ap);
}
