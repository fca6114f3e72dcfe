#!/bin/sh
# Runs the import fuzzer for a bounded time (make fuzz) and ends with one line: executions,
# time, and "no crashes" or the file that holds the crashing input.
#   tools/run-fuzz.sh BUILD_DIR SECONDS [TARGET]
# BUILD_DIR holds parley_fuzz_import; the corpus (kept between runs, so each run starts where
# the last one got to), the crashes and the full log go there too. TARGET `merge` runs
# parley_fuzz_merge instead (build it with `cmake --build BUILD_DIR --target parley_fuzz_merge`),
# with its own corpus-merge/, crashes-merge/ and fuzz-merge.log.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
seconds=$2
target=${3:-import}
fuzzer="$dir/parley_fuzz_$target"
if [ "$target" = import ]; then
  corpus="$dir/corpus" crashes="$dir/crashes" log="$dir/fuzz.log" max_len=65536
else   # three drafts in one input
  corpus="$dir/corpus-$target" crashes="$dir/crashes-$target" log="$dir/fuzz-$target.log" max_len=196608
fi
mkdir -p "$corpus" "$crashes"

# Seeds: the examples and the test corpus. Valid files let the fuzzer reach the model checks
# and the export round trip at once; invalid ones hold the near-misses. Names get their
# folder in front, because invalid/ and parley-only/ share some file names. The merge fuzzer
# takes up to three drafts separated by NUL bytes: each example alone (merged with itself in
# reverse order) and with itself as the original.
cp "$root"/assets/examples/*.parley.json "$corpus/"
if [ "$target" = import ] && [ -d "$root/tests/corpus" ]; then
  find "$root/tests/corpus" -name '*.json' | while read -r f; do
    cp "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
fi
if [ "$target" = merge ]; then
  for f in "$root"/assets/examples/*.parley.json; do
    { cat "$f"; printf '\000'; cat "$f"; } > "$corpus/pair-$(basename "$f")"
  done
fi

# -timeout: one input taking 10 s is a finding (a quadratic path), and it would otherwise
# hold the run far past max_total_time. UBSan/ASan stop at the first report (see CMakeLists).
start=$(date +%s)
"$fuzzer" "$corpus" \
  -dict="$root/tests/fuzz/parley.dict" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10 \
  -artifact_prefix="$crashes/" -print_final_stats=1 > "$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
[ -n "$runs" ] || runs=0
inputs=$(ls "$corpus" | wc -l)
artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)

if [ -n "$artifact" ]; then
  # Enough of the report to see what broke and where; the rest is in the log.
  grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz_(import|merge):|.*runtime error)" "$log" | head -5
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
echo "fuzz: $runs executions in ${elapsed} s ($(( runs / (elapsed > 0 ? elapsed : 1) ))/s), corpus $inputs inputs, no crashes"
