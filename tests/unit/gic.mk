# GICv2 model (guest-arm/gic.c) against ARM IHI 0048B and QEMU's IDs.
GIC_TEST := $(BUILD)/unit/test_gic
$(GIC_TEST): tests/unit/test_gic.c guest-arm/gic.c guest-arm/gic.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_gic.c guest-arm/gic.c
TEST_DEPS += $(GIC_TEST)
TEST_SUITES += '$(GIC_TEST)'
