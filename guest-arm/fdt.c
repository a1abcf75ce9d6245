/* Flattened device tree writer: the structure block grows in the caller's
 * buffer behind the header and an empty memory reservation block; property
 * names collect in the writer and are copied behind the structure block
 * when the tree is finished (Devicetree Specification v0.4, chapter 5). */
#include "guest-arm/fdt.h"

#include <string.h>

/* Header (spec 5.2): ten big-endian u32 fields. */
#define FDT_MAGIC 0xd00dfeedu
#define FDT_VERSION 17u
#define FDT_LAST_COMP_VERSION 16u
#define FDT_HEADER_SIZE 40u
#define FDT_HDR_MAGIC 0
#define FDT_HDR_TOTALSIZE 4
#define FDT_HDR_OFF_DT_STRUCT 8
#define FDT_HDR_OFF_DT_STRINGS 12
#define FDT_HDR_OFF_MEM_RSVMAP 16
#define FDT_HDR_VERSION 20
#define FDT_HDR_LAST_COMP_VERSION 24
#define FDT_HDR_BOOT_CPUID_PHYS 28
#define FDT_HDR_SIZE_DT_STRINGS 32
#define FDT_HDR_SIZE_DT_STRUCT 36

/* Memory reservation block (spec 5.3): 8-byte aligned {address, size}
 * pairs ended by a zero pair. The board reserves nothing (Linux protects
 * its own DTB and initrd), so the block is just the terminator. */
#define FDT_RSVMAP_OFF FDT_HEADER_SIZE
#define FDT_RSVMAP_ENTRY_SIZE 16u
#define FDT_STRUCT_OFF (FDT_RSVMAP_OFF + FDT_RSVMAP_ENTRY_SIZE)

/* Structure block tokens (spec 5.4.1); every token and value is padded
 * to a 4-byte boundary. */
#define FDT_BEGIN_NODE 0x1u
#define FDT_END_NODE 0x2u
#define FDT_PROP 0x3u
#define FDT_END 0x9u
#define FDT_ALIGN 4u

/* Property names are 1-31 characters (spec 2.2.4). */
#define FDT_PROP_NAME_MAX 31u

/* totalsize and the return value of fdt_finish() must fit an int. */
#define FDT_SIZE_MAX 0x7fffffffu

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static size_t align_up(size_t n)
{
	return (n + FDT_ALIGN - 1) & ~(size_t)(FDT_ALIGN - 1);
}

static int fail(struct fdt_writer *w, int err)
{
	if (!w->err)
		w->err = err;
	return w->err;
}

/* Reserves len bytes (padded) of the structure block, zero-filled so the
 * padding is zero as the spec requires. */
static uint8_t *reserve(struct fdt_writer *w, size_t len)
{
	size_t padded = align_up(len);
	uint8_t *p;

	if (w->err)
		return NULL;
	if (padded < len || padded > w->size - w->off) {
		fail(w, FDT_ERR_NOSPACE);
		return NULL;
	}
	p = w->buf + w->off;
	memset(p, 0, padded);
	w->off += padded;
	return p;
}

static int put_token(struct fdt_writer *w, uint32_t token)
{
	uint8_t *p = reserve(w, sizeof(uint32_t));

	if (p)
		put_be32(p, token);
	return w->err;
}

void fdt_begin(struct fdt_writer *w, void *buf, size_t size)
{
	w->buf = buf;
	w->size = size > FDT_SIZE_MAX ? FDT_SIZE_MAX : size;
	w->depth = 0;
	w->root_closed = false;
	w->err = 0;
	w->strings_len = 0;
	w->off = FDT_STRUCT_OFF;
	if (w->size < FDT_STRUCT_OFF) {
		w->off = w->size;
		fail(w, FDT_ERR_NOSPACE);
		return;
	}
	memset(w->buf, 0, FDT_STRUCT_OFF);
}

int fdt_begin_node(struct fdt_writer *w, const char *name)
{
	size_t len = strlen(name) + 1;
	uint8_t *p;

	if (w->err)
		return w->err;
	/* The tree has exactly one root, the only node with an empty name. */
	if (w->depth == 0 && (w->root_closed || name[0] != '\0'))
		return fail(w, FDT_ERR_NESTING);
	if (w->depth > 0 && name[0] == '\0')
		return fail(w, FDT_ERR_NAME);
	if (w->depth == FDT_DEPTH_MAX)
		return fail(w, FDT_ERR_NESTING);
	if (put_token(w, FDT_BEGIN_NODE))
		return w->err;
	p = reserve(w, len);
	if (p) {
		memcpy(p, name, len);
		w->depth++;
	}
	return w->err;
}

int fdt_end_node(struct fdt_writer *w)
{
	if (w->err)
		return w->err;
	if (w->depth == 0)
		return fail(w, FDT_ERR_NESTING);
	if (!put_token(w, FDT_END_NODE) && --w->depth == 0)
		w->root_closed = true;
	return w->err;
}

/* Offset of name in the strings block, adding it on first use. */
static int string_offset(struct fdt_writer *w, const char *name, uint32_t *off)
{
	size_t len = strlen(name) + 1;
	size_t i = 0;

	while (i < w->strings_len) {
		size_t here = strlen(&w->strings[i]) + 1;
		if (here == len && !memcmp(&w->strings[i], name, len)) {
			*off = (uint32_t)i;
			return 0;
		}
		i += here;
	}
	if (len > FDT_STRINGS_MAX - w->strings_len)
		return fail(w, FDT_ERR_STRINGS);
	memcpy(&w->strings[w->strings_len], name, len);
	*off = (uint32_t)w->strings_len;
	w->strings_len += len;
	return 0;
}

/* A property is FDT_PROP, then {len, nameoff}, then the value (5.4.1). */
int fdt_prop(struct fdt_writer *w, const char *name, const void *val,
	     size_t len)
{
	size_t name_len = strlen(name);
	uint32_t nameoff;
	uint8_t *p;

	if (w->err)
		return w->err;
	if (w->depth == 0)
		return fail(w, FDT_ERR_NESTING);
	if (name_len == 0 || name_len > FDT_PROP_NAME_MAX)
		return fail(w, FDT_ERR_NAME);
	if (len > FDT_SIZE_MAX)
		return fail(w, FDT_ERR_NOSPACE);
	if (string_offset(w, name, &nameoff) || put_token(w, FDT_PROP))
		return w->err;
	p = reserve(w, 2 * sizeof(uint32_t) + len);
	if (p) {
		put_be32(p, (uint32_t)len);
		put_be32(p + sizeof(uint32_t), nameoff);
		if (len)
			memcpy(p + 2 * sizeof(uint32_t), val, len);
	}
	return w->err;
}

int fdt_prop_empty(struct fdt_writer *w, const char *name)
{
	return fdt_prop(w, name, NULL, 0);
}

int fdt_prop_u32(struct fdt_writer *w, const char *name, uint32_t v)
{
	return fdt_prop_cells(w, name, &v, 1);
}

/* The value is built in place: the property header goes first with the
 * final length, then each cell is converted into the reserved space. */
int fdt_prop_cells(struct fdt_writer *w, const char *name,
		   const uint32_t *cells, size_t n)
{
	size_t len = n * sizeof(uint32_t);
	size_t at;

	if (n > FDT_SIZE_MAX / sizeof(uint32_t))
		return fail(w, FDT_ERR_NOSPACE);
	at = w->off + 3 * sizeof(uint32_t);
	if (fdt_prop(w, name, cells, len))
		return w->err;
	for (size_t i = 0; i < n; i++)
		put_be32(w->buf + at + i * sizeof(uint32_t), cells[i]);
	return 0;
}

int fdt_prop_string(struct fdt_writer *w, const char *name, const char *s)
{
	return fdt_prop(w, name, s, strlen(s) + 1);
}

int fdt_prop_strings(struct fdt_writer *w, const char *name,
		     const char *const *list, size_t n)
{
	size_t len = 0, at;

	for (size_t i = 0; i < n; i++)
		len += strlen(list[i]) + 1;
	at = w->off + 3 * sizeof(uint32_t);
	if (fdt_prop(w, name, NULL, 0) || !len)
		return w->err;
	/* Grow the empty property just written to hold the list. */
	if (!reserve(w, len))
		return w->err;
	put_be32(w->buf + at - 2 * sizeof(uint32_t), (uint32_t)len);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(list[i]) + 1;
		memcpy(w->buf + at, list[i], l);
		at += l;
	}
	return 0;
}

int fdt_pad(void *buf, size_t size, size_t total)
{
	uint8_t *h = buf;
	uint32_t now = get_be32(h + FDT_HDR_TOTALSIZE);

	if (size < FDT_HEADER_SIZE || get_be32(h + FDT_HDR_MAGIC) != FDT_MAGIC ||
	    total < now || total > size || total > FDT_SIZE_MAX)
		return FDT_ERR_NOSPACE;
	memset(h + now, 0, total - now);
	put_be32(h + FDT_HDR_TOTALSIZE, (uint32_t)total);
	return (int)total;
}

int fdt_finish(struct fdt_writer *w, uint32_t boot_cpuid)
{
	size_t struct_size, strings_off, total;
	uint8_t *h = w->buf;

	if (w->err)
		return w->err;
	if (!w->root_closed)
		return fail(w, FDT_ERR_NESTING);
	if (put_token(w, FDT_END))
		return w->err;
	struct_size = w->off - FDT_STRUCT_OFF;
	strings_off = w->off;
	if (w->strings_len > w->size - strings_off)
		return fail(w, FDT_ERR_NOSPACE);
	memcpy(h + strings_off, w->strings, w->strings_len);
	total = strings_off + w->strings_len;

	put_be32(h + FDT_HDR_MAGIC, FDT_MAGIC);
	put_be32(h + FDT_HDR_TOTALSIZE, (uint32_t)total);
	put_be32(h + FDT_HDR_OFF_DT_STRUCT, FDT_STRUCT_OFF);
	put_be32(h + FDT_HDR_OFF_DT_STRINGS, (uint32_t)strings_off);
	put_be32(h + FDT_HDR_OFF_MEM_RSVMAP, FDT_RSVMAP_OFF);
	put_be32(h + FDT_HDR_VERSION, FDT_VERSION);
	put_be32(h + FDT_HDR_LAST_COMP_VERSION, FDT_LAST_COMP_VERSION);
	put_be32(h + FDT_HDR_BOOT_CPUID_PHYS, boot_cpuid);
	put_be32(h + FDT_HDR_SIZE_DT_STRINGS, (uint32_t)w->strings_len);
	put_be32(h + FDT_HDR_SIZE_DT_STRUCT, (uint32_t)struct_size);
	return (int)total;
}
