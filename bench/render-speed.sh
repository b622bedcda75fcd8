#!/usr/bin/env bash
# Benchmark: rendering a 3-minute 1080p30 reel. In one run, on the same EDL and with the same encoder settings
# (libx264 veryfast CRF 20, AAC 160k): a single plain ffmpeg trim+concat command (the baseline: no loudness, colour,
# fades or chunks), `highlights render` in one pass, and `highlights render` in parallel chunks.
# Usage: bench/render-speed.sh [REEL_SECONDS]   Writes a summary to stdout and bench/results/render-speed.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reel="${1:-180}"
source_seconds=$((reel + 60))
work="$(mktemp -d /tmp/highlights-render-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cli() { "$root/highlights" "$@"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >"$work/last.txt" 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
ratio() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, a / b }'; }

# A 1080p30 source with stereo sound whose level changes, a little longer than the reel.
ffmpeg -hide_banner -nostdin -loglevel error -y \
  -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$source_seconds" \
  -f lavfi -i "anoisesrc=color=pink:amplitude=0.1:sample_rate=48000:duration=$source_seconds" \
  -filter_complex "[1:a]tremolo=f=0.2:d=0.7,aformat=channel_layouts=stereo[a]" \
  -map 0:v -map "[a]" -c:v libx264 -preset ultrafast -crf 18 -pix_fmt yuv420p -c:a aac -b:a 192k "$work/source.mp4"

# The EDL comes from the pipeline (not timed): offline selection picks about REEL_SECONDS of it.
HIGHLIGHTS_STATE__DIRECTORY="$work/state" cli process "$work/source.mp4" --out "$work/out" --target "$reel" --allow-no-transcript >"$work/process.log" 2>&1 || { cat "$work/process.log" >&2; exit 1; }
edl="$work/out/edl.json"

# The baseline: one ffmpeg, each segment an input seeked with -ss/-t, trimmed to its frames, joined by concat.
mapfile -t plain < <(node -e '
  const e = require(process.argv[1]); const a = [];
  e.segments.forEach(s => a.push("-ss", s.start.toFixed(6), "-t", s.duration.toFixed(6), "-i", e.source.path));
  const g = e.segments.map((s, i) => `[${i}:v]trim=end_frame=${s.end_frame - s.start_frame},setpts=PTS-STARTPTS[v${i}];` +
    `[${i}:a]apad,atrim=0:${s.duration.toFixed(6)},asetpts=PTS-STARTPTS[a${i}];`).join("") +
    e.segments.map((s, i) => `[v${i}][a${i}]`).join("") + `concat=n=${e.segments.length}:v=1:a=1[v][a]`;
  a.push("-filter_complex", g, "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", e.render.preset, "-crf", String(e.render.crf),
    "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", `${e.render.audio_bitrate_kbps}k`, "-movflags", "+faststart");
  a.forEach(x => console.log(x));' "$edl")
segments=$(node -e 'console.log(require(process.argv[1]).segments.length)' "$edl")
reel_seconds=$(node -e 'const e = require(process.argv[1]); console.log(e.reel_duration ?? e.total_duration)' "$edl")

baseline=$(seconds ffmpeg -hide_banner -nostdin -loglevel error -y "${plain[@]}" "$work/plain.mp4")
single=$(seconds cli render "$edl" --out "$work/single.mp4" --chunks 1)
two=$(seconds cli render "$edl" --out "$work/two.mp4" --chunks 2)
chunked=$(seconds cli render "$edl" --out "$work/chunked.mp4")
chunks=$(sed -n 's/^reel:.*, \([0-9]*\) chunks\{0,1\})$/\1/p' "$work/last.txt")
frames() { ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$1"; }

summary=$(cat <<TXT
highlights render benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3))
reel:                          $(printf '%.1f' "$reel_seconds") s of 1920x1080 30 fps, $segments segments (libx264 veryfast CRF 20, AAC 160k)
plain ffmpeg trim+concat:      $(printf '%.2f' "$baseline") s  ($(frames "$work/plain.mp4") frames)
highlights render, one pass:   $(printf '%.2f' "$single") s  ($(frames "$work/single.mp4") frames; loudness, BT.709 conversion, fades)
highlights render, 2 chunks:   $(printf '%.2f' "$two") s  ($(frames "$work/two.mp4") frames)
highlights render, default:    $(printf '%.2f' "$chunked") s  ($(frames "$work/chunked.mp4") frames; $chunks chunks, 2 at a time)
one pass / plain:              $(ratio "$single" "$baseline" '%.2f')
default chunks / plain:        $(ratio "$chunked" "$baseline" '%.2f')
chunk speedup (one pass / default chunks): $(ratio "$single" "$chunked" '%.2f')x;  (one pass / 2 chunks): $(ratio "$single" "$two" '%.2f')x
command:                       bench/render-speed.sh $reel
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/render-speed.txt"
