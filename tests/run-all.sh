#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Each step prints its own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n==> %s\n' "$1"; }

step "Typecheck"
# The route types (PageProps, RouteContext) are generated into .next/types, which a fresh clone lacks.
npx next typegen && npx tsc --noEmit

step "Lint"
npx eslint --max-warnings 0 .

step "Import rules (dependency-cruiser: layers one way, no cycles, the emulator apart)"
npm run -s lint:deps

step "Formatting (Prettier)"
npx prettier --check . --log-level warn

# One throwaway PostgreSQL server for the whole run (when PostgreSQL is installed): the database
# tests and the two-instance browser tests use it; it is stopped and deleted at the end.
pg_pid=""
cleanup() { if [ -n "$pg_pid" ]; then kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  step "PostgreSQL"
  pg_out=$(mktemp)
  pg_err=$(mktemp)
  npx tsx tests/support/throwaway-postgres.ts >"$pg_out" 2>"$pg_err" &
  pg_pid=$!
  for _ in $(seq 1 240); do
    if [ "$(wc -l <"$pg_out")" -ge 2 ] || ! kill -0 "$pg_pid" 2>/dev/null; then break; fi
    sleep 0.25
  done
  if url=$(head -n 1 "$pg_out") && [[ "$url" == postgres://* ]]; then
    export TEST_DATABASE_URL="$url"
    E2E_CLUSTER_DATABASE_URL=$(sed -n 2p "$pg_out")
    export E2E_CLUSTER_DATABASE_URL
    echo "throwaway PostgreSQL server at $url"
  else
    echo "PostgreSQL is not available here ($(grep -v 'npm warn' "$pg_err" | tail -n 1)): its tests will say so and the rest will run."
    pg_pid=""
  fi
fi

# One build of this checkout for everything after: the integration test that runs the built server,
# and the browser tests (the demo server's `npm start` finds it fresh and does not build again).
step "Build"
npx next build

step "Unit and integration tests (Vitest)"
npx vitest run

step "End-to-end tests (Playwright, Debian's Chromium)"
bash tests/ensure-chromium.sh
npx playwright test
