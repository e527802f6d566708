// A production Keydesk for browser benchmarks: an emulator in this process with the seed asked
// for, `next start` in real mode against it (fresh PGlite folder, an admin from the environment),
// and Debian's Chromium signed in as that admin. Needs a build (`npx next build`).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import type { Seed } from "@/lib/emulator/elevenlabs/seed";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";

const ADMIN_KEY = "adm_bench_workspace_admin_key";
const ADMIN = { email: "admin@bench.example", password: "bench-Console-Passw0rd!" };

export interface Harness {
  base: string;
  emulator: Emulator;
  browser: Browser;
  /** A new browser context, signed in as the admin. */
  signedIn(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHarness({ seed, port }: { seed: Seed; port: number }): Promise<Harness> {
  const emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed, maxServiceAccounts: 1_000 });
  const dataDir = mkdtempSync(join(tmpdir(), "keydesk-bench-"));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      ELEVENLABS_API_KEY: ADMIN_KEY,
      ELEVENLABS_BASE_URL: emulator.url,
      // The emulator is on 127.0.0.1, which real mode refuses unless told.
      KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "true",
      ELEVENLABS_TIMEOUT_MS: "60000",
      KEYDESK_AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
      KEYDESK_ADMIN_EMAIL: ADMIN.email,
      KEYDESK_ADMIN_PASSWORD: ADMIN.password,
      KEYDESK_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/sign-in`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(ADMIN),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
  const [name, value] = signIn.headers.get("set-cookie")!.split(";")[0]!.split("=") as [string, string];
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });

  return {
    base,
    emulator,
    browser,
    async signedIn() {
      const context = await browser.newContext({ baseURL: base });
      await context.addCookies([{ name, value, url: base }]);
      return context;
    },
    async close() {
      await browser.close();
      process.kill(-server.pid!, "SIGTERM");
      await emulator.close();
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
