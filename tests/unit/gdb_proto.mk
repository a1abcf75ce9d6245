# GDB remote protocol core (monitor/gdb_proto.c, gdb_packets.c,
# gdb_arm_xml.c) against a fake ARM target, byte for byte as "Debugging
# with GDB" appendix E specifies, then fuzzed.
GDB_PROTO_TEST := $(BUILD)/unit/test_gdb_proto
GDB_PROTO_SRCS := monitor/gdb_proto.c monitor/gdb_packets.c monitor/gdb_arm_xml.c lib/printf.c
$(GDB_PROTO_TEST): tests/unit/test_gdb_proto.c $(GDB_PROTO_SRCS) monitor/gdb_proto.h \
		monitor/gdb_proto_int.h tests/unit/check.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/test_gdb_proto.c $(GDB_PROTO_SRCS)
TEST_DEPS += $(GDB_PROTO_TEST)
TEST_SUITES += '$(GDB_PROTO_TEST)'

# The same core on a TCP socket, driven by a real gdb-multiarch.
GDB_SERVE := $(BUILD)/unit/gdb_serve
$(GDB_SERVE): tests/unit/gdb_serve.c $(GDB_PROTO_SRCS) monitor/gdb_proto.h monitor/gdb_proto_int.h
	@mkdir -p $(dir $@)
	$(V)$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/unit/gdb_serve.c $(GDB_PROTO_SRCS)
TEST_DEPS += $(GDB_SERVE)
TEST_SUITES += 'tests/unit/gdb_real.sh $(GDB_SERVE)'
