# System test: Debian's armmp kernel and a busybox initramfs on armvisor,
# a scripted session compared with qemu-system-arm (tests/system/linux_test.py;
# fetches its fixtures with scripts/fetch-linux.sh). Under TCG (no KVM)
# it takes about a minute and a half on a 2-core machine.
TEST_SUITES += 'python3 -B tests/system/linux_test.py $(MONITOR)'
