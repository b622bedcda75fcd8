#!/usr/bin/env bash
# Benchmark: the signals stage against plain ffmpeg on a generated 10-minute 1080p30 video, measured in one run.
#   visual: the stage's visual half (decode + frame analysis) / the same ffmpeg decode+scale chain writing to null
#   audio:  loudness (energy stage) + the stage's audio half, from the extracted PCM / `ffmpeg -i SRC -vn -f null -`
#           (also shown with the audio stage's extraction to PCM added)
# Goals: visual <= 1.3, audio <= 1.2. Also times the visual half without profile faces, to show what they cost.
# Usage: bench/signals-speed.sh [MINUTES]     Writes a summary to stdout and bench/results/signals-speed.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
work="$(mktemp -d /tmp/highlights-signals-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
ff() { ffmpeg -hide_banner -nostdin -loglevel error "$@"; }
# Runs a command, prints "wall user+sys" seconds.
timed() { /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1; awk '{ printf "%s %.2f", $1, $2 + $3 }' "$work/time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
field() { node -e 'const s = require(process.argv[1]); const v = process.argv[2].split(".").reduce((o, k) => o[k], s); console.log(v)' "$(ls "$1"/*/state.json)" "$2"; }

bash "$root/scripts/setup.sh" --quiet
[ -f "$root/client/bin/Release/net10.0/highlights.dll" ] || "$root/highlights" --help >/dev/null

# One minute with something for every signal (moving picture, a large smiling face that comes and goes, quiet
# noise with loud bursts), looped by stream copy to the full length: cheap to make at any length.
echo "generating ${minutes} min of 1920x1080 30 fps..." >&2
ff -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=60" -loop 1 -framerate 30 -i "$root/../shared/samples/astronaut.png" \
   -f lavfi -i "anoisesrc=color=pink:amplitude=0.05:sample_rate=48000:duration=60" \
   -f lavfi -i "anoisesrc=color=white:amplitude=0.6:sample_rate=48000:duration=6" \
   -filter_complex "[1:v]scale=-2:1080[face];[0:v][face]overlay=x='700+500*sin(t/2)':y=0:enable='between(mod(t,20),8,16)':shortest=1[v];[3:a]adelay=30000:all=1[burst];[2:a][burst]amix=inputs=2:normalize=0:duration=first[a]" \
   -map "[v]" -map "[a]" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 128k -t 60 "$work/minute.mp4"
ff -stream_loop $((minutes - 1)) -i "$work/minute.mp4" -c copy "$work/source.mp4"
duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/source.mp4")

# The stage's decode, as built by FrameDecodeArguments, writing to null instead of the pipe.
read -r decode decode_cpu <<<"$(timed ffmpeg -hide_banner -nostdin -loglevel error -i "$work/source.mp4" -map 0:0 -an -sn -dn \
  -vf "fps=4,scale=320:180:flags=area,format=gray" -f null -)"
read -r audio_decode audio_decode_cpu <<<"$(timed ffmpeg -hide_banner -nostdin -loglevel error -i "$work/source.mp4" -vn -f null -)"
load=$(cut -d' ' -f1-3 /proc/loadavg)

# A caption file stands in for the transcript: analyze needs one, and Whisper's time is not what is measured here.
printf '1\n00:00:01,000 --> 00:00:03,000\nhello\n' > "$work/captions.srt"
analyze() { HIGHLIGHTS_STATE__DIRECTORY="$work/$1" timed "$root/highlights" analyze "$work/source.mp4" --out "$work/$1-out" --captions "$work/captions.srt" "${@:2}"; }
read -r analyze_wall analyze_cpu <<<"$(analyze state)"
read -r _ fast_cpu <<<"$(HIGHLIGHTS_SIGNALS__PROFILEFACES=false analyze state-frontal)"

visual=$(field "$work/state" checkpoints.signals.result.timing.visual_seconds)
signals_audio=$(field "$work/state" checkpoints.signals.result.timing.audio_seconds)
extract=$(field "$work/state" checkpoints.audio.duration_seconds)
energy=$(field "$work/state" checkpoints.energy.duration_seconds)
analysis=$(awk -v b="$energy" -v c="$signals_audio" 'BEGIN { print b + c }')
with_extract=$(awk -v a="$extract" -v b="$analysis" 'BEGIN { print a + b }')
frontal=$(field "$work/state-frontal" checkpoints.signals.result.timing.visual_seconds)
frames=$(field "$work/state" checkpoints.signals.result.signals.inputs.frames)

summary=$(cat <<TXT
signals benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average at start $load, $(ffmpeg -version | head -1 | cut -d' ' -f1-3))
source:                   ${minutes} min 1920x1080 30 fps (libx264 veryfast + AAC), $(printf '%.1f' "$duration") s, $frames frames analysed at 320x180
decode+scale to null:     ${decode} s wall, ${decode_cpu} s CPU
visual half of the stage: $(printf '%.2f' "$visual") s wall    ratio $(ratio "$visual" "$decode")   (goal <= 1.3)
  without profile faces:  $(printf '%.2f' "$frontal") s wall    ratio $(ratio "$frontal" "$decode")
  CPU of whole analyze:   ${analyze_cpu} s (frontal only: ${fast_cpu} s) against the decode's ${decode_cpu} s
ffmpeg -vn -f null:       ${audio_decode} s wall, ${audio_decode_cpu} s CPU
audio analysis of the PCM (loudness ${energy} s + spectral/excitement ${signals_audio} s): $(printf '%.2f' "$analysis") s    ratio $(ratio "$analysis" "$audio_decode")   (goal <= 1.2)
  with the audio stage's extraction to PCM (${extract} s): $(printf '%.2f' "$with_extract") s    ratio $(ratio "$with_extract" "$audio_decode")
command:                  bench/signals-speed.sh $minutes
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/signals-speed.txt"
