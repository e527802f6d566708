#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Each step prints its own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n==> %s\n' "$1"; }

step "Typecheck"
npx tsc --noEmit

step "Lint"
npx eslint --max-warnings 0 .

step "Unit and integration tests (Vitest)"
npx vitest run

step "End-to-end tests (Playwright, Debian's Chromium)"
bash tests/ensure-chromium.sh
npx playwright test
