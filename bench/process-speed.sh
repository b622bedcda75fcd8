#!/usr/bin/env bash
# Benchmark: wall time of `highlights process` on a generated talk with captions, against the source duration and
# against a plain `ffmpeg -i SRC -f null -` decode of the same file, measured in one run; also everything before the
# render (probe to EDL) against that decode, the figure the coarse-to-fine issue aims at.
# Usage: bench/process-speed.sh [MINUTES] [WIDTH] [HEIGHT] [FPS]   (defaults: 10 1280 720 30)
# Writes a summary to stdout and to bench/results/process-speed-WIDTHxHEIGHT.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
width="${2:-1280}"
height="${3:-720}"
fps="${4:-30}"
work="$(mktemp -d /tmp/highlights-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cli() { "$root/highlights" "$@"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
ratio() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, a / b }'; }

cli sample "$work/talk.mp4" --minutes "$minutes" --width "$width" --height "$height" --fps "$fps" >&2
duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/talk.mp4")

decode=$(seconds ffmpeg -hide_banner -nostdin -i "$work/talk.mp4" -f null -)
process=$(HIGHLIGHTS_STATE__DIRECTORY="$work/state" seconds cli process "$work/talk.mp4" --out "$work/out" --target 60)
rerun=$(HIGHLIGHTS_STATE__DIRECTORY="$work/state" seconds cli process "$work/talk.mp4" --out "$work/out" --target 60)
# Stage times of the cold run, from the checkpoints it wrote.
state="$(ls "$work"/state/*/state.json)"
stages=$(node -e 'const s = require(process.argv[1]); console.log(Object.values(s.checkpoints).map(c => `${c.stage}=${c.duration_seconds.toFixed(2)}s`).join(" "))' "$state")
before_render=$(node -e 'const s = require(process.argv[1]); console.log(Object.values(s.checkpoints).filter(c => c.stage !== "render").reduce((t, c) => t + c.duration_seconds, 0))' "$state")

summary=$(cat <<TXT
highlights process benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3))
source:                 ${minutes} min ${width}x${height} ${fps} fps talk with captions (libx264 + AAC), $(printf '%.1f' "$duration") s
ffmpeg -f null decode:  $(printf '%.2f' "$decode") s
process (cold):         $(printf '%.2f' "$process") s
process (all cached):   $(printf '%.2f' "$rerun") s
process / source:       $(ratio "$process" "$duration" '%.4f')
process / decode:       $(ratio "$process" "$decode" '%.2f')
probe to EDL:           $(printf '%.2f' "$before_render") s (every stage but the render)
probe to EDL / decode:  $(ratio "$before_render" "$decode" '%.2f')
stage times:            $stages
command:                bench/process-speed.sh $minutes $width $height $fps
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/process-speed-${width}x${height}.txt"
