import { resolve } from "node:path";
import { defineConfig } from "@playwright/test";
import { SERVER_NODE_FLAGS } from "@/lib/server-node-flags";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD, storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { OIDC_TEST_CLIENT, OIDC_TEST_ROLE_MAP } from "./tests/support/oidc-test-accounts";

const isCI = Boolean(process.env.CI);
// The e2e servers do not run the watch job on their own (lib/jobs): a read of every connection at an
// arbitrary moment would sign a spec's outside changes as the job's. A spec that wants it sets its own.
process.env.KEYDESK_WATCH_INTERVAL_MINUTES ??= "0";

/** Real mode, shared by the console server and the two cluster instances. */
const realModeEnv = {
  ELEVENLABS_API_KEY: E2E.adminKey,
  ELEVENLABS_BASE_URL: E2E.emulatorUrl,
  // The emulators listen on 127.0.0.1, which real mode refuses unless told (lib/http/upstream-address*.ts).
  KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "true",
  ELEVENLABS_TIMEOUT_MS: "2000",
  KEYDESK_AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
  // Seals the credentials of connections added on the Connections page (32 bytes, hex).
  KEYDESK_ENCRYPTION_KEY: "e2e0".repeat(16),
  KEYDESK_ADMIN_EMAIL: CONSOLE_ACCOUNTS.admin.email,
  KEYDESK_ADMIN_PASSWORD: CONSOLE_PASSWORD,
  // Single sign-on through the test provider; password sign-in stays on.
  KEYDESK_OIDC_ISSUER: E2E.oidcUrl,
  KEYDESK_OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
  KEYDESK_OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
  KEYDESK_OIDC_NAME: "Test ID",
  KEYDESK_OIDC_SCOPES: "openid email profile groups",
  KEYDESK_OIDC_ROLE_MAP: OIDC_TEST_ROLE_MAP,
  NEXT_TELEMETRY_DISABLED: "1",
  // The console tests share sign-ins saved by the setup project at the start of the run; a day-long step-up window keeps
  // those "recent" for the whole run. The step-up itself is tested on the mfa server, with a short window.
  KEYDESK_STEP_UP_SECONDS: "86400",
};

/** Where the test provider may send people back: the console server, the two-factor server (SSO step-up) and the cluster instances. */
const oidcRedirects = [E2E.consoleUrl, E2E.mfaUrl, E2E.clusterUrl(0), E2E.clusterUrl(1)]
  .map((base) => `--redirect-uri ${base}/api/auth/callback/oidc`)
  .join(" ");

// Two Keydesk instances on one PostgreSQL database, when the run has a server (tests/run-all.sh
// starts a throwaway one); otherwise their tests are not run, and this says so.
const clusterDb = E2E.clusterDatabaseUrl;
if (!clusterDb)
  console.warn(
    "E2E_CLUSTER_DATABASE_URL is not set: the two-instances-on-PostgreSQL browser tests will not run.",
  );
const clusterServers = clusterDb
  ? E2E.clusterPorts.map((port) => ({
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      url: `http://127.0.0.1:${port}/sign-in`,
      timeout: 180_000,
      // As if behind a proxy on this machine: its X-Forwarded-For is believed (the sign-in limit
      // test gives itself an address of its own that way).
      env: { ...realModeEnv, DATABASE_URL: clusterDb, KEYDESK_TRUSTED_PROXIES: "127.0.0.1" },
    }))
  : [];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCI,
  retries: 0,
  reporter: isCI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A test's time limit; E2E_TIMEOUT_MS raises it on a machine busy with other work.
  timeout: Number(process.env.E2E_TIMEOUT_MS) || 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; the flags keep it from reaching for a network this machine does not have.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // `npm start` as a new user runs it: demo mode, embedded emulator.
    {
      name: "demo",
      testMatch: /(^|\/)demo-[^/]*\.spec\.ts$/,
      use: { browserName: "chromium", baseURL: E2E.demoUrl },
    },
    // Real mode against an emulator the tests control (reset, faults, request log), signed in as
    // the admin unless a test says otherwise; the setup adds the other roles' users.
    {
      name: "console-setup",
      testMatch: /console\.setup\.ts/,
      use: { browserName: "chromium", baseURL: E2E.consoleUrl },
    },
    {
      name: "console",
      testIgnore: [
        /(^|\/)demo-[^/]*\.spec\.ts$/,
        /cluster\.spec\.ts$/,
        /(^|\/)mfa-[^/]*\.spec\.ts$/,
        /(^|\/)standalone\.spec\.ts$/,
      ],
      dependencies: ["console-setup"],
      use: { browserName: "chromium", baseURL: E2E.consoleUrl, storageState: storageStatePath("admin") },
    },
    // Two-factor sign-in, step-up and sessions, on their own server (support must enrol; a 10-second step-up window).
    {
      name: "mfa",
      testMatch: /(^|\/)mfa-[^/]*\.spec\.ts$/,
      use: { browserName: "chromium", baseURL: E2E.mfaUrl },
    },
    // The build's standalone server started the way the Dockerfile starts it: a smoke test.
    {
      name: "standalone",
      testMatch: /standalone\.spec\.ts/,
      use: { browserName: "chromium", baseURL: E2E.standaloneUrl },
    },
    ...(clusterDb
      ? [{ name: "cluster", testMatch: /cluster\.spec\.ts/, use: { browserName: "chromium" as const } }]
      : []),
  ],
  // Started in this order; the first builds (when needed) and the last reuses that build.
  webServer: [
    {
      command: `rm -rf ${E2E.dataDir}/demo && npx tsx --conditions=react-server lib/start.ts -p ${E2E.demoPort}`,
      url: `${E2E.demoUrl}/`,
      timeout: 240_000,
      stdout: "pipe",
      env: { ELEVENLABS_API_KEY: "", KEYDESK_DATA_DIR: `${E2E.dataDir}/demo`, NEXT_TELEMETRY_DISABLED: "1" },
    },
    {
      command: `npx tsx lib/emulator/elevenlabs/cli.ts --port ${E2E.emulatorPort} --admin-key ${E2E.adminKey} --seed demo --control`,
      url: `${E2E.emulatorUrl}/__emulator/faults`,
      timeout: 120_000,
    },
    {
      command: `npx tsx lib/emulator/cli.ts --provider docspace --port ${E2E.docspacePort} --admin-key ${E2E.docspaceAdminKey} --seed demo --control`,
      url: `${E2E.docspaceUrl}/__emulator/faults`,
      timeout: 120_000,
    },
    {
      command: `npx tsx tests/support/oidc-provider.ts --port ${E2E.oidcPort} ${oidcRedirects}`,
      url: `${E2E.oidcUrl}/.well-known/openid-configuration`,
      timeout: 120_000,
    },
    {
      // Its output is kept in a file too, so a test can prove no secret was ever logged.
      command: `rm -rf ${E2E.dataDir}/console && mkdir -p ${E2E.logDir} && npx next start -H 127.0.0.1 -p ${E2E.consolePort} 2>&1 | tee ${E2E.consoleLog}`,
      url: `${E2E.consoleUrl}/`,
      timeout: 180_000,
      stdout: "pipe",
      // Its tests change the emulator behind Keydesk's back (a reset before each) and look at once:
      // no reuse of a read here (KEYDESK_SHARED_READ_MS=0). The demo server keeps the default
      // reuse, and demo-mode.spec.ts checks it.
      env: { ...realModeEnv, KEYDESK_DATA_DIR: `${E2E.dataDir}/console`, KEYDESK_SHARED_READ_MS: "0" },
    },
    {
      command: `rm -rf ${E2E.dataDir}/mfa && npx next start -H 127.0.0.1 -p ${E2E.mfaPort}`,
      url: `${E2E.mfaUrl}/sign-in`,
      timeout: 180_000,
      env: {
        ...realModeEnv,
        KEYDESK_DATA_DIR: `${E2E.dataDir}/mfa`,
        KEYDESK_REQUIRE_2FA: "support",
        KEYDESK_STEP_UP_SECONDS: String(E2E.mfaStepUpSeconds),
      },
    },
    {
      // `node .next/standalone/server.js` of the build the first server made or found (it builds nothing),
      // with the static files copied beside it as the Dockerfile does, and its Node.js flags; demo mode, a
      // data folder of its own (an absolute path: the server changes its working folder to its own).
      // And, as the Dockerfile does, the data folder template a first start copies (made or brought up to date).
      command: `rm -rf ${E2E.dataDir}/standalone && { [ -d .next/standalone/.next/static ] || cp -R .next/static .next/standalone/.next/static; } && npx tsx --conditions=react-server lib/ops/prepare-data-dir-cli.ts .next/standalone/data-template && node ${SERVER_NODE_FLAGS.join(" ")} .next/standalone/server.js`,
      url: `${E2E.standaloneUrl}/api/health`,
      timeout: 180_000,
      env: {
        PORT: String(E2E.standalonePort),
        HOSTNAME: "127.0.0.1",
        ELEVENLABS_API_KEY: "",
        KEYDESK_DATA_DIR: resolve(E2E.dataDir, "standalone"),
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
    ...clusterServers,
  ],
});
