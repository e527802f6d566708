#!/usr/bin/env bash
# Time from a fresh clone to the first page: clones this checkout's HEAD into a temporary folder,
# runs the README's `npm install && npm start` there, and polls http://localhost:3000/ until it
# answers 200. Prints the seconds; asserts nothing. Port 3000 must be free.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q "$repo" "$work/keydesk"
cd "$work/keydesk"
started=$(date +%s.%N)
(npm install --silent >"$work/install.log" 2>&1 && exec npm start >"$work/start.log" 2>&1) &
installed=""
for _ in $(seq 1 1200); do
  [ -z "$installed" ] && [ -d node_modules/.bin ] && [ -f "$work/start.log" ] && installed=$(date +%s.%N)
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:3000/ || true)" = "200" ] && break
  sleep 0.25
done
ended=$(date +%s.%N)
printf 'npm install: %.1f s; then build and start to the first page: %.1f s; total from a fresh clone: %.1f s\n' \
  "$(echo "$installed - $started" | bc)" "$(echo "$ended - $installed" | bc)" "$(echo "$ended - $started" | bc)"
