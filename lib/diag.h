/* A short list of one-line problem reports gathered while parsing boot
 * input, printed later when the console is up (and read by unit tests). */
#ifndef LIB_DIAG_H
#define LIB_DIAG_H

#define DIAG_MAX 8
#define DIAG_LEN 120

struct diag_list {
	char msg[DIAG_MAX][DIAG_LEN];
	unsigned n;
	unsigned dropped;       /* reports past DIAG_MAX */
};

void diag_add(struct diag_list *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
