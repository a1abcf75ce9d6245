/* PSCI 0.2 (ARM DEN 0022D) for a single CPU, over HVC or SMC as on
 * QEMU's virt board. */
#ifndef GUEST_ARM_PSCI_H
#define GUEST_ARM_PSCI_H

#include <stdbool.h>
#include <stdint.h>

#include "dbt/arm_cpu.h"

/* Function IDs (ARM DEN 0022D, Table 5-1; SMC32 convention). */
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_SUSPEND 0x84000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON 0x84000003u
#define PSCI_AFFINITY_INFO 0x84000004u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000Au
#define PSCI_CPU_ON_64 0xC4000003u

/* Return codes (Table 5-2). */
#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED (-3)
#define PSCI_ALREADY_ON (-4)

/* Version 0.2: major in bits 31:16, minor in 15:0. */
#define PSCI_VERSION_0_2 0x00000002u
/* MIGRATE_INFO_TYPE: no Trusted OS that needs migration. */
#define PSCI_TOS_NOT_PRESENT 2

enum psci_action {
	PSCI_CONTINUE,     /* r0 holds the result */
	PSCI_POWER_OFF,
	PSCI_RESET,
};

/* Handles the call in r0 with arguments r1-r3. */
enum psci_action psci_call(struct arm_cpu *cpu);

#endif
