# The translator as host static libraries: $(DBT_LIB) for arm-run (plain,
# optimised) and $(DBT_SAN_LIB) for unit tests (ASan/UBSan). Other helpers
# append their own lines below (arm-run links $(DBT_LIB)).

DBT_SRCS := $(wildcard dbt/*.c)
DBT_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(DBT_SRCS))
DBT_SAN_OBJS := $(patsubst %.c,$(BUILD)/san/%.o,$(DBT_SRCS))
DBT_LIB := $(BUILD)/libdbt.a
DBT_SAN_LIB := $(BUILD)/libdbt-san.a
DBT_CFLAGS := $(HOST_CFLAGS) -O2

$(BUILD)/host/dbt/%.o: dbt/%.c
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(DBT_CFLAGS) -c $< -o $@

$(BUILD)/san/dbt/%.o: dbt/%.c
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -c $< -o $@

$(DBT_LIB): $(DBT_OBJS)
	$(V)rm -f $@ && ar rcs $@ $^

$(DBT_SAN_LIB): $(DBT_SAN_OBJS)
	$(V)rm -f $@ && ar rcs $@ $^

all: $(DBT_LIB)

-include $(DBT_OBJS:.o=.d) $(DBT_SAN_OBJS:.o=.d)

# Encoder unit test: byte-for-byte comparison with GNU as.
X86_EMIT_TEST := $(BUILD)/tests/test_x86_emit
$(X86_EMIT_TEST): tests/unit/test_x86_emit.c $(DBT_SAN_LIB)
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ $< $(DBT_SAN_LIB)
TEST_DEPS += $(X86_EMIT_TEST)
TEST_SUITES += "tests/unit/x86_emit_vs_as.sh $(X86_EMIT_TEST)"

# The hosted runner arm-run and its tests (dbt/hosted/).
-include dbt/hosted/rules.mk
