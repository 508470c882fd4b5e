#!/usr/bin/env bash
# Runs every fuzz target for a set time (default 10 minutes each) on the nightly
# toolchain: ./fuzz/run.sh [seconds] [target ...]. A target that finds a crash
# writes it to fuzz/artifacts/<target>/ and the others still run; the script
# exits non-zero when any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(load layout_pdf diff_merge merge_oracle import)
fi
failed=0
for target in "${targets[@]}"; do
  echo "== $target, ${seconds}s"
  # Import also starts from every page the tests read (read only: new inputs
  # go to the first folder), so the seeds are not copied here.
  seeds=()
  if [ "$target" = import ]; then
    seeds=(tests/fixtures)
  fi
  if ! cargo +nightly fuzz run -O "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1; then
    echo "== $target FAILED"
    failed=1
  fi
done
exit "$failed"
