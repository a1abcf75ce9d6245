# Kernel image recognition and boot layout (guest-arm/loader.c) against
# crafted images, with the addresses QEMU's virt loader chose. Also built
# with the monitor's freestanding flags.
LOADER_TEST := $(BUILD)/unit/test_loader
$(LOADER_TEST): tests/unit/test_loader.c guest-arm/loader.c guest-arm/loader.h \
		lib/printf.c tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_loader.c \
		guest-arm/loader.c lib/printf.c
TEST_DEPS += $(LOADER_TEST) $(BUILD)/k/guest-arm/loader.o
TEST_SUITES += '$(LOADER_TEST)'
