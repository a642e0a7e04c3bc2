#!/usr/bin/env bash
# `make fuzz` (FUZZ_SECONDS=N, 60 by default): the libFuzzer targets, each for N seconds, with
# AddressSanitizer: one resource file through the YAML reader and the whole validation
# (mulu-fuzz-resource), and a pre-receive hook's input through RefUpdate.parse (mulu-fuzz-push).
# They start from the corpus kept in Fuzz/corpus/ (rule examples' files, hostile inputs, sample
# resources; read, never written) and add what they find to .build/fuzz/corpus/. A crash is
# written to .build/fuzz/crashes/ and fails the run: add the file to Fuzz/corpus/, where
# FuzzCorpusTests replays it in every `make test`, and fix the code.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
seconds=${FUZZ_SECONDS:-60}
scratch=.build/fuzz
flags=(--scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld)

echo "fuzz: building the targets with -sanitize=fuzzer,address" >&2
mkdir -p "$scratch"
for product in mulu-fuzz-resource mulu-fuzz-push; do
  if ! "$SWIFT" build "${flags[@]}" --product "$product" >"$scratch/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$scratch/build.log" | tail -30 >&2
    echo "fuzz: could not build $product" >&2
    exit 2
  fi
done
bin=$("$SWIFT" build "${flags[@]}" --show-bin-path)

failed=0
for target in resource:resource push:push-input; do
  name=${target%%:*}
  corpus=${target#*:}
  mkdir -p "$scratch/corpus/$corpus" "$scratch/crashes"
  echo "fuzz: mulu-fuzz-$name for $seconds s, from Fuzz/corpus/$corpus" >&2
  if ! ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$bin/mulu-fuzz-$name" \
    "$scratch/corpus/$corpus" "Fuzz/corpus/$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$scratch/crashes/$name-" -print_final_stats=1 \
    >"$scratch/$name.log" 2>&1; then
    echo "fuzz: mulu-fuzz-$name FOUND A CRASH (log: $scratch/$name.log):" >&2
    grep -E "^(==|SUMMARY|Fatal error|artifact_prefix)|Test unit written" "$scratch/$name.log" | head -20 >&2
    failed=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$scratch/$name.log" |
      sed "s/^/fuzz: mulu-fuzz-$name: /" >&2
  fi
done
[ "$failed" -eq 0 ] && echo "fuzz: no crash" >&2
exit "$failed"
