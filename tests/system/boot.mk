# Boot tests: the monitor under QEMU (microvm fast path, GRUB ISO under
# SeaBIOS and OVMF).
TEST_SUITES += 'python3 tests/system/boot_test.py $(MONITOR)'
