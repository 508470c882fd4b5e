#!/usr/bin/env bash
# Runs every fuzz target for a set time (default 10 minutes each) on the nightly
# toolchain: ./fuzz/run.sh [seconds]. Found crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
for target in load layout_pdf diff_merge import; do
  echo "== $target, ${seconds}s"
  cargo +nightly fuzz run -O "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=4096
done
