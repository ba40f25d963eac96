#!/usr/bin/env bash
# Makes sure the end-to-end tests have a Chromium to drive. Playwright cannot download its own
# browser on every machine, so the tests use Debian's package by default (see playwright.config.ts).
set -euo pipefail
if [ -n "${CHROMIUM_PATH+x}" ]; then exit 0; fi   # the user chose a browser (or Playwright's own, with CHROMIUM_PATH=)
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  exit 0
fi
cat >&2 <<'MSG'
No Chromium found for the end-to-end tests. Either:
  - install your distribution's chromium (Debian/Ubuntu: sudo apt-get install chromium), or
  - use Playwright's own browser: npx playwright install chromium, then run with CHROMIUM_PATH= npm test
  - or point CHROMIUM_PATH at any Chromium or Chrome binary.
MSG
exit 1
