// Find a key's Disable now on another connection sends what the search showed (`expected.enabled`):
// a DocSpace key switched off at the portal after the search is a 409, said plainly in the dialog
// ("changed since you searched … Search again"), with the reason the person typed still there,
// nothing written upstream by Keydesk and no key_disabled row; the row then shows the key disabled.
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import type { AuditEntry } from "@/lib/audit/types";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

const BOX = "Secret, last four characters, name or key id";
const stamp = Date.now();
const CONNECTION = `Conflict portal ${stamp}`;
const KEY = `conflict-${stamp % 100000}`;
const TYPED = "pasted in a public ticket by mistake";

let admin: APIRequestContext;
let connectionId = "";

async function portal<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(path.startsWith("/__emulator") ? {} : { authorization: `Bearer ${E2E.docspaceAdminKey}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const section = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  await portal("POST", "/__emulator/reset", { seed: "demo" });
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
  await portal("POST", "/__emulator/reset", { seed: "demo" });
});

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("a key switched off at the portal after the search is a clear 409 that keeps the typed reason", async ({
    page,
  }) => {
    const made = await portal<{ response: { id: string } }>("POST", "/api/2.0/keys", {
      name: KEY,
      permissions: ["files:read"],
    });
    expect(made.status).toBe(200);
    const keyId = made.json.response.id;

    await page.goto("/find");
    await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
    const box = page.getByRole("textbox", { name: BOX });
    await box.fill(KEY);
    await box.press("Enter");
    const candidate = section(page, CONNECTION)
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: KEY, exact: true }) });
    await expect(candidate).toContainText("Enabled", { timeout: 30_000 });

    await candidate.getByRole("button", { name: `Disable now ${KEY}` }).click();
    const dialog = page.getByRole("dialog", { name: `Disable ${KEY}?` });
    const reason = dialog.getByRole("textbox", { name: "Reason" });
    await reason.fill(TYPED);

    // Meanwhile, at the portal itself.
    const off = await portal("PUT", `/api/2.0/keys/${keyId}`, { isActive: false });
    expect(off.status).toBe(200);
    await portal("DELETE", "/__emulator/requests");

    const sent = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/find-key/disable");
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/find-key/disable");
    await dialog.getByRole("button", { name: "Confirm and disable" }).click();
    // What the search showed went with the request, and the answer is a 409.
    expect((await sent).postDataJSON()).toMatchObject({
      connectionId,
      keyId,
      reason: TYPED,
      expected: { enabled: true },
    });
    expect((await answered).status()).toBe(409);

    const alert = dialog.getByRole("alert");
    await expect(alert).toContainText(`${KEY} changed since you searched`);
    await expect(alert).toContainText("already disabled");
    await expect(alert).toContainText("Search again");
    // The typed reason is still there; nothing is left to confirm.
    await expect(reason).toHaveValue(TYPED);
    await expect(dialog.getByRole("button", { name: "Confirm and disable" })).toHaveCount(0);

    // Keydesk wrote nothing upstream, and the audit log has no disable of the key.
    const { json: log } = await portal<{ requests: { method: string }[] }>("GET", "/__emulator/requests");
    expect(log.requests.filter((r) => r.method !== "GET")).toEqual([]);
    const disabled = (await (
      await page.request.get(`/api/audit?action=key_disabled&target=${encodeURIComponent(keyId)}`)
    ).json()) as { entries: AuditEntry[] };
    expect(disabled.entries).toEqual([]);

    // Closed: the row shows the key as it is now, with no Disable now left.
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(candidate).toContainText("Disabled");
    await expect(candidate.getByRole("button", { name: /Disable now/ })).toHaveCount(0);
  });
});
