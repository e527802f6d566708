#!/usr/bin/env bash
# Time from a fresh clone to the first page: clones this checkout's HEAD into a temporary folder,
# runs the README's `npm install && npm start` there (on a free port), and polls its sign-in page
# until it answers 200 (`/` answers a redirect to it when signed out). Prints the seconds; asserts
# nothing. Ends only the processes it started (their own process group), never anyone else's.
# The floor is quoted, not measured (a second clone, install and build would double a long run):
# a bare Next.js 16 app took 26 s the same way on this machine type (issue 11).
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
pgid=""
cleanup() {
  if [ -n "$pgid" ]; then kill -TERM -- "-$pgid" 2>/dev/null || true; sleep 1; kill -KILL -- "-$pgid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
git clone -q "$repo" "$work/keydesk"
cd "$work/keydesk"
started=$(date +%s.%N)
# setsid: the install, the build and the server get a process group of their own to end at exit.
setsid bash -c "npm install --silent >'$work/install.log' 2>&1 && exec npm start -- -p $port >'$work/start.log' 2>&1" &
pgid=$!
installed=""
for _ in $(seq 1 1200); do
  [ -z "$installed" ] && [ -d node_modules/.bin ] && [ -f "$work/start.log" ] && installed=$(date +%s.%N)
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/sign-in" || true)" = "200" ] && break
  sleep 0.25
done
ended=$(date +%s.%N)
printf 'npm install: %.1f s; then build and start to the first page: %.1f s; total from a fresh clone: %.1f s\n' \
  "$(echo "$installed - $started" | bc)" "$(echo "$ended - $installed" | bc)" "$(echo "$ended - $started" | bc)"
printf 'floor (quoted): a bare Next.js app, 26 s; ratio %.1fx\n' "$(echo "($ended - $started) / 26" | bc -l)"
