#!/usr/bin/env bash
# Throughput of `netdoctor scan --format json` against `grep -c -E` over the same trigger words, on the same
# generated log, in the same run. Prints MB/s for each and the ratio (goal: scan >= 0.5x grep).
#
# Usage: bench/scan-vs-grep.sh [SIZE_MB (default 1024)] [SEED (default 42)] [RUNS (default 3)]
# The log is generated in a temporary directory and deleted on exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1024}"
seed="${2:-42}"
runs="${3:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$root/netdoctor" --version >/dev/null  # builds the jar if needed
jar="$root/netdoctor-cli/target/netdoctor-cli-0.1.0-SNAPSHOT-all.jar"

echo "generating a ${size_mb} MiB log (seed $seed)..." >&2
python3 "$root/bench/gen-log.py" "$tmp/app.log" $((size_mb * 1024 * 1024)) --seed "$seed"
bytes=$(stat -c %s "$tmp/app.log")

# The classifier's prefilter is an automaton over the literals of its rules ('match' and 'triggers' in the rules
# file), matched case-insensitively: grep gets exactly those words, as one extended regex per line.
unzip -l "$jar" netdoctor/rules.json >/dev/null 2>&1 || { echo "the jar has no classifier rules" >&2; exit 1; }
unzip -p "$jar" netdoctor/rules.json | python3 -c '
import json, re, sys
words = set()
for rule in json.load(sys.stdin)["rules"]:
    for key in ("match", "triggers"):
        v = rule.get(key)
        for w in ([v] if isinstance(v, str) else (v or [])):
            if w:
                words.add(w.lower())
for w in sorted(words):
    print(re.sub(r"([][.^$*+?(){}|\\])", r"\\\1", w))
' >"$tmp/triggers.txt"
echo "trigger words: $(wc -l <"$tmp/triggers.txt")" >&2

cat "$tmp/app.log" >/dev/null  # both read from the page cache

time_of() { # prints seconds taken by "$@". Output goes to a file, not /dev/null: GNU grep notices /dev/null
  local t0 t1  # and stops at the first match. scan's own output goes to /dev/null (see the scan lines below).
  t0=$(date +%s.%N)
  "$@" >"$tmp/out" || true
  t1=$(date +%s.%N)
  awk "BEGIN{print $t1 - $t0}"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

grep_utf8=(); grep_c=(); scan=()
for ((i = 0; i < runs; i++)); do
  grep_utf8+=("$(time_of env LC_ALL=C.UTF-8 grep -c -i -E -f "$tmp/triggers.txt" "$tmp/app.log")")
  grep_c+=("$(time_of env LC_ALL=C grep -c -i -E -f "$tmp/triggers.txt" "$tmp/app.log")")
  scan+=("$(time_of sh -c '"$0" scan --format json "$1" >/dev/null' "$root/netdoctor" "$tmp/app.log")")
done
g8=$(printf '%s\n' "${grep_utf8[@]}" | median)
gc=$(printf '%s\n' "${grep_c[@]}" | median)
s=$(printf '%s\n' "${scan[@]}" | median)

matching=$(LC_ALL=C grep -c -i -E -f "$tmp/triggers.txt" "$tmp/app.log" || true)
found=$("$root/netdoctor" scan --format json "$tmp/app.log" | tail -c 400000 | python3 -c '
import json, sys
text = sys.stdin.read()
i = text.rfind("\"summary\"")
print(json.loads("{" + text[i:])["summary"]["failures"])' 2>/dev/null) || true
rss=$( { /usr/bin/time -f %M "$root/netdoctor" scan --format json "$tmp/app.log" >/dev/null; } 2>&1 | tail -1 || true)

mb=$(awk "BEGIN{print $bytes / 1048576}")
printf 'log: %.0f MiB, %s lines; lines with a trigger word: %s; failures found by scan: %s\n' \
  "$mb" "$(wc -l <"$tmp/app.log")" "$matching" "$found"
printf '%-44s %8.2f s %9.1f MiB/s\n' "grep -c -i -E -f triggers (LC_ALL=C.UTF-8)" "$g8" "$(awk "BEGIN{print $mb / $g8}")"
printf '%-44s %8.2f s %9.1f MiB/s\n' "grep -c -i -E -f triggers (LC_ALL=C)" "$gc" "$(awk "BEGIN{print $mb / $gc}")"
printf '%-44s %8.2f s %9.1f MiB/s   max RSS %s KiB\n' "netdoctor scan --format json" "$s" "$(awk "BEGIN{print $mb / $s}")" "$rss"
printf 'ratio scan/grep: %.2fx (vs C.UTF-8 grep), %.2fx (vs C grep); goal >= 0.5x\n' \
  "$(awk "BEGIN{print $g8 / $s}")" "$(awk "BEGIN{print $gc / $s}")"
