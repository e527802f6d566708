// The Node.js flags Keydesk's server runs with, wherever it is started from its build: `npm start`
// (lib/start.ts), the Dockerfile's CMD (the same list written out; server-node-flags.test.ts checks
// they agree), and the tests and benchmarks that start the standalone server. Each trades a little
// CPU for memory; the measurements are in lib/db/DECISIONS.md ("Memory").
export const SERVER_NODE_FLAGS: readonly string[] = [
  // PGlite's PostgreSQL is 9 MB of WebAssembly. By default V8 compiles it with its baseline compiler
  // (Liftoff), then recompiles the hot functions with its optimising one (TurboFan) on background
  // threads, whose scratch memory stays in those threads' malloc arenas for the life of the process:
  // 45 to 100 MiB resident, the largest single part of an idle server. Liftoff's code alone costs
  // about a tenth more CPU inside PGlite (a request spends a few milliseconds there).
  "--liftoff-only",
  // The young generation's two semi-spaces grow to 16 MiB each under load (V8's default on 64-bit)
  // and stay that size; Keydesk's requests allocate little that lives long.
  "--max-semi-space-size=4",
  // V8 lets the old generation grow by up to 4x its live size before the next full collection, and
  // under load most of it is garbage: 50 sessions took a server whose live heap is ~100 MiB to
  // 480-640 MiB resident. 1.25x keeps the peak near 270 MiB; collections run more often, on V8's
  // concurrent marker, for no measurable CPU per request. The heap's limit is unchanged (no new
  // out-of-memory point).
  "--heap-growing-percent=25",
];
