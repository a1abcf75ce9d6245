/* The start-up banner on COM1: version, CPU, clocks, memory, modules and
 * options, then every problem found while parsing boot input. */
#ifndef BOOT_BANNER_H
#define BOOT_BANNER_H

#include <stdbool.h>
#include <stdint.h>

#include "boot/bootinfo.h"
#include "boot/options.h"

struct timer_check {
	bool fired;
	uint64_t elapsed_us;
};

/* What bring-up learned that only the banner reports. */
struct banner_facts {
	bool com2;
	bool ioapic_ok;
	struct timer_check timer;
};

void banner_print(const struct boot_info *bi, const struct options *o,
		  const struct banner_facts *f);

#endif
