# GDB remote protocol core (monitor/gdb_proto.c, gdb_packets.c,
# gdb_arm_xml.c) against a fake ARM target, byte for byte as "Debugging
# with GDB" appendix E specifies; then fuzzed; then driven by a real gdb.
GDB_PROTO_SRCS := monitor/gdb_proto.c monitor/gdb_packets.c monitor/gdb_arm_xml.c lib/printf.c
GDB_PROTO_HDRS := monitor/gdb_proto.h monitor/gdb_proto_int.h tests/unit/gdb_fake.h tests/unit/check.h
GDB_PROTO_TESTS := $(BUILD)/unit/test_gdb_proto $(BUILD)/unit/test_gdb_fuzz

$(GDB_PROTO_TESTS): $(BUILD)/unit/%: tests/unit/%.c $(GDB_PROTO_SRCS) $(GDB_PROTO_HDRS)
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ $< $(GDB_PROTO_SRCS)

# The same core on a TCP socket, for a real gdb-multiarch.
GDB_SERVE := $(BUILD)/unit/gdb_serve
$(GDB_SERVE): tests/unit/gdb_serve.c $(GDB_PROTO_SRCS) $(GDB_PROTO_HDRS)
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ $< $(GDB_PROTO_SRCS)

TEST_DEPS += $(GDB_PROTO_TESTS) $(GDB_SERVE)
TEST_SUITES += $(GDB_PROTO_TESTS:%='%') 'tests/unit/gdb_real.sh $(GDB_SERVE)'
