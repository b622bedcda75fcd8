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

# JSON Schema validator used by the tests to check every EDL against docs/edl-v1.schema.json.
tools="$root/tools"
if [ ! -f "$tools/node_modules/ajv/dist/2020.js" ]; then
  say "installing ajv into $tools (npm)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error ajv@8.17.1 >/dev/null
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
