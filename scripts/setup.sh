#!/usr/bin/env bash
# Installs what Highlights needs on Debian 12 and is a no-op when it is all there.
# System packages come from apt (needs root or sudo); Node tools go into ./tools (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiet="${1:-}"
say() { [ "$quiet" = "--quiet" ] || echo "setup: $*" >&2; }

# command -> Debian package providing it
declare -A needed=(
  [ffmpeg]=ffmpeg
  [ffprobe]=ffmpeg
  [espeak-ng]=espeak-ng
  [node]=nodejs
  [npm]=npm
  [promtool]=prometheus
)
missing=()
for cmd in "${!needed[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${needed[$cmd]}")
done
# Packages needed by name rather than by command: OpenCV (Haar cascades) and the toolchain for the vision shim.
for pkg in libopencv-objdetect-dev libopencv-imgproc-dev opencv-data cmake g++; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "setup: installing ${missing[*]} (apt)" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL for cluster mode and its tests (which start their own server with initdb as the postgres user).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "setup: installing postgresql (apt)" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
fi

# JSON Schema validator used by the tests to check every EDL against docs/edl-v1.schema.json.
tools="$root/tools"
if [ ! -f "$tools/node_modules/ajv/dist/2020.js" ]; then
  say "installing ajv into $tools (npm)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error ajv@8.17.1 >/dev/null
fi
# OpenAI's o200k tokenizer, to check that the LLM token estimate errs high (tests) and to measure it (bench/llm-tokens.sh).
if [ ! -f "$tools/node_modules/js-tiktoken/package.json" ]; then
  say "installing js-tiktoken into $tools (npm)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error js-tiktoken@1.0.21 >/dev/null
fi

# whisper.cpp for transcription: the prebuilt shared library (index.node exports the C API) and the package
# carrying the matching whisper.h. A prefix of their own, so no other install pulls their optional GPU builds.
whisper="$tools/whisper"
if [ ! -f "$whisper/node_modules/@fugood/node-whisper-linux-x64/index.node" ] \
   || [ ! -f "$whisper/node_modules/@fugood/whisper.node/whisper.cpp/include/whisper.h" ]; then
  say "installing whisper.cpp (npm @fugood/node-whisper-linux-x64, @fugood/whisper.node) into $whisper"
  mkdir -p "$whisper"
  npm install --prefix "$whisper" --no-audit --no-fund --loglevel=error --omit=optional --ignore-scripts --save-exact \
    @fugood/node-whisper-linux-x64@1.1.3 @fugood/whisper.node@1.1.3 >/dev/null
fi

# The vision shim (native/): rebuilt only when its sources change; the .NET side loads it from native/build.
native="$root/native"
build="$native/build"
sources_hash=$(cat "$native/CMakeLists.txt" "$native"/include/*.h "$native"/src/*.cpp | sha256sum | cut -d' ' -f1)
if [ ! -f "$build/libhighlights_vision.so" ] || [ "$(cat "$build/.sources.sha256" 2>/dev/null)" != "$sources_hash" ]; then
  say "building the vision shim into $build (cmake)"
  cmake -S "$native" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "$(nproc)" >/dev/null
  echo "$sources_hash" > "$build/.sources.sha256"
fi
# Newer than its sources from now on, so the launcher's freshness check passes after a checkout touched them.
touch "$build/libhighlights_vision.so"
say "ready"
