#!/usr/bin/env bash
# Benchmark: Whisper speed on this machine, threads = cores, measured in one run (interleaved, REPEATS each):
#   native   one whisper_full_with_state call from C through the same library (bench/whisper-speed/native-baseline.c)
#   binding  one WhisperProcessor.Process call, the managed path the pipeline takes (bench/whisper-speed/Program.cs)
#   command  `highlights transcribe` end to end: process start, ffmpeg decode, library and model load, transcription
# Realtime factor = audio seconds / wall seconds (above 1 is faster than real time). Binding overhead = binding / native - 1.
# Usage: bench/whisper-speed.sh [MODEL] [AUDIO] [REPEATS] [AUDIO_CONTEXT]
#   MODEL defaults to ../shared/models/for-tests-ggml-tiny.en.bin, which has NO WEIGHTS (see the note it prints).
# Writes a summary to stdout and bench/results/whisper-speed.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${HIGHLIGHTS_SHARED_DIR:-$root/../shared}"
model="$(realpath "${1:-$shared/models/for-tests-ggml-tiny.en.bin}")"
audio="$(realpath "${2:-$shared/samples/jfk.wav}")"
repeats="${3:-3}"
audio_ctx="${4:-0}"
threads="$(nproc)"
bash "$root/scripts/setup.sh" --quiet
library="$root/tools/whisper/node_modules/@fugood/node-whisper-linux-x64/index.node"
include="$root/tools/whisper/node_modules/@fugood/whisper.node/whisper.cpp"
work="$(mktemp -d /tmp/highlights-whisper-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

gcc -O2 -std=gnu11 -I "$include/include" -I "$include/ggml/include" "$root/bench/whisper-speed/native-baseline.c" -o "$work/native" -ldl
dotnet build "$root/bench/whisper-speed" -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
dotnet build "$root/client/Highlights.Cli.csproj" -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
managed="$root/bench/whisper-speed/bin/Release/net10.0/Highlights.Bench.WhisperSpeed.dll"
cli="$root/client/bin/Release/net10.0/highlights.dll"

ffmpeg -hide_banner -nostdin -v error -i "$audio" -ac 1 -ar 16000 -f f32le "$work/audio.f32"
seconds=$(awk -v b="$(stat -c %s "$work/audio.f32")" 'BEGIN { printf "%.2f", b / 4 / 16000 }')
wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }'; }

native=() binding=() command=()
for _ in $(seq "$repeats"); do
  native+=("$("$work/native" "$library" "$model" "$work/audio.f32" "$threads" "$audio_ctx" | cut -d' ' -f1)")
  binding+=("$(dotnet "$managed" "$model" "$work/audio.f32" "$threads" "$audio_ctx" | cut -d' ' -f1)")
  command+=("$(HIGHLIGHTS_WHISPER__THREADS="$threads" HIGHLIGHTS_WHISPER__AUDIOCONTEXT="$audio_ctx" \
    wall dotnet "$cli" transcribe "$audio" --model "$model" --format json --out "$work/transcript.json")")
done
stat_of() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "min %.2f s, median %.2f s", v[1], v[int((NR + 1) / 2)] }'; }
min_of() { printf '%s\n' "$@" | sort -g | head -1; }
rtf() { awk -v a="$seconds" -v w="$1" 'BEGIN { printf "%.3f", a / w }'; }
n_min=$(min_of "${native[@]}") b_min=$(min_of "${binding[@]}") c_min=$(min_of "${command[@]}")
overhead=$(awk -v b="$b_min" -v n="$n_min" 'BEGIN { printf "%+.1f %% (%+.3f s)", (b / n - 1) * 100, b - n }')

note="real weights: these figures are this model's transcription speed here"
if python3 - "$model" <<'PY'
import struct, sys
# A whisper.cpp test model ends right after its vocabulary: no tensors. Walk the header to find out.
f = open(sys.argv[1], "rb")
hp = struct.unpack("<I11i", f.read(48)); n_mel, n_fft = struct.unpack("<ii", f.read(8)); f.seek(n_mel * n_fft * 4, 1)
(words,) = struct.unpack("<i", f.read(4))
for _ in range(words):
    (n,) = struct.unpack("<i", f.read(4)); f.seek(n, 1)
sys.exit(0 if f.read(1) == b"" else 1)
PY
then
  note="NO WEIGHTS (whisper.cpp's test model): it hears nothing, so decoding is nearly free while the encoder does its full work; read these figures as a lower bound on the cost of the pipeline and the binding, not as real transcription speed"
fi

summary=$(cat <<TXT
whisper speed benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg), whisper.cpp from @fugood/node-whisper-linux-x64@1.1.3)
model:                   $(basename "$model")
note:                    $note
audio:                   $(basename "$audio"), ${seconds} s; $threads threads; greedy; audio context ${audio_ctx} (0 = the model's 30 s)
native whisper_full:     $(stat_of "${native[@]}"); realtime factor $(rtf "$n_min")
binding (managed call):  $(stat_of "${binding[@]}"); realtime factor $(rtf "$b_min")
binding overhead:        $overhead, binding min vs native min
transcribe, end to end:  $(stat_of "${command[@]}"); realtime factor $(rtf "$c_min") (process start, decode, model load included)
runs:                    $repeats of each, interleaved
command:                 bench/whisper-speed.sh $*
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/whisper-speed.txt"
