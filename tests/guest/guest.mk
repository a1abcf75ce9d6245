# Bare-metal ARM guest tests (tests/guest/): each NAME.c (with an optional
# NAME.S) is linked with the runtime in tests/guest/rt/ into a raw image,
# $(BUILD)/guest/NAME.bin, that runs at 0x40010000 on -M virt: under
# qemu-system-arm (the reference) and, with GUEST_ON_ARMVISOR=1, also under
# armvisor, the runner comparing the two outputs line by line.

GUEST_CC ?= arm-none-eabi-gcc
GUEST_OBJCOPY ?= arm-none-eabi-objcopy
GUEST_ON_ARMVISOR ?= 0
GUEST_DIR := $(BUILD)/guest
GUEST_CFLAGS := -std=gnu11 -marm -march=armv7-a -mfloat-abi=soft -O2 -g \
	-Wall -Wextra -Werror -ffreestanding -fno-builtin -nostdlib \
	-mno-unaligned-access -Itests/guest/rt
GUEST_RT := tests/guest/rt/start.S tests/guest/rt/rt.c tests/guest/rt/mmu.c
GUEST_RT_DEPS := $(GUEST_RT) $(wildcard tests/guest/rt/*.h) \
	tests/guest/rt/guest.ld tests/guest/guest.mk
GUEST_PROGS := $(sort $(basename $(notdir $(wildcard tests/guest/*.c))))
GUEST_BINS := $(GUEST_PROGS:%=$(GUEST_DIR)/%.bin)

define guest_prog_rule
$(GUEST_DIR)/$(1).elf: tests/guest/$(1).c $(wildcard tests/guest/$(1).S) $(GUEST_RT_DEPS)
	@mkdir -p $$(dir $$@)
	$(V)$(GUEST_CC) $(GUEST_CFLAGS) -T tests/guest/rt/guest.ld -o $$@ \
		$(GUEST_RT) tests/guest/$(1).c $(wildcard tests/guest/$(1).S) -lgcc
endef
$(foreach p,$(GUEST_PROGS),$(eval $(call guest_prog_rule,$(p))))

$(GUEST_DIR)/%.bin: $(GUEST_DIR)/%.elf
	$(V)$(GUEST_OBJCOPY) -O binary $< $@

guest: $(GUEST_BINS)
.PHONY: guest

TEST_DEPS += $(GUEST_BINS)
ifeq ($(GUEST_ON_ARMVISOR),1)
TEST_SUITES += 'python3 -B tests/guest/run.py --armvisor $(MONITOR) $(GUEST_BINS)'
else
TEST_SUITES += 'python3 -B tests/guest/run.py $(GUEST_BINS)'
endif
