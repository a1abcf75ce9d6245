# Generic timer model (guest-arm/gtimer.c) against ARM DDI 0406C B8 with a
# fake host clock.
GTIMER_TEST := $(BUILD)/unit/test_gtimer
$(GTIMER_TEST): tests/unit/test_gtimer.c guest-arm/gtimer.c guest-arm/gtimer.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_gtimer.c guest-arm/gtimer.c
TEST_DEPS += $(GTIMER_TEST)
TEST_SUITES += '$(GTIMER_TEST)'
