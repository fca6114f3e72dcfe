#!/bin/sh
# Runs the import fuzzer for a bounded time (make fuzz) and ends with one line: executions,
# time, and "no crashes" or the file that holds the crashing input.
#   tools/run-fuzz.sh BUILD_DIR SECONDS [TARGET] [large]
# BUILD_DIR holds parley_fuzz_import; the corpus (kept between runs, so each run starts where
# the last one got to), the crashes and the full log go there too. TARGET `merge` runs
# parley_fuzz_merge instead (build it with `cmake --build BUILD_DIR --target parley_fuzz_merge`),
# with its own corpus-merge/, crashes-merge/ and fuzz-merge.log.
#
# `large` (make fuzz-large) hunts for slowness rather than crashes: inputs of up to 4 MB,
# seeded with the adversarial shapes of bench/adversarial-shapes.mjs (many keys, long option
# lists and sets, bad items, long id arrays, wide objects, deep nesting, reference chains,
# duplicate keys) and mutated with tests/fuzz/parley-large.dict's repeated structures, and a
# tight limit per input: one input taking over $FUZZ_TIMEOUT s (default 5, under the
# sanitizers) is a finding, saved as timeout-* in crashes-large*/ like a crash. Its corpus,
# crashes and log are separate (corpus-large*, crashes-large*, fuzz-large*.log).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
seconds=$2
target=${3:-import}
mode=${4:-normal}
fuzzer="$dir/parley_fuzz_$target"
suffix=$([ "$target" = import ] || echo "-$target")
timeout=10 dict="$root/tests/fuzz/parley.dict" extra=""
if [ "$mode" = large ]; then
  corpus="$dir/corpus-large$suffix" crashes="$dir/crashes-large$suffix" log="$dir/fuzz-large$suffix.log"
  max_len=4194304 timeout=${FUZZ_TIMEOUT:-5} dict="$root/tests/fuzz/parley-large.dict"
  # Start from the seeds' own sizes (libFuzzer otherwise grows inputs from a few bytes), and
  # name every input slower than a second in the log even when it is within the limit.
  extra="-len_control=0 -report_slow_units=1"
elif [ "$target" = import ]; then
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
# The adversarial shapes (bench/adversarial-shapes.mjs): small (a few KB) in the normal mode,
# at two scales (tens of KB and about 1 MB) in the large mode. The merge target gets each shape
# alone (merged with itself in reverse order) and paired with itself, so both sides are huge.
sizes=100
[ "$mode" = large ] && sizes="2000 20000"
if command -v node > /dev/null; then
  for n in $sizes; do
    node "$root/bench/adversarial-shapes.mjs" "$dir/shapes-$n" "$n" > /dev/null || exit 1
    for f in "$dir/shapes-$n"/*.parley.json; do
      if [ "$target" = import ]; then
        cp "$f" "$corpus/shape-$n-$(basename "$f")"
      else
        cp "$f" "$corpus/shape-$n-$(basename "$f")"
        { cat "$f"; printf '\000'; cat "$f"; } > "$corpus/shape-pair-$n-$(basename "$f")"
      fi
    done
  done
fi

# -timeout: one input taking 10 s (5 s in large mode) is a finding (a quadratic path), and it
# would otherwise hold the run far past max_total_time. UBSan/ASan stop at the first report
# (see CMakeLists).
start=$(date +%s)
# shellcheck disable=SC2086   # $extra is several options
"$fuzzer" "$corpus" \
  -dict="$dict" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="$max_len" -timeout="$timeout" $extra \
  -artifact_prefix="$crashes/" -print_final_stats=1 > "$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
[ -n "$runs" ] || runs=0
inputs=$(ls "$corpus" | wc -l)
# A slow-unit-* file is -report_slow_units naming an input within the limit (see 'Slowest
# unit' below), not a finding.
artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | grep -v '/slow-unit-' | tail -1)

if [ -n "$artifact" ]; then
  # Enough of the report to see what broke and where; the rest is in the log.
  grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz_(import|merge):|.*runtime error)" "$log" | head -5
  # The stack without libFuzzer's and the sanitizers' own frames.
  grep -E "^ +#[0-9]+ " "$log" | grep -vE "fuzzer::|__sanitizer|__asan|__ubsan|libc\.so|__libc_start| in main | in _start " | head -10
  size=$(wc -c < "$artifact")
  [ "$size" -le 512 ] && echo "input ($size bytes, base64): $(base64 -w0 "$artifact")"
  echo "reproduce: $fuzzer $artifact"
  case "$(basename "$artifact")" in
    timeout-*) echo "fuzz: SLOW INPUT (over $timeout s) after $runs executions in ${elapsed} s: $artifact ($(wc -c < "$artifact") bytes; full report: $log)" ;;
    *) echo "fuzz: CRASH after $runs executions in ${elapsed} s: $artifact (full report: $log)" ;;
  esac
  exit 1
fi
if [ "$status" -ne 0 ]; then
  tail -20 "$log"
  echo "fuzz: the fuzzer stopped with exit status $status and no crash file (full log: $log)"
  exit 1
fi
slow=$(grep -c "^Slowest unit" "$log")
[ "$mode" = large ] && echo "fuzz-large ($target): $slow inputs slower than 1 s (within the limit; see 'Slowest unit' in $log)"
echo "fuzz: $runs executions in ${elapsed} s ($(( runs / (elapsed > 0 ? elapsed : 1) ))/s), corpus $inputs inputs, no crashes"
