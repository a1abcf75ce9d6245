/* The guest's physical address space: RAM runs backed by host frames
 * (gpa -> hpa is a short range lookup) and device regions, which are never
 * mapped in a shadow table so every access to them faults and is
 * emulated (DESIGN.md "Guest physical memory"). */
#ifndef SHADOW_GPA_H
#define SHADOW_GPA_H

#include <stdbool.h>
#include <stdint.h>

#define GPA_MAX_RAM_RUNS 64
#define GPA_MAX_DEVICES 16

struct gpa_device {
	const char *name;
	uint32_t base, size;
	/* size is 1, 2 or 4 bytes; offset is from base. A read of a register
	 * the model does not have returns 0 and is logged by the model. */
	uint32_t (*read)(void *ctx, uint32_t offset, unsigned size);
	void (*write)(void *ctx, uint32_t offset, unsigned size, uint32_t value);
	void *ctx;
	uint64_t accesses;
};

struct gpa_ram_run {
	uint32_t gpa;
	uint32_t size;
	uint64_t hpa;
};

/* Adds size bytes of RAM at gpa (2 MiB aligned), backed by zeroed host
 * frames; returns -1 if the host cannot back it. */
int gpa_add_ram(uint32_t gpa, uint32_t size);
int gpa_add_device(const struct gpa_device *dev);
/* Host physical address of guest physical gpa, or -1 if not RAM. */
int gpa_to_hpa(uint32_t gpa, uint64_t *hpa);
/* Monitor pointer to guest RAM [gpa, gpa+len), or NULL unless all RAM in
 * one run. */
void *gpa_ram_ptr(uint32_t gpa, uint32_t len);
struct gpa_device *gpa_find_device(uint32_t gpa);
uint32_t gpa_ram_size(void);

/* Guest physical page frame numbers of RAM are dense from here. */
#define GPA_PAGE_SHIFT 12

#endif
