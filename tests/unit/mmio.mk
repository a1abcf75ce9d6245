# Device-access emulation (guest-arm/mmio.c) against a fake memory.
MMIO_TEST := $(BUILD)/unit/test_mmio
$(MMIO_TEST): tests/unit/test_mmio.c guest-arm/mmio.c $(DBT_SAN_LIB) tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_mmio.c guest-arm/mmio.c $(DBT_SAN_LIB)
TEST_DEPS += $(MMIO_TEST)
TEST_SUITES += '$(MMIO_TEST)'
