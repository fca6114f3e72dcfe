#!/bin/sh
# Runs the import fuzzer for a bounded time (make fuzz) and ends with one line: executions,
# time, and "no crashes" or the file that holds the crashing input.
#   tools/run-fuzz.sh BUILD_DIR SECONDS
# BUILD_DIR holds parley_fuzz_import; the corpus (kept between runs, so each run starts where
# the last one got to), the crashes and the full log go there too.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
seconds=$2
fuzzer="$dir/parley_fuzz_import"
log="$dir/fuzz.log"
mkdir -p "$dir/corpus" "$dir/crashes"

# Seeds: the examples and the test corpus. Valid files let the fuzzer reach the model checks
# and the export round trip at once; invalid ones hold the near-misses. Names get their
# folder in front, because invalid/ and parley-only/ share some file names.
cp "$root"/assets/examples/*.parley.json "$dir/corpus/"
if [ -d "$root/tests/corpus" ]; then
  find "$root/tests/corpus" -name '*.json' | while read -r f; do
    cp "$f" "$dir/corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
fi

# -timeout: one input taking 10 s is a finding (a quadratic path), and it would otherwise
# hold the run far past max_total_time. UBSan/ASan stop at the first report (see CMakeLists).
start=$(date +%s)
"$fuzzer" "$dir/corpus" \
  -dict="$root/tests/fuzz/parley.dict" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
  -artifact_prefix="$dir/crashes/" -print_final_stats=1 > "$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
[ -n "$runs" ] || runs=0
corpus=$(ls "$dir/corpus" | wc -l)
artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)

if [ -n "$artifact" ]; then
  # Enough of the report to see what broke and where; the rest is in the log.
  grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz_import:|.*runtime error)" "$log" | head -5
  # The stack without libFuzzer's and the sanitizers' own frames.
  grep -E "^ +#[0-9]+ " "$log" | grep -vE "fuzzer::|__sanitizer|__asan|__ubsan|libc\.so|__libc_start| in main | in _start " | head -10
  size=$(wc -c < "$artifact")
  [ "$size" -le 512 ] && echo "input ($size bytes, base64): $(base64 -w0 "$artifact")"
  echo "reproduce: $fuzzer $artifact"
  echo "fuzz: CRASH after $runs executions in ${elapsed} s: $artifact (full report: $log)"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  tail -20 "$log"
  echo "fuzz: the fuzzer stopped with exit status $status and no crash file (full log: $log)"
  exit 1
fi
echo "fuzz: $runs executions in ${elapsed} s ($(( runs / (elapsed > 0 ? elapsed : 1) ))/s), corpus $corpus inputs, no crashes"
