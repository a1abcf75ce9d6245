# System-mode translator test (tests/unit/test_dbt_sys.c): A32 sequences
# run through dbt_run() with system_mode set, exits checked against the
# ARM manual. Included from tests/unit/rules.mk.
DBT_SYS_TEST := $(BUILD)/tests/test_dbt_sys
$(DBT_SYS_TEST): tests/unit/test_dbt_sys.c $(DBT_SAN_LIB)
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ $< $(DBT_SAN_LIB)
TEST_DEPS += $(DBT_SYS_TEST)
TEST_SUITES += "$(DBT_SYS_TEST)"
