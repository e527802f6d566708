// The core-tasks benchmark's world: the ElevenLabs emulator in this process (demo workspace), so the
// end state is read straight from its store; a production Keydesk (`next start` of a built
// checkout, this one or --dir) in real mode against it; and the three roles, added the way an admin
// does it (the users API's one-time link, the person setting a password), each a browser context
// signed in over HTTP. Every process started here is ended by its own group id in close().
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import type { Role } from "@/lib/roles";
import { freePort } from "@/tests/support/free-port";
import { startNext, type BenchServer } from "@/tests/support/next-server";

const ADMIN_KEY = "adm_bench_core_tasks_admin_key";
const PASSWORD = "bench-Core-Tasks-Passw0rd!";
const EMAILS: Record<Role, string> = {
  admin: "admin@core-tasks.example",
  support: "support@core-tasks.example",
  reviewer: "reviewer@core-tasks.example",
};

export interface World {
  base: string;
  emulator: Emulator;
  browser: Browser;
  /** A browser context per role, signed in, with the clipboard allowed (a person copies and pastes). */
  contexts: Record<Role, BrowserContext>;
  close(): Promise<void>;
}

async function signIn(base: string, email: string): Promise<{ name: string; value: string }> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: HTTP ${res.status}`);
  const [name, value] = res.headers.get("set-cookie")!.split(";")[0]!.split("=") as [string, string];
  return { name, value };
}

/** Adds a user through the users API as the admin; they set their password through the link. */
async function addUser(base: string, adminCookie: string, role: Exclude<Role, "admin">) {
  const res = await fetch(`${base}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie: adminCookie },
    body: JSON.stringify({ email: EMAILS[role], name: `Bench ${role}`, role }),
  });
  if (res.status !== 201) throw new Error(`add ${role}: HTTP ${res.status} ${await res.text()}`);
  const { invite } = (await res.json()) as { invite: { url: string } };
  const token = new URL(invite.url).pathname.split("/").pop()!;
  const accepted = await fetch(`${base}/api/invites/accept`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ token, password: PASSWORD }),
  });
  if (!accepted.ok) throw new Error(`accept ${role}'s link: HTTP ${accepted.status}`);
}

export async function startWorld(dir: string): Promise<World> {
  const emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "demo", port: await freePort() });
  let server: BenchServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startNext(dir, await freePort(), {
      ELEVENLABS_API_KEY: ADMIN_KEY,
      ELEVENLABS_BASE_URL: emulator.url,
      KEYDESK_AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
      KEYDESK_ADMIN_EMAIL: EMAILS.admin,
      KEYDESK_ADMIN_PASSWORD: PASSWORD,
    });
    const base = server.url;
    const admin = await signIn(base, EMAILS.admin);
    for (const role of ["support", "reviewer"] as const)
      await addUser(base, `${admin.name}=${admin.value}`, role);
    const cookies: Record<Role, { name: string; value: string }> = {
      admin,
      support: await signIn(base, EMAILS.support),
      reviewer: await signIn(base, EMAILS.reviewer),
    };
    const launched = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    browser = launched;
    const context = async (role: Role) => {
      const c = await launched.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
      await c.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
      await c.addCookies([{ ...cookies[role], url: base }]);
      return c;
    };
    const contexts = {
      admin: await context("admin"),
      support: await context("support"),
      reviewer: await context("reviewer"),
    };
    const started = server;
    return {
      base,
      emulator,
      browser: launched,
      contexts,
      async close() {
        await launched.close();
        await started.stop();
        await emulator.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.stop();
    await emulator.close();
    throw error;
  }
}
