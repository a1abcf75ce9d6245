# Host unit tests for the guest CPU's system state (guest-arm/arm_sys.c,
# cp15*.c, sysinsn.c, sysmem.c) with ASan and UBSan, against fakes of
# memory, timer and the translator's flag accessors. The same sources are
# also compiled with the monitor's freestanding flags, so a libc
# dependency shows up here before the monitor links them.

ARMSYS_SRCS := guest-arm/arm_sys.c guest-arm/cp15.c guest-arm/cp15_regs.c \
	guest-arm/cp15_pmu.c guest-arm/sysinsn.c guest-arm/sysmem.c
# The decoders too: arm_sys_exec() decodes A32 and T32 (every dbt/t16_*
# and dbt/t32_* source, whatever the T32 decoder's files are called).
ARMSYS_DEPS := $(ARMSYS_SRCS) dbt/a32_decode.c dbt/a32_decode_tab.c \
	dbt/a32_fields.c dbt/a32_names.c $(wildcard dbt/t16_*.c dbt/t32_*.c) \
	shadow/walk.c
ARMSYS_HDRS := guest-arm/arm_sys.h guest-arm/arm_sys_int.h guest-arm/cp15.h \
	dbt/t32_decode.h tests/unit/armsys_fake.h tests/unit/check.h
ARMSYS_TESTS := armsys armsys_cp15 armsys_thumb

define armsys_test_rule
$(BUILD)/unit/test_$(1): tests/unit/test_$(1).c $(ARMSYS_DEPS) $(ARMSYS_HDRS)
	@mkdir -p $$(dir $$@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $$@ tests/unit/test_$(1).c $(ARMSYS_DEPS)
endef
$(foreach t,$(ARMSYS_TESTS),$(eval $(call armsys_test_rule,$(t))))

TEST_DEPS += $(ARMSYS_TESTS:%=$(BUILD)/unit/test_%) \
	$(patsubst %.c,$(BUILD)/k/%.o,$(ARMSYS_SRCS))
TEST_SUITES += $(ARMSYS_TESTS:%='$(BUILD)/unit/test_%')
