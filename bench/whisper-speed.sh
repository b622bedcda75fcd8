#!/usr/bin/env bash
# Benchmark: Whisper speed on this machine with threads = cores, and what the binding adds, measured in one run.
#   native   whisper_full_with_state called directly in-process (bench/whisper-speed/Program.cs)
#   binding  WhisperProcessor.Process, the managed path the pipeline takes, alternated with native REPEATS times
#   per call the binding's own cost on 100 ms of audio (whisper.cpp returns before its encoder), 200 paired calls
#   command  `highlights transcribe` end to end: process start, ffmpeg decode, library and model load, transcription
# Realtime factor = audio seconds / wall seconds (above 1 is faster than real time).
# Usage: bench/whisper-speed.sh [MODEL] [AUDIO] [REPEATS] [AUDIO_CONTEXT]
#   MODEL defaults to ../shared/models/for-tests-ggml-tiny.en.bin, which has NO WEIGHTS (see the note it prints);
#   AUDIO to ../shared/samples/jfk.wav; REPEATS to 5; AUDIO_CONTEXT to 0 (the model's full 30 s).
# Writes a summary to stdout and bench/results/whisper-speed.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${HIGHLIGHTS_SHARED_DIR:-$root/../shared}"
model="$(realpath "${1:-$shared/models/for-tests-ggml-tiny.en.bin}")"
audio="$(realpath "${2:-$shared/samples/jfk.wav}")"
repeats="${3:-5}"
audio_ctx="${4:-0}"
threads="$(nproc)"
bash "$root/scripts/setup.sh" --quiet
work="$(mktemp -d /tmp/highlights-whisper-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/bench/whisper-speed" -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
dotnet build "$root/client/Highlights.Cli.csproj" -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
ffmpeg -hide_banner -nostdin -v error -i "$audio" -ac 1 -ar 16000 -f f32le "$work/audio.f32"
load_before=$(cut -d' ' -f1 /proc/loadavg)

dotnet "$root/bench/whisper-speed/bin/Release/net10.0/Highlights.Bench.WhisperSpeed.dll" \
  "$model" "$work/audio.f32" "$threads" "$audio_ctx" "$repeats" > "$work/inprocess.txt"
get() { sed -n "s/^$1=//p" "$work/inprocess.txt"; }
seconds=$(get audio_seconds)

command=()
for _ in $(seq "$repeats"); do
  s=$(date +%s.%N)
  HIGHLIGHTS_WHISPER__THREADS="$threads" HIGHLIGHTS_WHISPER__AUDIOCONTEXT="$audio_ctx" \
    dotnet "$root/client/bin/Release/net10.0/highlights.dll" transcribe "$audio" --model "$model" --format json --out "$work/transcript.json" >/dev/null 2>&1
  e=$(date +%s.%N)
  command+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }')")
done
command_min=$(printf '%s\n' "${command[@]}" | sort -g | head -1)
command_median=$(printf '%s\n' "${command[@]}" | sort -g | sed -n "$(( (repeats + 1) / 2 ))p")

rtf() { awk -v a="$seconds" -v w="$1" 'BEGIN { printf "%.3f", a / w }'; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }

note="real weights: these figures are this model's transcription speed here"
if python3 - "$model" <<'PY'
import struct, sys
# whisper.cpp's test models end right after the vocabulary: no tensors. Walk the header to tell.
f = open(sys.argv[1], "rb")
f.read(48); n_mel, n_fft = struct.unpack("<ii", f.read(8)); f.seek(n_mel * n_fft * 4, 1)
(words,) = struct.unpack("<i", f.read(4))
for _ in range(words):
    (n,) = struct.unpack("<i", f.read(4)); f.seek(n, 1)
sys.exit(0 if f.read(1) == b"" else 1)
PY
then
  note="NO WEIGHTS (whisper.cpp's test model). It hears nothing, so decoding is nearly free while the encoder does its full work: read these figures as a lower bound on the cost of the pipeline and the binding, not as real transcription speed"
fi

summary=$(cat <<TXT
whisper speed benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average $load_before at start and $(cut -d' ' -f1 /proc/loadavg) at end)
library:          whisper.cpp $(get whisper_version), prebuilt (npm @fugood/node-whisper-linux-x64@1.1.3)
model:            $(basename "$model")
note:             $note
audio:            $(basename "$audio"), $(fmt "$seconds" '%.2f') s; $threads threads; greedy; audio context $audio_ctx (0 = the model's 30 s)
native call:      min $(fmt "$(get native_min)" '%.3f') s, median $(fmt "$(get native_median)" '%.3f') s; realtime factor $(rtf "$(get native_min)")
binding:          min $(fmt "$(get binding_min)" '%.3f') s, median $(fmt "$(get binding_median)" '%.3f') s; realtime factor $(rtf "$(get binding_min)")
binding - native: median of $repeats paired runs $(fmt "$(get paired_difference_median)" '%+.4f') s
binding per call: $(awk -v d="$(get call_difference_median)" 'BEGIN { printf "%+.1f", d * 1e6 }') µs (median of 200 paired calls on 100 ms of audio; native call alone $(awk -v d="$(get call_native_median)" 'BEGIN { printf "%.2f", d * 1e3 }') ms)
transcribe:       min $(fmt "$command_min" '%.3f') s, median $(fmt "$command_median" '%.3f') s; realtime factor $(rtf "$command_min") (end to end: process start, decode, model load)
command:          bench/whisper-speed.sh $*
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/whisper-speed.txt"
