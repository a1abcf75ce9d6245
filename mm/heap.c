/* Heap blocks carry a header with their size and a tag that tells an
 * allocated block from a free one, so a double or foreign free is
 * detected instead of corrupting the list. */
#include "mm/heap.h"

#include <stdbool.h>

#define TAG_USED 0xA110CA7EDB10C000ull
#define TAG_FREE 0xF4EEB10C0000F4EEull

struct heap_hdr {
	size_t size;      /* whole block, header included */
	uint64_t tag;
};

struct heap_free {
	struct heap_hdr hdr;
	struct heap_free *next;
};

static size_t round_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

/* Every block size is a multiple of HEAP_ALIGN, so every block, and the
 * payload after its header, stays aligned. */
#define MIN_BLOCK round_up(sizeof(struct heap_free) + HEAP_ALIGN, HEAP_ALIGN)

void heap_init(struct heap *h, heap_grow_fn grow, void *ctx)
{
	*h = (struct heap){ .grow = grow, .ctx = ctx };
}

/* Inserts b in address order and merges it with adjacent free blocks. */
static void insert_free(struct heap *h, struct heap_free *b)
{
	struct heap_free *prev = NULL, *cur = h->free;

	b->hdr.tag = TAG_FREE;
	while (cur && cur < b) {
		prev = cur;
		cur = cur->next;
	}
	b->next = cur;
	if (prev)
		prev->next = b;
	else
		h->free = b;
	if (cur && (char *)b + b->hdr.size == (char *)cur) {
		b->hdr.size += cur->hdr.size;
		b->next = cur->next;
	}
	if (prev && (char *)prev + prev->hdr.size == (char *)b) {
		prev->hdr.size += b->hdr.size;
		prev->next = b->next;
	}
}

static bool grow(struct heap *h, size_t need)
{
	size_t bytes = round_up(need > HEAP_GROW_MIN ? need : HEAP_GROW_MIN, 4096);
	void *mem;

	if (!h->grow || h->grow(h->ctx, bytes, &mem))
		return false;
	struct heap_free *b = mem;
	b->hdr.size = bytes;
	h->total += bytes;
	insert_free(h, b);
	return true;
}

void *heap_alloc(struct heap *h, size_t n)
{
	if (n == 0 || n > SIZE_MAX / 2)
		return NULL;
	size_t need = round_up(n + sizeof(struct heap_hdr), HEAP_ALIGN);
	if (need < MIN_BLOCK)
		need = MIN_BLOCK;
	for (int attempt = 0; attempt < 2; attempt++) {
		for (struct heap_free **pp = &h->free; *pp; pp = &(*pp)->next) {
			struct heap_free *b = *pp;
			if (b->hdr.size < need)
				continue;
			if (b->hdr.size - need >= MIN_BLOCK) {
				struct heap_free *rest = (struct heap_free *)((char *)b + need);
				rest->hdr = (struct heap_hdr){ b->hdr.size - need, TAG_FREE };
				rest->next = b->next;
				*pp = rest;
				b->hdr.size = need;
			} else {
				*pp = b->next;
			}
			b->hdr.tag = TAG_USED;
			h->used += b->hdr.size;
			return (char *)b + sizeof(struct heap_hdr);
		}
		if (!grow(h, need))
			return NULL;
	}
	return NULL;
}

int heap_free(struct heap *h, void *ptr)
{
	if (!ptr)
		return 0;
	if ((uintptr_t)ptr % HEAP_ALIGN)
		return -1;
	struct heap_free *b = (struct heap_free *)((char *)ptr - sizeof(struct heap_hdr));
	if (b->hdr.tag != TAG_USED)
		return -1;
	h->used -= b->hdr.size;
	insert_free(h, b);
	return 0;
}
