#!/bin/sh
# Runs every test suite and ends with one plain summary line: "N passed, N failed".
#   native unit tests (CTest + doctest), the same under AddressSanitizer/UBSan, and the
#   browser tests (node's test runner + Playwright + Debian's Chromium).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
status=0
log=$(mktemp)

count_ctest() {   # "100% tests passed, 0 tests failed out of 10"
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log" | tail -1)
  total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
  bad=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/')
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + total - bad)); failed=$((failed + bad))
}

echo "== unit tests (native)"
ctest --test-dir "$root/build/native" --output-on-failure > "$log" 2>&1 || status=1
tail -3 "$log"; count_ctest

echo "== unit tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir "$root/build/asan" --output-on-failure > "$log" 2>&1 || status=1
tail -3 "$log"; count_ctest

echo "== browser tests (Chromium)"
(cd "$root/tests/browser" && node --test --test-concurrency=1 --test-reporter=spec .) > "$log" 2>&1 || status=1
grep -E "^\s*(✔|✖)" "$log" | grep -vE "^(✔|✖) " ; grep -A30 "failing tests:" "$log" | head -60
p=$(grep -E "^ℹ pass [0-9]+" "$log" | tail -1 | awk '{print $3}')
f=$(grep -E "^ℹ fail [0-9]+" "$log" | tail -1 | awk '{print $3}')
if [ -z "$p" ]; then failed=$((failed + 1)); cat "$log" | tail -40; else passed=$((passed + p)); failed=$((failed + f)); fi

rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
