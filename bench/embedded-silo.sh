#!/usr/bin/env bash
# Benchmark: what the in-process Orleans silo costs `highlights process` on a fully cached video. Processes a
# generated 60 s talk once, then times RUNS more runs of the same command (every stage cached) and prints the median.
# Usage: bench/embedded-silo.sh [RUNS] [DLL]   (defaults: 7, the launcher's ReadyToRun build in tools/cli)
# Pass a DLL (e.g. another commit's client/bin/Release/net10.0/highlights.dll) to time that build the same way.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
work="$(mktemp -d /tmp/highlights-embedded-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$root/highlights" sample "$work/talk.mp4" --minutes 1 --width 640 --height 360 --fps 30 >/dev/null
dll="${2:-$root/tools/cli/highlights.dll}"
export HIGHLIGHTS_STATE__DIRECTORY="$work/state" HIGHLIGHTS_PROMPTS__DIRECTORY="$root/prompts"
run() { dotnet "$dll" process "$work/talk.mp4" --out "$work/out" --target 20 >/dev/null 2>&1; }
run
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s.%N); run; e=$(date +%s.%N)
  times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "$dll: $sorted  median $median s"
