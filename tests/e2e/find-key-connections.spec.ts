// Find a key and the overview across every connection: beside the primary ElevenLabs workspace, a
// healthy DocSpace portal (the e2e DocSpace emulator), a Voiceable account whose credential was
// revoked after it was added, and one whose upstream hangs (two Voiceable emulators started here,
// reached over real HTTP). Support pastes a DocSpace key's secret: it is found by its postfix under
// its connection, the broken connections say what is wrong (with the upstream's request id), Disable
// now switches it off upstream and is on the audit log with its connection; the overview shows each
// connection's state; and the secret is nowhere.
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import type { AuditEntry } from "@/lib/audit/types";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";
import { freePort } from "@/tests/support/free-port";
import { keyHref } from "@/lib/key-href";

const BOX = "Secret, last four characters, name or key id";
const VOICEABLE_OWNER = "voiceable_e2e_owner_key_7d1c";
const stamp = Date.now();
const NAMES = {
  portal: `Find portal ${stamp}`,
  revoked: `Revoked voice ${stamp}`,
  hanging: `Hanging voice ${stamp}`,
};

let admin: APIRequestContext;
let revokedUpstream: VoiceableEmulator;
let hangingUpstream: VoiceableEmulator;
const added: Record<keyof typeof NAMES, string> = { portal: "", revoked: "", hanging: "" };

async function docspace<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

async function voiceable<T>(upstream: VoiceableEmulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${upstream.url}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", "x-api-key": VOICEABLE_OWNER },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

async function addConnection(name: string, provider: string, baseUrl: string, credential: string) {
  const res = await admin.post("/api/connections", { data: { name, provider, baseUrl, credential } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { connection: { id: string } }).connection.id;
}

/** The results of one connection: a region named by its heading (the connection's name, then its provider). */
const section = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });
const card = (page: Page, id: string) => page.locator(`li[data-connection-id="${id}"]`);

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  await docspace("POST", "/__emulator/reset", { seed: "demo" });
  const startVoiceable = async () =>
    startVoiceableEmulator({
      adminKeys: [VOICEABLE_OWNER],
      seed: "demo",
      control: true,
      host: "127.0.0.1",
      port: await freePort(),
    });
  revokedUpstream = await startVoiceable();
  hangingUpstream = await startVoiceable();

  added.portal = await addConnection(NAMES.portal, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
  // A private key of the account as the credential, checked live when added, then revoked upstream.
  const { data: privateKey } = await voiceable<{ data: { id: number; key_value: string } }>(
    revokedUpstream,
    "POST",
    "/api_keys",
    { api_key: { name: "Keydesk", key_type: "private" } },
  );
  added.revoked = await addConnection(
    NAMES.revoked,
    "voiceable",
    `${revokedUpstream.url}/api/v1`,
    privateKey.key_value,
  );
  await voiceable(revokedUpstream, "DELETE", `/api_keys/${privateKey.id}`);
  added.hanging = await addConnection(
    NAMES.hanging,
    "voiceable",
    `${hangingUpstream.url}/api/v1`,
    VOICEABLE_OWNER,
  );
  hangingUpstream.faults.add({
    method: "GET",
    path: "/api/v1/api_keys",
    remaining: 1000,
    fault: { kind: "hang" },
  });
});

test.afterAll(async () => {
  for (const id of Object.values(added)) if (id) await admin.delete(`/api/connections/${id}`);
  await admin.dispose();
  hangingUpstream?.faults.clear();
  await Promise.all([revokedUpstream?.close(), hangingUpstream?.close()]);
  await docspace("POST", "/__emulator/reset", { seed: "demo" });
});

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("a DocSpace key's secret is found by its postfix beside broken connections, and Disable now switches it off upstream", async ({
    page,
  }) => {
    const created = await docspace<{ response: { id: string; key: string } }>(
      "POST",
      "/api/2.0/keys",
      { name: "leaked-portal-key", permissions: ["files:read"] },
      E2E.docspaceAdminKey,
    );
    const { id: keyId, key: secret } = created.response;
    const postfix = secret.slice(-4);
    const self = async () =>
      (
        await fetch(`${E2E.docspaceUrl}/api/2.0/keys/@self`, {
          headers: { authorization: `Bearer ${secret}` },
        })
      ).status;
    expect(await self()).toBe(200); // alive

    await page.goto("/find");
    await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
    const box = page.getByRole("textbox", { name: BOX });
    await box.fill(secret);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/find-key");
    await box.press("Enter");
    const searchBody = await (await answered).text();
    await expect(box).toHaveValue("");

    // Found in its connection, named with its provider, and how: by its postfix.
    const portal = section(page, NAMES.portal);
    await expect(portal.getByRole("heading", { level: 2 })).toContainText("ONLYOFFICE DocSpace");
    const candidate = portal.getByRole("row").filter({
      has: page.getByRole("rowheader", { name: "leaked-portal-key", exact: true }),
    });
    await expect(candidate).toContainText(`…${postfix}`);
    await expect(candidate).toContainText("Enabled");
    await expect(candidate).toContainText(
      `Possible: the secret ends with this key's last characters (…${postfix})`,
    );
    const summary = page.getByRole("status").filter({ hasText: `a possible secret ending …${postfix}` });
    await expect(summary).toContainText("1 possible");
    await expect(summary).toContainText("2 connections could not be searched");

    // The broken connections say what is wrong; the revoked one with the upstream's request id.
    const revokedRequest = revokedUpstream.log
      .list()
      .filter((r) => r.status === 401)
      .at(-1)!;
    const revoked = section(page, NAMES.revoked);
    await expect(revoked).toContainText(`${NAMES.revoked} could not be searched.`);
    await expect(revoked).toContainText(`Upstream request id: ${revokedRequest.requestId}`);
    await expect(revoked).not.toContainText("leaked-portal-key");
    const hanging = section(page, NAMES.hanging);
    await expect(hanging).toContainText(`${NAMES.hanging} could not be searched.`);
    await expect(hanging).toContainText(/did not answer|time/i);
    // The primary workspace was searched too.
    await expect(section(page, "ElevenLabs \\(ELEVENLABS_API_KEY\\)")).toContainText(
      "Searched the keys read from ElevenLabs.",
    );

    await expectNoAxeViolations(page, "find a key across connections, two of them broken");

    // Disable now, with the reason filled in.
    await candidate.getByRole("button", { name: "Disable now leaked-portal-key" }).click();
    const dialog = page.getByRole("dialog", { name: "Disable leaked-portal-key?" });
    await expect(dialog).toContainText(`In ${NAMES.portal} (ONLYOFFICE DocSpace).`);
    await expect(dialog.getByRole("textbox", { name: "Reason" })).toHaveValue("leaked publicly");
    await expectNoAxeViolations(page, "Disable now on another connection's key");
    await dialog.getByRole("button", { name: "Confirm and disable" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(candidate).toContainText(/Disabled at \d{2}:\d{2}:\d{2} by you/);
    await expect(candidate.getByRole("button", { name: /Disable now/ })).toHaveCount(0);

    // Upstream: deactivated, and the secret no longer authenticates.
    const { response: keys } = await docspace<{ response: { id: string; isActive: boolean }[] }>(
      "GET",
      "/api/2.0/keys",
      undefined,
      E2E.docspaceAdminKey,
    );
    expect(keys.find((k) => k.id === keyId)?.isActive).toBe(false);
    expect(await self()).toBe(401);

    // On the audit log: the disable with its connection and reason; the search by its last four characters.
    const disabled = (await (
      await page.request.get(`/api/audit?action=key_disabled&target=${encodeURIComponent(keyId)}`)
    ).json()) as { entries: AuditEntry[] };
    expect(disabled.entries).toHaveLength(1);
    expect(disabled.entries[0]).toMatchObject({
      outcome: "ok",
      reason: "leaked publicly",
      actor: { email: CONSOLE_ACCOUNTS.support.email, role: "support" },
      target: { connectionId: added.portal, keyId, name: "leaked-portal-key" },
    });
    const searches = (await (
      await page.request.get(
        `/api/audit?action=key_search&actor=${encodeURIComponent(CONSOLE_ACCOUNTS.support.email)}&limit=1`,
      )
    ).json()) as { entries: AuditEntry[] };
    expect(searches.entries[0]!.changes).toMatchObject({
      search: {
        after: {
          hint: postfix,
          candidates: 1,
          connections: { failed: expect.arrayContaining([added.revoked, added.hanging]) },
        },
      },
    });
    await page.goto(`/audit?action=key_disabled&target=${encodeURIComponent(keyId)}`);
    await expect(page.getByRole("row").filter({ hasText: "leaked-portal-key" }).first()).toContainText(
      "Reason: leaked publicly",
    );

    // The secret: not in the search's answer, the page, the audit log or the server's log.
    const wholeAudit = await (await page.request.get("/api/audit?limit=500")).text();
    for (const text of [searchBody, await page.content(), wholeAudit, readFileSync(E2E.consoleLog, "utf8")])
      expect(text).not.toContain(secret);
  });

  test("a Voiceable key has no Disable now: its connection's key page, to rotate or delete", async ({
    page,
  }) => {
    await page.goto("/find");
    await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
    // Healthy again for this search: the hanging account answers, and its demo keys are found by name.
    hangingUpstream.faults.clear();
    const { data } = await voiceable<{ data: { id: number; name: string }[] }>(
      hangingUpstream,
      "GET",
      "/api_keys",
    );
    const { id, name } = data[0]!;
    const box = page.getByRole("textbox", { name: BOX });
    await box.fill(name);
    await box.press("Enter");
    const hanging = section(page, NAMES.hanging);
    const candidate = hanging
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(candidate).toContainText("No on/off switch");
    await expect(candidate).toContainText("Voiceable keys cannot be disabled: rotate it");
    await expect(candidate.getByRole("button", { name: /Disable now/ })).toHaveCount(0);
    // The key's own page, where it can be rotated or deleted.
    await expect(candidate.getByRole("link", { name: /^Open key page/ })).toHaveAttribute(
      "href",
      keyHref({ connectionId: added.hanging, keyId: String(id) }),
    );
    hangingUpstream.faults.add({
      method: "GET",
      path: "/api/v1/api_keys",
      remaining: 1000,
      fault: { kind: "hang" },
    });
  });
});

test("the overview shows each connection's state: keys and disabled keys, or what is wrong", async ({
  page,
}) => {
  const { response: keys } = await docspace<{ response: { isActive: boolean }[] }>(
    "GET",
    "/api/2.0/keys",
    undefined,
    E2E.docspaceAdminKey,
  );
  const off = keys.filter((k) => !k.isActive).length;
  await page.goto("/");
  const connections = page.getByRole("region", { name: "Connections", exact: true });
  await expect(connections).toBeVisible();
  await expect(card(page, "env-elevenlabs")).toContainText("ElevenLabs (ELEVENLABS_API_KEY)");
  await expect(card(page, added.portal)).toContainText(NAMES.portal);
  await expect(card(page, added.portal)).toContainText("ONLYOFFICE DocSpace");
  await expect(card(page, added.portal)).toContainText(`${keys.length} keys, ${off} disabled`);
  await expect(card(page, added.portal).getByRole("link")).toHaveAttribute(
    "href",
    `/connections/${added.portal}`,
  );

  const revokedRequest = revokedUpstream.log
    .list()
    .filter((r) => r.status === 401)
    .at(-1)!;
  await expect(card(page, added.revoked)).toContainText("Could not be read");
  await expect(card(page, added.revoked)).toContainText(`Upstream request id: ${revokedRequest.requestId}`);
  await expect(card(page, added.hanging)).toContainText("Could not be read");
  // Voiceable cannot disable, so no disabled count is claimed for it (its card has none either way: it failed).
  await expect(card(page, added.revoked)).not.toContainText("disabled");
  // The primary workspace's own summary is still there.
  await expect(page.getByRole("heading", { level: 2, name: "Risk flags" })).toBeVisible();
  await expectNoAxeViolations(page, "the overview with a broken and a hanging connection");
});
