// The Node.js flags Keydesk's server runs with, wherever it is started from its build: `npm start`
// (lib/start.ts), the Dockerfile's CMD (the same list written out; server-node-flags.test.ts checks
// they agree), and the tests and benchmarks that start the standalone server. They trade a little CPU
// for memory; the numbers are in lib/db/DECISIONS.md ("Memory").
export const SERVER_NODE_FLAGS: readonly string[] = [
  // PGlite's PostgreSQL is 9 MB of WebAssembly. By default V8 compiles it with its baseline compiler
  // (Liftoff) and then recompiles the hot functions with its optimising one (TurboFan) on background
  // threads, whose scratch memory stays in those threads' malloc arenas for the life of the process:
  // 45 to 100 MiB resident, the largest single part of an idle server. Liftoff's code alone costs
  // about a tenth more CPU inside PGlite (a request spends a few milliseconds there) and starts sooner.
  "--liftoff-only",
  // The young generation's two semi-spaces grow to 16 MiB each under load (V8's default on 64-bit)
  // and stay that size. Keydesk's requests allocate little that lives long, so small semi-spaces mean
  // more, shorter scavenges and a lower peak.
  "--max-semi-space-size=2",
];
