#!/usr/bin/env bash
# One command from a fresh clone to a built demo note:
#   system packages (Chromium to print, poppler-utils for the PDF tests) → npm ci → tsc → demo note in output/.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup: need root (or sudo) to run: apt-get install -y ${need[*]}" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "setup: installing npm packages (npm ci; no install scripts, no browser download)"
npm ci --no-audit --no-fund --loglevel=error

echo "setup: compiling TypeScript to dist/ and bundling the CLI (dist/bundle/)"
npm run --silent build

if [ "${SKIP_DEMO:-}" != "1" ]; then
  echo "setup: building the demo note"
  node bin/market-note.js build --out output
fi
