/* A flattened device tree writer (Devicetree Specification v0.4, chapter 5)
 * into a caller-provided buffer: nodes and properties are appended in
 * order, then fdt_finish() lays down the header and the strings block.
 * Errors are sticky: after the first one every call returns it, so a
 * builder can issue a run of calls and check the last one. */
#ifndef GUEST_ARM_FDT_H
#define GUEST_ARM_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDT_ERR_NOSPACE (-1)  /* the buffer is too small for the tree */
#define FDT_ERR_STRINGS (-2)  /* more distinct property names than fit */
#define FDT_ERR_NAME (-3)     /* empty name, or a property name > 31 chars */
#define FDT_ERR_NESTING (-4)  /* nodes too deep or unbalanced, not exactly
				 one root, or a property outside any node */

/* Room for the distinct property names of one tree; the virt board uses
 * about 400 bytes of them. */
#define FDT_STRINGS_MAX 1024u
#define FDT_DEPTH_MAX 16

struct fdt_writer {
	uint8_t *buf;
	size_t size;
	size_t off;         /* end of the structure block written so far */
	int depth;
	bool root_closed;
	int err;
	size_t strings_len;
	char strings[FDT_STRINGS_MAX];
};

/* Starts a tree in buf[0..size). The buffer needs no alignment; the guest
 * address it is copied to must be 8-byte aligned (spec 5.1). */
void fdt_begin(struct fdt_writer *w, void *buf, size_t size);

int fdt_begin_node(struct fdt_writer *w, const char *name);
int fdt_end_node(struct fdt_writer *w);

int fdt_prop(struct fdt_writer *w, const char *name, const void *val,
	     size_t len);
int fdt_prop_empty(struct fdt_writer *w, const char *name);
int fdt_prop_u32(struct fdt_writer *w, const char *name, uint32_t v);
/* Each cell stored big-endian, as the spec's <u32> values are. */
int fdt_prop_cells(struct fdt_writer *w, const char *name,
		   const uint32_t *cells, size_t n);
int fdt_prop_string(struct fdt_writer *w, const char *name, const char *s);
/* A stringlist: n NUL-terminated strings back to back. */
int fdt_prop_strings(struct fdt_writer *w, const char *name,
		     const char *const *list, size_t n);

/* Ends the structure block, appends the strings block and writes the
 * header. Returns the blob's total size, or a negative FDT_ERR_*. */
/* Grows a finished tree's totalsize to total bytes of trailing free space
 * (zeroed), as a loader that hands over its whole buffer does. Returns
 * total, or FDT_ERR_NOSPACE if buf is not a tree or size is too small. */
int fdt_pad(void *buf, size_t size, size_t total);

int fdt_finish(struct fdt_writer *w, uint32_t boot_cpuid);

#endif
