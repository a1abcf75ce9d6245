/* The guest's 32-bit address space inside arm-run: guest address A is host
 * address A. This module reserves the low 4 GiB, keeps the guest's view of
 * every page (mapped, R/W/X, holds translated code) and places the brk heap
 * and mmap regions. */
#ifndef DBT_HOSTED_GUEST_MEM_H
#define DBT_HOSTED_GUEST_MEM_H

#include <stdbool.h>
#include <stdint.h>

#define GUEST_PAGE_SIZE 4096u
#define GUEST_PAGE_MASK (GUEST_PAGE_SIZE - 1)
/* Linux refuses user mappings below vm.mmap_min_addr, 64 KiB by default. */
#define GUEST_LOW 0x10000u
/* ARM Linux with the 3G/1G split: TASK_SIZE = PAGE_OFFSET - 16 MiB. */
#define GUEST_STACK_TOP 0xbf000000u
#define GUEST_STACK_SIZE (8u << 20)
/* Top-down mmap area below the stack and a guard gap, as Linux does. */
#define GUEST_MMAP_TOP (GUEST_STACK_TOP - GUEST_STACK_SIZE - (16u << 20))
/* The vectors/kuser helper page (ARM DDI 0406C B1.8.1, high vectors). */
#define GUEST_KUSER_PAGE 0xffff0000u

/* Guest protections, the PROT_* bits as the ARM Linux ABI numbers them
 * (identical to x86-64's). */
#define GUEST_PROT_READ 0x1
#define GUEST_PROT_WRITE 0x2
#define GUEST_PROT_EXEC 0x4

static inline uint32_t guest_page_down(uint32_t a)
{
	return a & ~GUEST_PAGE_MASK;
}
static inline uint64_t guest_page_up(uint64_t a)
{
	return (a + GUEST_PAGE_MASK) & ~(uint64_t)GUEST_PAGE_MASK;
}
static inline void *guest_ptr(uint32_t addr) { return (void *)(uintptr_t)addr; }

/* Reserves [GUEST_LOW, 4 GiB) PROT_NONE; returns 0 or -errno. */
int guest_mem_init(void);

/* Maps anonymous zeroed memory at a fixed guest range; -errno on failure. */
int guest_mem_map_anon(uint32_t addr, uint32_t len, int prot);
/* Maps a file range (or anonymous memory with MAP_ANONYMOUS, fd -1) at a
 * fixed guest range; flags: MAP_SHARED or MAP_PRIVATE. */
int guest_mem_map_file(uint32_t addr, uint32_t len, int prot, int flags,
		       int fd, uint64_t off);
/* Returns the range to the reservation; -errno on failure. */
int guest_mem_unmap(uint32_t addr, uint32_t len);
int guest_mem_protect(uint32_t addr, uint32_t len, int prot);
/* Moves a mapping; returns the new address or -errno. */
int64_t guest_mem_remap(uint32_t old, uint32_t old_len, uint32_t new_len,
			bool may_move);

/* Finds a free range of len bytes, top-down from GUEST_MMAP_TOP, or 0. */
uint32_t guest_mem_find_free(uint32_t len);
bool guest_mem_range_free(uint32_t addr, uint64_t len);

/* True when every page of the range is mapped with all of prot. */
bool guest_mem_accessible(uint32_t addr, uint64_t len, int prot);

/* The brk heap: set once by the loader, then moved by brk(). */
void guest_mem_brk_init(uint32_t start);
uint32_t guest_mem_brk(uint32_t want);

/* Translated-code pages are write-protected on the host so a guest write
 * reaches guest_mem_code_write(). mark returns false when the page is not
 * mapped executable. */
bool guest_mem_mark_code(uint32_t page);
/* A write to addr hit a protected code page: drops the page's translations
 * and lifts the protection. False when addr is not such a page (a genuine
 * guest fault). */
bool guest_mem_code_write(uint32_t addr);
/* Before the host kernel writes into guest memory on the guest's behalf
 * (read(), stat()...), unprotect the code pages in the range, since the
 * kernel reports EFAULT rather than faulting. */
void guest_mem_prepare_write(uint32_t addr, uint64_t len);

/* Set by arm-run once the translator exists, so code writes can drop
 * translations. */
struct dbt;
void guest_mem_set_dbt(struct dbt *d);

#endif
