// A Keydesk server of a spec's own (real mode, against the e2e emulator, its own data folder), for
// tests that would disturb the shared console server: exhausting the per-address sign-in limit,
// pausing accounts, or needing settings of their own (a short sign-in pause, trusted proxies).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "./e2e-accounts";
import { E2E } from "./e2e-servers";

export interface OwnServer {
  url: string;
  stop(): Promise<void>;
}

export async function startOwnServer(
  name: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<OwnServer> {
  const dataDir = `${E2E.dataDir}/${name}`;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(E2E.logDir, { recursive: true });
  const log = openSync(`${E2E.logDir}/${name}-server.log`, "w");
  const child: ChildProcess = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", log, log],
    detached: true,
    env: {
      ...process.env,
      ELEVENLABS_API_KEY: E2E.adminKey,
      ELEVENLABS_BASE_URL: E2E.emulatorUrl,
      // The emulators are on 127.0.0.1, which real mode refuses unless told.
      KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "true",
      KEYDESK_AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
      KEYDESK_ADMIN_EMAIL: CONSOLE_ACCOUNTS.admin.email,
      KEYDESK_ADMIN_PASSWORD: CONSOLE_PASSWORD,
      KEYDESK_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    // The whole process group: npx and the next server under it.
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  // A loaded machine may take long to start the server; E2E_TIMEOUT_MS stretches the wait.
  const deadline = Date.now() + Math.max(60_000, Number(process.env.E2E_TIMEOUT_MS ?? 0));
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} server exited (${child.exitCode}); see ${E2E.logDir}/${name}-server.log`);
    const ok = await fetch(`${url}/sign-in`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      // Not left running behind a failed start: it would hold the port for the next spec.
      await stop();
      throw new Error(`${name} server did not start; see ${E2E.logDir}/${name}-server.log`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}
