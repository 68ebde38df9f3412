#!/usr/bin/env bash
# Start-to-exit wall time of `netdoctor explain` through the launcher, with hyperfine (goal: median <= 0.5 s).
#
# Usage: bench/explain-startup.sh [RUNS (default 20)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
command -v hyperfine >/dev/null || { echo "installing hyperfine" >&2; apt-get install -y hyperfine >/dev/null; }
"$root/netdoctor" explain NET002 >/dev/null  # builds the jar and the class-data archive if needed
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
hyperfine -N --warmup 3 --runs "$runs" -i --export-json "$tmp/r.json" \
  './netdoctor explain NET002' \
  "./netdoctor explain 'getaddrinfo ENOTFOUND api.openai.com'" >&2
python3 - "$tmp/r.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]:<58} median {r["median"]:.3f} s  (mean {r["mean"]:.3f} ± {r["stddev"]:.3f}, '
          f'min {r["min"]:.3f}, max {r["max"]:.3f}, {len(r["times"])} runs)')
PY
