# Host unit tests for the short-descriptor walker (shadow/walk.c), built
# with ASan and UBSan; expected values come from ARM DDI 0406C.

WALK_TEST := $(BUILD)/unit/test_walk

$(WALK_TEST): tests/unit/test_walk.c shadow/walk.c shadow/walk.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_walk.c shadow/walk.c

TEST_DEPS += $(WALK_TEST)
TEST_SUITES += '$(WALK_TEST)'
