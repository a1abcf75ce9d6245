# CMOS RTC register decoding (arch/x86_64/cmos.c) against Python's
# calendar.timegm; the port I/O part is monitor-only and not called here.
CMOS_TEST := $(BUILD)/unit/test_cmos
$(CMOS_TEST): tests/unit/test_cmos.c arch/x86_64/cmos.c arch/x86_64/cmos.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_cmos.c arch/x86_64/cmos.c
TEST_DEPS += $(CMOS_TEST)
TEST_SUITES += '$(CMOS_TEST)'
