// Keydesk's import rules, checked by `npm test` (npm run lint:deps). The layers, lowest first; a
// layer may import from its own layer and the ones below it, never from one above:
//
//   base       lib/env.ts, format.ts, permissions.ts, permission-descriptions.ts, branded-error.ts, connection-ids.ts, key-href.ts,
//              lib/text, lib/ip, lib/log
//   plumbing   lib/http (the JSON envelope, the browser's fetch, request facts), lib/db
//   upstream   lib/elevenlabs (the one module that talks to ElevenLabs), lib/providers (one
//              interface over ElevenLabs, DocSpace and Voiceable keys; its ElevenLabs adapter
//              wraps lib/elevenlabs)
//   audit      lib/audit (the append-only log every change writes)
//   auth       lib/auth (sessions, roles, sign-in, step-up)
//   observed   lib/observed (changes made outside Keydesk)
//   features   lib/keys, lib/users, lib/inventory, lib/find-key, lib/connections, lib/connection-keys
//   api        lib/api (withRole, the handlers' wiring): imported only by app/; lib/ops (health
//              and readiness)
//   app        app/, proxy.ts, instrumentation.ts
//
// Beside the layers: components/ is browser UI (it may import lib/, lib/ never imports it);
// lib/emulator/ imports nothing from the product; nothing in the product imports tests/.
const LAYERS = [
  [
    "base",
    "^lib/(env|format|permissions|permission-descriptions|branded-error|connection-ids|key-href|alerts/events|alerts/key-disabled)\\.ts$|^lib/(text|ip|log)/",
  ],
  ["plumbing", "^lib/(http|db)/"],
  ["upstream", "^lib/(elevenlabs|providers)/"],
  ["audit", "^lib/audit/"],
  ["auth", "^lib/auth/"],
  ["observed", "^lib/observed/"],
  // lib/alerts' bus (events, key-disabled) is base: the audit layer announces through it.
  [
    "features",
    "^lib/(keys|users|inventory|find-key|connections|connection-keys|policies|leaks|jobs|rotation-schedule|doctor|bulk)/|^lib/alerts/(?!events\\.ts$|key-disabled\\.ts$)",
  ],
  ["api", "^lib/(api|ops)/"],
];

const TESTS = "(\\.test\\.tsx?$|^tests/)";

const upward = LAYERS.flatMap(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => `(${p})`);
  if (above.length === 0) return [];
  return [
    {
      name: `no-upward-from-${name}`,
      comment: `The ${name} layer may not import from a layer above it (see the table at the top of this file).`,
      severity: "error",
      from: { path, pathNot: TESTS },
      to: { path: above.join("|") },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Import cycles make a folder impossible to read on its own and to load in a fixed order.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: "api-only-from-app",
      comment: "lib/api wires route handlers; only app/ uses it.",
      severity: "error",
      from: { path: "^(lib|components)/", pathNot: `^lib/api/|${TESTS}` },
      to: { path: "^lib/api/" },
    },
    {
      name: "server-never-imports-ui",
      comment: "Server code never reaches into a UI folder.",
      severity: "error",
      from: { path: "^(lib/|app/api/|proxy\\.ts$|instrumentation\\.ts$)" },
      to: { path: "^components/" },
    },
    {
      name: "providers-server-only",
      comment:
        "lib/providers holds admin credentials and talks to upstreams: browser UI may name its types (types.ts, no server code) and nothing else.",
      severity: "error",
      from: { path: "^components/", pathNot: TESTS },
      to: { path: "^lib/providers/", pathNot: "^lib/providers/types\\.ts$" },
    },
    {
      name: "providers-server-only-in-ui-tests",
      comment:
        "The UI's tests may also read the adapters' capabilities (plain data, no server code), so they test against the real ones instead of a copy.",
      severity: "error",
      from: { path: "^components/.*\\.test\\.tsx?$" },
      to: { path: "^lib/providers/", pathNot: "^lib/providers/(types|[^/]+/capabilities)\\.ts$" },
    },
    {
      name: "emulator-stands-apart",
      comment: "The emulator imports nothing from the product, so a bug in the product cannot hide in it.",
      severity: "error",
      from: { path: "^lib/emulator/" },
      to: { path: "^(lib|components|app)/", pathNot: "^lib/emulator/" },
    },
    {
      name: "product-uses-emulator-only-for-demo",
      comment:
        "Only demo mode starts the emulator inside Keydesk: lib/elevenlabs/demo.ts the default ElevenLabs workspace (getUpstream's), lib/connections/demo.ts demo mode's other connections (an EU workspace, DocSpace, Voiceable).",
      severity: "error",
      from: {
        path: "^(lib|components|app)/",
        pathNot: `^lib/emulator/|^lib/elevenlabs/demo\\.ts$|^lib/connections/demo\\.ts$|${TESTS}`,
      },
      to: { path: "^lib/emulator/" },
    },
    {
      name: "product-never-imports-tests",
      comment: "Product code never imports from tests/.",
      severity: "error",
      from: { path: "^(lib|components|app|proxy\\.ts|instrumentation\\.ts)", pathNot: TESTS },
      to: { path: "^tests/" },
    },
    {
      name: "start-script-alone",
      comment:
        "lib/start.ts launches the server process; nothing imports it and it imports no product code but lib/env.ts, lib/db (where the data folder is; a child process makes it while the build runs) and the server's Node.js flags.",
      severity: "error",
      from: { path: "^lib/start\\.ts$" },
      to: {
        path: "^(lib|components|app)/",
        pathNot: "^lib/(env|db/index|db/data-folder|server-node-flags)\\.ts$",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|test-results|playwright-report)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
