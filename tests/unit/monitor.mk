# Host unit tests for the monitor's portable parts, built with ASan and
# UBSan. Each test binary is a suite for scripts/run-tests.sh.

UNIT_DIR := $(BUILD)/unit
UNIT_TESTS := printf bootinfo options mm
UNIT_SRCS_printf := lib/printf.c
UNIT_SRCS_bootinfo := boot/bootinfo.c lib/diag.c lib/printf.c
UNIT_SRCS_options := boot/options.c lib/diag.c lib/printf.c lib/log.c
UNIT_SRCS_mm := mm/pmm.c mm/heap.c mm/layout.c

define unit_test_rule
$(UNIT_DIR)/test_$(1): tests/unit/test_$(1).c $(UNIT_SRCS_$(1)) tests/unit/check.h
	@mkdir -p $$(dir $$@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $$@ tests/unit/test_$(1).c $(UNIT_SRCS_$(1))
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call unit_test_rule,$(t))))

TEST_DEPS += $(UNIT_TESTS:%=$(UNIT_DIR)/test_%)
TEST_SUITES += $(UNIT_TESTS:%='$(UNIT_DIR)/test_%')
