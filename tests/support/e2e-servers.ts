// Where the end-to-end servers listen. Ports are fixed so a failing run is easy to poke at by hand;
// E2E_PORT_OFFSET moves them all, so two checkouts can run their browser tests side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;

export const E2E = {
  demoPort: 3100 + offset,
  consolePort: 3101 + offset,
  emulatorPort: 4311 + offset,
  /** The test OpenID Connect provider (tests/support/oidc-provider.ts). */
  oidcPort: 4312 + offset,
  /** A DocSpace emulator for the connections journey (connections.spec.ts). */
  docspacePort: 4313 + offset,
  docspaceAdminKey: "docspace_e2e_portal_admin_token",
  /** Two instances on one PostgreSQL database (only when the test run has a PostgreSQL server). */
  clusterPorts: [3102 + offset, 3103 + offset] as const,
  clusterDatabaseUrl: process.env.E2E_CLUSTER_DATABASE_URL || null,
  /** Real mode with support staff required to use two-factor sign-in and a 10-second step-up window (mfa-*.spec.ts). */
  mfaPort: 3104 + offset,
  mfaStepUpSeconds: 10,
  /** A server of trust-edge.spec.ts's own, with a short sign-in pause. */
  edgePort: 3105 + offset,
  /** Servers of connections-file.spec.ts's own, with a KEYDESK_CONNECTIONS_FILE (this port and the next). */
  connectionsFilePort: 3106 + offset,
  /** The standalone server (`node .next/standalone/server.js`) in demo mode, as the Dockerfile runs it (standalone.spec.ts). */
  standalonePort: 3109 + offset,
  adminKey: "adm_e2e_workspace_admin_key",
  logDir: ".e2e-logs",
  dataDir: ".e2e-data",
  get consoleLog() {
    return `${this.logDir}/console-server.log`;
  },
  get demoUrl() {
    return `http://127.0.0.1:${this.demoPort}`;
  },
  get consoleUrl() {
    return `http://127.0.0.1:${this.consolePort}`;
  },
  clusterUrl(i: 0 | 1) {
    return `http://127.0.0.1:${this.clusterPorts[i]}`;
  },
  get oidcUrl() {
    return `http://127.0.0.1:${this.oidcPort}`;
  },
  get mfaUrl() {
    return `http://127.0.0.1:${this.mfaPort}`;
  },
  get standaloneUrl() {
    return `http://127.0.0.1:${this.standalonePort}`;
  },
  get docspaceUrl() {
    return `http://127.0.0.1:${this.docspacePort}`;
  },
  get emulatorUrl() {
    return `http://127.0.0.1:${this.emulatorPort}`;
  },
};
