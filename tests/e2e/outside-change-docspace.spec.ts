// A change made to a DocSpace key straight at the portal (the e2e DocSpace emulator, over HTTP, not
// through Keydesk) is shown in Keydesk as changed outside Keydesk: the connection's keys page shows
// the key as it is now, the key's page lists "Key changed outside Keydesk" in its history, and the
// audit log has one key_observed_change row with the connection's id and each field before and after.
// Before the change there is no such row, so the test fails if Keydesk notices nothing (or invents it).
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import type { AuditEntry } from "@/lib/audit/types";
import { keyHref } from "@/lib/key-href";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

const stamp = Date.now();
const CONNECTION = `Outside portal ${stamp}`;
const BEFORE = `watched-${stamp % 100000}`; // DocSpace names are at most 30 characters
const AFTER = `renamed-${stamp % 100000}`;

let admin: APIRequestContext;
let connectionId = "";

/** The portal's own API, as its settings page would call it: not through Keydesk. */
async function portal<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${E2E.docspaceAdminKey}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function observedRows(): Promise<AuditEntry[]> {
  const res = await admin.get(
    `/api/audit?action=key_observed_change&connection=${encodeURIComponent(connectionId)}`,
  );
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { entries: AuditEntry[] }).entries;
}

const keyRow = (page: Page, name: string) =>
  page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  await fetch(`${E2E.docspaceUrl}/__emulator/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seed: "demo" }),
  });
  const res = await admin.post("/api/connections", {
    data: {
      name: CONNECTION,
      provider: "docspace",
      baseUrl: E2E.docspaceUrl,
      credential: E2E.docspaceAdminKey,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  connectionId = ((await res.json()) as { connection: { id: string } }).connection.id;
});

test.afterAll(async () => {
  if (connectionId) await admin.delete(`/api/connections/${connectionId}`);
  await admin.dispose();
  await fetch(`${E2E.docspaceUrl}/__emulator/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seed: "demo" }),
  });
});

test("a DocSpace key renamed and deactivated at the portal shows as changed outside Keydesk", async ({
  page,
}) => {
  // Made at the portal before Keydesk first reads the connection: part of its baseline, not a change.
  const made = await portal<{ response: { id: string } }>("POST", "/api/2.0/keys", {
    name: BEFORE,
    permissions: ["files:read"],
  });
  expect(made.status).toBe(200);
  const keyId = made.json.response.id;

  await page.goto(`/connections/${connectionId}`);
  await expect(page.getByRole("table", { name: `API keys of ${CONNECTION}` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(keyRow(page, BEFORE)).toContainText("Enabled");
  expect(await observedRows()).toEqual([]);

  // At the portal, behind Keydesk's back.
  const changed = await portal("PUT", `/api/2.0/keys/${keyId}`, { name: AFTER, isActive: false });
  expect(changed.status).toBe(200);

  // The keys page reads it again: the key as it is now.
  await page.reload();
  await expect(page.getByRole("table", { name: `API keys of ${CONNECTION}` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(keyRow(page, AFTER)).toContainText("Disabled");
  await expect(keyRow(page, BEFORE)).toHaveCount(0);

  // One observation row, with the connection, the key, and each field before and after; no actor.
  await expect.poll(async () => (await observedRows()).length, { timeout: 15_000 }).toBe(1);
  const [row] = await observedRows();
  expect(row).toMatchObject({
    action: "key_observed_change",
    outcome: "ok",
    actor: { email: null },
    target: { connectionId, keyId, name: AFTER },
    changes: {
      name: { before: BEFORE, after: AFTER },
      enabled: { before: true, after: false },
    },
  });

  // Read again: the same change is not recorded twice.
  await page.reload();
  await expect(keyRow(page, AFTER)).toBeVisible({ timeout: 30_000 });
  expect(await observedRows()).toHaveLength(1);

  // The key's own page: its history says it changed outside Keydesk, seen by Keydesk, what changed.
  await page.goto(keyHref({ connectionId, keyId }));
  const history = page.getByRole("region", { name: "Audit history" });
  const seen = history.getByRole("row").filter({ hasText: "Key changed outside Keydesk" });
  await expect(seen).toHaveCount(1, { timeout: 30_000 });
  await expect(seen).toContainText("Seen by Keydesk");
  await expect(seen).toContainText(`Name: ${BEFORE} → ${AFTER}`);
  await expect(seen).toContainText("Status: Enabled → Disabled");

  // The audit log filtered to the connection's outside changes says the same, under the connection's name.
  await page.goto(`/audit?action=key_observed_change&connection=${encodeURIComponent(connectionId)}`);
  const logged = page.getByRole("row").filter({ hasText: "Key changed outside Keydesk" });
  await expect(logged).toHaveCount(1, { timeout: 30_000 });
  await expect(logged).toContainText(CONNECTION);
  await expect(logged).toContainText(AFTER);
});
