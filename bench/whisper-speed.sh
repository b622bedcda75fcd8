#!/usr/bin/env bash
# Benchmark: `highlights transcribe` against Whisper.net alone on the same audio and model, whole processes, in one run.
#   alone       bench/whisper-speed/Program.cs: a process that loads the model with Whisper.net's CPU runtime and
#               transcribes the WAV as Whisper.net's examples do (factory, processor, async segments)
#   transcribe  `highlights transcribe AUDIO --model MODEL`: process start, options, ffprobe + ffmpeg decode, the model
#               check, windows, checkpoints, JSON output - our whole pipeline around the same Whisper.net call
# The two alternate REPEATS times (which goes first alternates too), so both see the same machine. Realtime factor =
# audio seconds / median wall seconds (above 1 is faster than real time). Goal: transcribe within 1.5x of alone.
# Usage: bench/whisper-speed.sh [MODEL] [AUDIO] [REPEATS]
#   MODEL defaults to ../shared/models/for-tests-ggml-tiny.en.bin, which has NO WEIGHTS (see the note it prints);
#   AUDIO (a 16 kHz mono WAV, as Whisper.net's parser wants) to ../shared/samples/jfk.wav; REPEATS to 5.
# Writes a summary to stdout and bench/results/whisper-speed.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${HIGHLIGHTS_SHARED_DIR:-$root/../shared}"
model="$(realpath "${1:-$shared/models/for-tests-ggml-tiny.en.bin}")"
audio="$(realpath "${2:-$shared/samples/jfk.wav}")"
repeats="${3:-5}"
threads="$(nproc)"
previous_rtf="0.41"
bash "$root/scripts/setup.sh" --quiet
work="$(mktemp -d /tmp/highlights-whisper-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/bench/whisper-speed" -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
dotnet build "$root/client/Highlights.Cli.csproj" -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$audio")
load_before=$(cut -d' ' -f1 /proc/loadavg)

now() { date +%s.%N; }
alone() {
  dotnet "$root/bench/whisper-speed/bin/Release/net10.0/Highlights.Bench.WhisperSpeed.dll" "$model" "$audio" "$threads" 0 > "$work/alone.txt"
}
transcribe() {
  HIGHLIGHTS_WHISPER__THREADS="$threads" HIGHLIGHTS_STATE__DIRECTORY="$work/state" \
    dotnet "$root/client/bin/Release/net10.0/highlights.dll" transcribe "$audio" --model "$model" --format json --out "$work/transcript.json" >/dev/null 2>"$work/transcribe.err" \
    || { cat "$work/transcribe.err" >&2; exit 1; }
}
timed() { local s e; s=$(now); "$1"; e=$(now); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }'; }

alone_times=(); transcribe_times=(); call_times=()
for i in $(seq "$repeats"); do
  rm -rf "$work/state"
  if [ $((i % 2)) -eq 1 ]; then
    alone_times+=("$(timed alone)"); call_times+=("$(sed -n 's/^process_seconds=//p' "$work/alone.txt")")
    transcribe_times+=("$(timed transcribe)")
  else
    transcribe_times+=("$(timed transcribe)")
    alone_times+=("$(timed alone)"); call_times+=("$(sed -n 's/^process_seconds=//p' "$work/alone.txt")")
  fi
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }
alone_median=$(median "${alone_times[@]}"); transcribe_median=$(median "${transcribe_times[@]}"); call_median=$(median "${call_times[@]}")
rtf() { awk -v a="$seconds" -v w="$1" 'BEGIN { printf "%.3f", a / w }'; }
ratio=$(awk -v t="$transcribe_median" -v a="$alone_median" 'BEGIN { printf "%.2f", t / a }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "within the 1.5x goal" : "OVER the 1.5x goal") }')
load_after=$(cut -d' ' -f1 /proc/loadavg)

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
  note="NO WEIGHTS (whisper.cpp's test model). It hears nothing, so decoding is nearly free while the encoder does its full work: read these figures as the cost of loading, the encoder and our pipeline, not as real transcription speed"
fi

busy=""
if awk -v l="$load_before" -v e="$load_after" -v c="$threads" 'BEGIN { exit !(l > c || e > c) }'; then
  busy="
busy machine:     load average above the $threads cores (other engineers were building on this machine): wall times are
                  inflated and vary; both sides alternated in the same run, so the ratio is the steadier figure"
fi

summary=$(cat <<TXT
whisper speed benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average $load_before at start and $load_after at end)
library:          Whisper.net 1.9.1 with Whisper.net.Runtime 1.9.1 (CPU)
model:            $(basename "$model")
note:             $note
audio:            $(basename "$audio"), $(awk -v s="$seconds" 'BEGIN { printf "%.2f", s }') s; $threads threads; greedy; full 30 s audio context
alone:            whole process min $(minimum "${alone_times[@]}") s, median $alone_median s; realtime factor $(rtf "$alone_median"); its processing call alone median $(awk -v c="$call_median" 'BEGIN { printf "%.3f", c }') s
transcribe:       whole process min $(minimum "${transcribe_times[@]}") s, median $transcribe_median s; realtime factor $(rtf "$transcribe_median")
transcribe/alone: $ratio x (medians of $repeats alternated runs; $verdict)
previous:         realtime factor $previous_rtf (our own binding over the npm whisper.cpp build without AVX/FMA, same model and audio)
command:          bench/whisper-speed.sh $*$busy
TXT
)
mkdir -p "$root/bench/results"
echo "$summary" | tee "$root/bench/results/whisper-speed.txt"
