// All keys across connections: next to the primary ElevenLabs workspace, a healthy DocSpace portal,
// a Voiceable account whose credential is wrong and one whose upstream hangs. The page shows the
// workspace's and the portal's rows, with a Connection column and filter, and each broken
// connection says what is wrong (with the upstream's request id where there is one) in its own
// banner. The two Voiceable upstreams are this spec's own emulators, over real HTTP.
import type { APIRequestContext } from "@playwright/test";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });
// The hanging connection takes the server's time limit (2 s a try, reads retried) before it says so.
test.setTimeout(90_000);

const VOICEABLE_KEY = "voiceable_e2e_owner_key_all_keys";
const ROTATED_KEY = "voiceable_e2e_owner_key_rotated";

async function docspace(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`docspace ${method} ${path}: ${res.status}`);
}

async function voiceableFault(emulator: VoiceableEmulator, fault: unknown): Promise<void> {
  const res = await fetch(`${emulator.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "GET", path: "/api/v1/api_keys", count: 1000, fault }),
  });
  if (!res.ok) throw new Error(`voiceable fault: ${res.status}`);
}

async function addConnection(request: APIRequestContext, data: Record<string, string>): Promise<string> {
  const res = await request.post("/api/connections", { data });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { connection: { id: string } }).connection.id;
}

const emulators: VoiceableEmulator[] = [];
const added: string[] = [];

test.afterEach(async ({ request }) => {
  for (const id of added.splice(0)) await request.delete(`/api/connections/${id}`);
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

test("All keys shows the healthy connections' rows and says what is wrong with each broken one", async ({
  page,
  request,
}) => {
  await docspace("POST", "/__emulator/reset", { seed: "demo" });
  const stamp = Date.now();
  const names = {
    portal: `Portal ${stamp}`,
    wrong: `Voiceable wrong ${stamp}`,
    hangs: `Voiceable hangs ${stamp}`,
  };
  const wrongUpstream = await startVoiceableEmulator({
    adminKeys: [VOICEABLE_KEY],
    seed: "demo",
    control: true,
    host: "127.0.0.1",
  });
  const hangingUpstream = await startVoiceableEmulator({
    adminKeys: [VOICEABLE_KEY],
    seed: "demo",
    control: true,
    host: "127.0.0.1",
  });
  emulators.push(wrongUpstream, hangingUpstream);

  added.push(
    await addConnection(request, {
      name: names.portal,
      provider: "docspace",
      baseUrl: E2E.docspaceUrl,
      credential: E2E.docspaceAdminKey,
    }),
  );
  // Both credentials work when added (the live check), then go wrong: the account's key is
  // replaced upstream, and the other upstream stops answering.
  for (const [name, upstream] of [
    [names.wrong, wrongUpstream],
    [names.hangs, hangingUpstream],
  ] as const)
    added.push(
      await addConnection(request, {
        name,
        provider: "voiceable",
        baseUrl: `${upstream.url}/api/v1`,
        credential: VOICEABLE_KEY,
      }),
    );
  const port = wrongUpstream.port;
  await wrongUpstream.close();
  emulators.splice(emulators.indexOf(wrongUpstream), 1);
  emulators.push(
    await startVoiceableEmulator({
      adminKeys: [ROTATED_KEY],
      seed: "demo",
      control: true,
      host: "127.0.0.1",
      port,
    }),
  );
  await voiceableFault(hangingUpstream, { kind: "hang" });

  await page.goto("/inventory");
  const table = page.getByRole("region", { name: "Keys (scrolls)" });
  // The primary workspace's rows come first, without waiting for the other connections.
  await expect(table.locator('tr[data-connection-id="env-elevenlabs"]').first()).toBeVisible();
  // The portal's rows join, each saying its connection; the broken ones have banners of their own.
  await expect(table.locator("tr", { hasText: names.portal }).first()).toBeVisible({ timeout: 60_000 });

  const wrongBanner = page.getByRole("alert").filter({ hasText: names.wrong });
  await expect(wrongBanner).toContainText("its keys could not be read");
  await expect(wrongBanner).toContainText(/credential|401|refused|authentication/i);
  await expect(wrongBanner).toContainText("Upstream request id:");
  const hangBanner = page.getByRole("alert").filter({ hasText: names.hangs });
  await expect(hangBanner).toContainText(/time|answer/i);
  // Neither broken connection has rows, and no banner carries a credential.
  await expect(table.locator("tr", { hasText: names.wrong })).toHaveCount(0);
  await expect(table.locator("tr", { hasText: names.hangs })).toHaveCount(0);
  const text = await page.locator("main").innerText();
  expect(text).not.toContain(VOICEABLE_KEY);
  expect(text).not.toContain(E2E.docspaceAdminKey);

  // The Connection filter keeps one connection's rows (all of the portal's, which the newest-first
  // order of the whole table may have scrolled out of view), and says so in the address.
  await page
    .getByRole("search", { name: "Filter keys" })
    .getByLabel("Connection", { exact: true })
    .selectOption({ label: names.portal });
  await expect(page).toHaveURL(/connection=/);
  await expect(table.locator('tr[data-connection-id="env-elevenlabs"]')).toHaveCount(0);
  await expect(table.getByRole("rowheader", { name: "Nightly backup" })).toBeVisible();
  // A DocSpace risk flag works across connections: keys that never expire.
  // A click, then the address: the box is checked from the URL once the filter lands there, so
  // check()'s immediate look at its state can race the navigation.
  const noExpiry = page.getByRole("checkbox", { name: "No expiry" });
  await noExpiry.click();
  await expect(page).toHaveURL(/risk=no_expiry/);
  await expect(noExpiry).toBeChecked();
  await expect(table.getByRole("rowheader", { name: "Nightly backup" })).toBeVisible();
});
