/* The monitor's console output: kprintf() always prints, log_*() print
 * when the message's level is at or below the current one. Output goes to
 * whatever sink the platform registered (COM1 in the monitor). */
#ifndef LIB_LOG_H
#define LIB_LOG_H

#include <stddef.h>

enum log_level {
	LOG_ERROR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

typedef void (*log_sink_fn)(const char *s, size_t n);

void log_set_sink(log_sink_fn sink);
void log_set_level(enum log_level level);
/* Parses "error", "warn", "info" or "debug"; returns -1 if unknown. */
int log_level_parse(const char *name, size_t len, enum log_level *out);

void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_err(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
