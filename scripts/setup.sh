#!/usr/bin/env bash
# Installs what Highlights needs on Debian 12 and is a no-op when it is all there.
# System packages come from apt (needs root or sudo); Node tools go into ./tools (git-ignored). Nothing native is built:
# whisper.cpp and OpenCV come with their NuGet runtime packages (Whisper.net.Runtime, OpenCvSharp4.official.runtime).
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
  [prometheus]=prometheus
  # The studio's browser tests drive Debian's Chromium through its chromedriver (Selenium).
  [chromium]=chromium
  [chromedriver]=chromium-driver
)
missing=()
for cmd in "${!needed[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${needed[$cmd]}")
done
# Packages needed by name rather than by command: the Haar cascade files (OpenCvSharp's runtime package ships none)
# and GTK 3, which that runtime's libOpenCvSharpExtern.so links against on Debian 12.
for pkg in opencv-data libgtk-3-0; do
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

say "ready"
