# Bare-metal ARM guest tests (tests/guest/): each NAME.c (with an optional
# NAME.S) is linked with the runtime in tests/guest/rt/ into a raw image,
# $(BUILD)/guest/NAME.bin, that runs at 0x40010000 on -M virt: under
# qemu-system-arm (the reference) and under armvisor, the runner comparing
# the two outputs line by line.

GUEST_CC ?= arm-none-eabi-gcc
GUEST_OBJCOPY ?= arm-none-eabi-objcopy
GUEST_DIR := $(BUILD)/guest
GUEST_CFLAGS := -std=gnu11 -marm -march=armv7-a -mfloat-abi=soft -O2 -g \
	-Wall -Wextra -Werror -ffreestanding -fno-builtin -nostdlib \
	-mno-unaligned-access -Itests/guest/rt
# The armv7-a multilib's libgcc, which is Thumb-2: every program's
# divisions and 64-bit shifts interwork into Thumb code and back.
GUEST_LIBGCC := $(shell $(GUEST_CC) -marm -march=armv7-a -mfloat-abi=soft \
	-print-libgcc-file-name 2>/dev/null)
GUEST_RT := tests/guest/rt/start.S tests/guest/rt/rt.c tests/guest/rt/mmu.c
GUEST_RT_DEPS := $(GUEST_RT) $(wildcard tests/guest/rt/*.h) \
	tests/guest/rt/guest.ld tests/guest/guest.mk
GUEST_PROGS := $(sort $(basename $(notdir $(wildcard tests/guest/*.c))))
GUEST_BINS := $(GUEST_PROGS:%=$(GUEST_DIR)/%.bin)

define guest_prog_rule
$(GUEST_DIR)/$(1).elf: tests/guest/$(1).c $(wildcard tests/guest/$(1).S) $(GUEST_RT_DEPS)
	@mkdir -p $$(dir $$@)
	$(V)$(GUEST_CC) $(GUEST_CFLAGS) -T tests/guest/rt/guest.ld -o $$@ \
		$(GUEST_RT) tests/guest/$(1).c $(wildcard tests/guest/$(1).S) $(GUEST_LIBGCC)
endef
$(foreach p,$(GUEST_PROGS),$(eval $(call guest_prog_rule,$(p))))

$(GUEST_DIR)/%.bin: $(GUEST_DIR)/%.elf
	$(V)$(GUEST_OBJCOPY) -O binary $< $@

guest: $(GUEST_BINS)
.PHONY: guest

TEST_DEPS += $(GUEST_BINS)
TEST_SUITES += 'python3 -B tests/guest/run.py --armvisor $(MONITOR) $(GUEST_BINS)'
