/* A first-fit heap with an address-ordered free list, so neighbours
 * coalesce on free. It grows through a callback that supplies page
 * multiples, which keeps it testable on the host. */
#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define HEAP_ALIGN 16
#define HEAP_GROW_MIN (64 * 1024)

struct heap_free;

/* Supplies at least bytes (a page multiple) of memory; 0 on success. */
typedef int (*heap_grow_fn)(void *ctx, size_t bytes, void **out);

struct heap {
	struct heap_free *free;
	heap_grow_fn grow;
	void *ctx;
	size_t total;   /* bytes obtained from grow */
	size_t used;    /* bytes in allocated blocks, headers included */
};

void heap_init(struct heap *h, heap_grow_fn grow, void *ctx);
/* Returns NULL when n is 0 or memory runs out. */
void *heap_alloc(struct heap *h, size_t n);
/* Returns -1 for a pointer this heap did not hand out (or a double free). */
int heap_free(struct heap *h, void *ptr);

#endif
