# Device tree writer and the virt board's tree (guest-arm/fdt.c,
# board_fdt.c), decompiled with dtc and compared with QEMU's tree in
# tests/unit/virt.dts. The sources are also built with the monitor's
# freestanding flags.
FDT_SRCS := guest-arm/fdt.c guest-arm/board_fdt.c
FDT_TEST := $(BUILD)/unit/test_fdt
$(FDT_TEST): tests/unit/test_fdt.c $(FDT_SRCS) guest-arm/fdt.h \
		guest-arm/board_fdt.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_fdt.c $(FDT_SRCS)
TEST_DEPS += $(FDT_TEST) $(patsubst %.c,$(BUILD)/k/%.o,$(FDT_SRCS))
TEST_SUITES += '$(FDT_TEST) $(BUILD)/unit tests/unit/virt.dts'
