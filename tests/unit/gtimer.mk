# Generic timer model (guest-arm/gtimer.c) against ARM DDI 0406C B8 with a
# fake host clock, and wired to the GIC model as the board wires them.
GTIMER_TEST := $(BUILD)/unit/test_gtimer
$(GTIMER_TEST): tests/unit/test_gtimer.c guest-arm/gtimer.c guest-arm/gtimer.h \
		guest-arm/gic.c guest-arm/gic.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_gtimer.c guest-arm/gtimer.c guest-arm/gic.c
TEST_DEPS += $(GTIMER_TEST)
TEST_SUITES += '$(GTIMER_TEST)'
