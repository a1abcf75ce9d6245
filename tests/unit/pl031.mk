# PL031 RTC model (guest-arm/pl031.c) against ARM DDI 0224 and QEMU's IDs.
PL031_TEST := $(BUILD)/unit/test_pl031
$(PL031_TEST): tests/unit/test_pl031.c guest-arm/pl031.c guest-arm/pl031.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_pl031.c guest-arm/pl031.c
TEST_DEPS += $(PL031_TEST)
TEST_SUITES += '$(PL031_TEST)'
