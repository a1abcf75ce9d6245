# PL011 UART model (guest-arm/pl011.c) against ARM DDI 0183G and QEMU's IDs.
PL011_TEST := $(BUILD)/unit/test_pl011
$(PL011_TEST): tests/unit/test_pl011.c guest-arm/pl011.c guest-arm/pl011.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_pl011.c guest-arm/pl011.c
TEST_DEPS += $(PL011_TEST)
TEST_SUITES += '$(PL011_TEST)'
