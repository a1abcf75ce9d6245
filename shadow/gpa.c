/* Guest physical memory: RAM runs and device regions. */
#include "shadow/gpa.h"

#include <stddef.h>
#include <string.h>

#include "arch/x86_64/layout.h"
#include "lib/log.h"
#include "mm/mm.h"

#define RUN_ALIGN (2u << 20)

static struct gpa_ram_run runs[GPA_MAX_RAM_RUNS];
static unsigned nruns;
static struct gpa_device devices[GPA_MAX_DEVICES];
static unsigned ndevices;
static uint32_t ram_total;

/* Backs [gpa, gpa+size) with the largest contiguous host runs the frame
 * allocator has, so most guests get one or two runs. */
int gpa_add_ram(uint32_t gpa, uint32_t size)
{
	uint32_t done = 0;

	if (gpa % RUN_ALIGN || size % RUN_ALIGN)
		return -1;
	while (done < size) {
		uint32_t chunk = size - done;
		uint64_t hpa;
		while (chunk >= RUN_ALIGN &&
		       frame_alloc_aligned(chunk / PAGE_SIZE, RUN_ALIGN / PAGE_SIZE, &hpa))
			chunk = (chunk / 2) & ~(RUN_ALIGN - 1);
		if (chunk < RUN_ALIGN || nruns == GPA_MAX_RAM_RUNS) {
			log_err("guest RAM: the host cannot back %u MiB at %#x\n",
				size >> 20, gpa);
			return -1;
		}
		memset(phys_to_virt(hpa), 0, chunk);
		runs[nruns++] = (struct gpa_ram_run){ gpa + done, chunk, hpa };
		done += chunk;
	}
	ram_total += size;
	return 0;
}

int gpa_add_device(const struct gpa_device *dev)
{
	if (ndevices == GPA_MAX_DEVICES)
		return -1;
	devices[ndevices++] = *dev;
	return 0;
}

static const struct gpa_ram_run *find_run(uint32_t gpa)
{
	for (unsigned i = 0; i < nruns; i++)
		if (gpa - runs[i].gpa < runs[i].size)
			return &runs[i];
	return NULL;
}

int gpa_to_hpa(uint32_t gpa, uint64_t *hpa)
{
	const struct gpa_ram_run *r = find_run(gpa);

	if (!r)
		return -1;
	*hpa = r->hpa + (gpa - r->gpa);
	return 0;
}

void *gpa_ram_ptr(uint32_t gpa, uint32_t len)
{
	const struct gpa_ram_run *r = find_run(gpa);

	if (!r || len > r->size - (gpa - r->gpa))
		return NULL;
	return phys_to_virt(r->hpa + (gpa - r->gpa));
}

struct gpa_device *gpa_find_device(uint32_t gpa)
{
	for (unsigned i = 0; i < ndevices; i++)
		if (gpa - devices[i].base < devices[i].size)
			return &devices[i];
	return NULL;
}

uint32_t gpa_ram_size(void)
{
	return ram_total;
}
