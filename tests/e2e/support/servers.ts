// Where the end-to-end servers listen. Ports are fixed so a failing run is easy to poke at by hand.
export const E2E = {
  demoPort: 3100,
  consolePort: 3101,
  emulatorPort: 4311,
  /** Two instances on one PostgreSQL database (only when the test run has a PostgreSQL server). */
  clusterPorts: [3102, 3103] as const,
  clusterDatabaseUrl: process.env.E2E_CLUSTER_DATABASE_URL || null,
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
  get emulatorUrl() {
    return `http://127.0.0.1:${this.emulatorPort}`;
  },
};
