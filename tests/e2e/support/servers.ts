// Where the end-to-end servers listen. Ports are fixed so a failing run is easy to poke at by hand.
export const E2E = {
  demoPort: 3100,
  consolePort: 3101,
  emulatorPort: 4311,
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
  get emulatorUrl() {
    return `http://127.0.0.1:${this.emulatorPort}`;
  },
};
