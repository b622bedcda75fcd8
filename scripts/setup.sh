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
say "ready"
