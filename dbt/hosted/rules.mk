# arm-run, the hosted runner (dbt/hosted/): links the translator library
# $(DBT_LIB). Included from dbt/rules.mk.

ARM_RUN := $(BUILD)/arm-run
ARM_RUN_SRCS := $(wildcard dbt/hosted/*.c)
ARM_RUN_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(ARM_RUN_SRCS))

# PIE, so arm-run lives far above the 4 GiB it reserves for the guest.
$(BUILD)/host/dbt/hosted/%.o: dbt/hosted/%.c
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(DBT_CFLAGS) -fPIE -c $< -o $@

$(ARM_RUN): $(ARM_RUN_OBJS) $(DBT_LIB)
	$(V)$(HOSTCC) -pie -o $@ $(ARM_RUN_OBJS) $(DBT_LIB)
	@echo "  LD  $@"

all: $(ARM_RUN)

-include $(ARM_RUN_OBJS:.o=.d)

# Busybox applets under arm-run and qemu-arm, outputs compared; the script
# fetches the busybox fixture itself when it is missing.
TEST_DEPS += $(ARM_RUN)
TEST_SUITES += "tests/dbt/busybox.sh $(ARM_RUN) $(BUILD)/busybox-test"
BENCH_DEPS += $(ARM_RUN)

# System calls as an ARM program sees them, arm-run against qemu-arm.
ARM_CC ?= arm-linux-gnueabi-gcc
ARM_SYSCALLS_TEST := $(BUILD)/tests/arm_run_syscalls
$(ARM_SYSCALLS_TEST): tests/dbt/arm_run_syscalls.c
	@mkdir -p $(dir $@)
	$(V)$(ARM_CC) -static -O2 -marm -Wall -Wno-unused-result \
		-D_FILE_OFFSET_BITS=64 -Wl,--no-warn-rwx-segments -o $@ $<
TEST_DEPS += $(ARM_SYSCALLS_TEST)
TEST_SUITES += "tests/dbt/arm_run_syscalls.sh $(ARM_RUN) $(ARM_SYSCALLS_TEST) $(BUILD)/arm-run-syscalls"
