#!/usr/bin/env bash
# Benchmark: wall time of `highlights process` on a generated 10-minute 720p30 talk, against the source
# duration and against a plain `ffmpeg -i SRC -f null -` decode of the same file, measured in one run.
# Usage: bench/process-speed.sh [MINUTES]     Writes a summary to stdout and bench/results/process-speed.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
work="$(mktemp -d /tmp/highlights-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cli() { "$root/highlights" "$@"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
ratio() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, a / b }'; }

cli sample "$work/talk.mp4" --minutes "$minutes" --width 1280 --height 720 --fps 30 >&2
duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/talk.mp4")

decode=$(seconds ffmpeg -hide_banner -nostdin -i "$work/talk.mp4" -f null -)
process=$(HIGHLIGHTS_STATE__DIRECTORY="$work/state" seconds cli process "$work/talk.mp4" --out "$work/out" --target 60)
rerun=$(HIGHLIGHTS_STATE__DIRECTORY="$work/state" seconds cli process "$work/talk.mp4" --out "$work/out" --target 60)
# Stage times of the cold run, from the checkpoints it wrote.
stages=$(node -e 'const s = require(process.argv[1]); console.log(Object.values(s.checkpoints).map(c => `${c.stage}=${c.duration_seconds.toFixed(2)}s`).join(" "))' "$(ls "$work"/state/*/state.json)")

summary=$(cat <<TXT
highlights process benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3))
source:                 ${minutes} min 1280x720 30 fps talk (libx264 + AAC), $(printf '%.1f' "$duration") s
ffmpeg -f null decode:  $(printf '%.2f' "$decode") s
process (cold):         $(printf '%.2f' "$process") s
process (all cached):   $(printf '%.2f' "$rerun") s
process / source:       $(ratio "$process" "$duration" '%.4f')
process / decode:       $(ratio "$process" "$decode" '%.2f')
stage times:            $stages
command:                bench/process-speed.sh $minutes
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/process-speed.txt"
