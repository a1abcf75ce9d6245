/* PSCI for one CPU: CPU_ON cannot start another CPU, so it is refused
 * with the code the specification gives for the case at hand. */
#include "guest-arm/psci.h"

/* MPIDR affinity of our only CPU (guest-arm/cp15.c reports Aff0 = 0). */
#define BOOT_CPU_MPIDR 0u

static int32_t features(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION: case PSCI_CPU_OFF: case PSCI_CPU_ON: case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO: case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF: case PSCI_SYSTEM_RESET: case PSCI_FEATURES:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

enum psci_action psci_call(struct arm_cpu *cpu)
{
	uint32_t fn = cpu->r[0];
	int32_t ret;

	switch (fn) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_0_2;
		break;
	case PSCI_SYSTEM_OFF:
		return PSCI_POWER_OFF;
	case PSCI_SYSTEM_RESET:
		return PSCI_RESET;
	case PSCI_CPU_ON:
	case PSCI_CPU_ON_64:
		ret = (cpu->r[1] & 0xffffff) == BOOT_CPU_MPIDR ? PSCI_ALREADY_ON
							      : PSCI_INVALID_PARAMETERS;
		break;
	case PSCI_AFFINITY_INFO:
		/* 0 = ON for our CPU; any other affinity does not exist. */
		ret = (cpu->r[1] & 0xffffff) == BOOT_CPU_MPIDR ? 0 : PSCI_INVALID_PARAMETERS;
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT;
		break;
	case PSCI_CPU_OFF:
		/* Turning off the last CPU is SYSTEM_OFF in all but name. */
		return PSCI_POWER_OFF;
	case PSCI_FEATURES:
		ret = features(cpu->r[1]);
		break;
	default:
		ret = PSCI_NOT_SUPPORTED;
		break;
	}
	cpu->r[0] = (uint32_t)ret;
	return PSCI_CONTINUE;
}
