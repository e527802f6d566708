// One connection's keys, from its page, against the DocSpace and Voiceable emulators over real
// HTTP: create a key (scopes and an expiry; origins and assistants), see it upstream exactly as
// asked, change one field and see only that field change upstream, answer a leak the way the
// provider allows (DocSpace: deactivate; Voiceable: rotate, a twin then the old key deleted), and
// find every step on the audit log page. The page is checked with axe, and no secret reaches the
// page's HTML after the dialog closes, the audit log or the server log.
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { expect, test } from "@/tests/support/emulator-fixture";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

type Logged = { method: string; path: string; body: unknown; status: number | null };

async function upstream<T>(base: string, method: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

/** The connections this file added: removed at the end, so later files see only their own. */
const added: string[] = [];

/** Adds a connection through the API, as an admin on the Connections page would. */
async function addConnection(
  request: APIRequestContext,
  provider: string,
  baseUrl: string,
  credential: string,
) {
  const name = `${provider} keys ${Date.now()}`;
  const res = await request.post("/api/connections", { data: { name, provider, baseUrl, credential } });
  expect(res.status(), await res.text()).toBe(201);
  const { connection } = (await res.json()) as { connection: { id: string; name: string } };
  added.push(connection.id);
  return connection;
}

/** An admin's API session, for a test signed in as another role that needs a connection first. */
async function asAdmin<T>(run: (api: APIRequestContext) => Promise<T>): Promise<T> {
  const api = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  try {
    return await run(api);
  } finally {
    await api.dispose();
  }
}

test.afterAll(async () => {
  await asAdmin(async (api) => {
    for (const id of added.splice(0)) await api.delete(`/api/connections/${id}`);
  });
});

/** Reaches the keys page the way a person does: the Connections page, then the connection's name. */
async function openKeysPage(page: Page, connectionName: string) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
  await page.getByRole("link", { name: connectionName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: connectionName })).toBeVisible();
  await expect(page.getByRole("table", { name: `API keys of ${connectionName}` })).toBeVisible();
}

const row = (page: Page, name: string) =>
  page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });

/** The secret the create (or rotate) dialog shows once, then closes the dialog. */
async function takeSecret(page: Page, keyName: string): Promise<string> {
  const secret = await page.getByLabel(`Secret of ${keyName}`).inputValue();
  expect(secret.length).toBeGreaterThan(10);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close without copying" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  return secret;
}

/** The audit page, filtered to a key's name: each action's code shows on its row. */
async function auditActionsOnPage(page: Page, keyName: string): Promise<string[]> {
  await page.goto(`/audit?target=${encodeURIComponent(keyName)}`);
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(table).toBeVisible();
  const cells = await table.locator("tbody tr th").allTextContents();
  return cells.map((c) => /key_[a-z_]+/.exec(c)?.[0] ?? c.trim()).sort();
}

function expectNoSecretIn(texts: string[], secrets: string[]) {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

test.describe("DocSpace", () => {
  const admin = { authorization: `Bearer ${E2E.docspaceAdminKey}` };
  type Wire = {
    id: string;
    name: string;
    permissions: string[];
    expiresAt: string | null;
    isActive: boolean;
  };
  const docspaceKeys = async () =>
    (await upstream<{ response: Wire[] }>(E2E.docspaceUrl, "GET", "/api/2.0/keys", admin)).body.response;
  const docspaceLog = async () =>
    (await upstream<{ requests: Logged[] }>(E2E.docspaceUrl, "GET", "/__emulator/requests")).body.requests;

  test.beforeEach(async () => {
    await fetch(`${E2E.docspaceUrl}/__emulator/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seed: "demo" }),
    });
  });

  test("create with scopes, see it upstream, change one field, deactivate on a leak, all on the audit log", async ({
    page,
    request,
  }) => {
    const connection = await addConnection(request, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
    await openKeysPage(page, connection.name);
    await expectNoAxeViolations(page, "a DocSpace connection's keys page");
    // An expired key can only be rotated or deleted: no edit, no switch, and it says so.
    const expired = row(page, "Contractor uploads");
    await expect(expired).toContainText("Expired");
    await expect(expired).toContainText("It can no longer be changed: rotate or delete it.");
    await expect(expired.getByRole("button", { name: /^(Edit|Disable|Enable) / })).toHaveCount(0);
    await expect(expired.getByRole("button", { name: "Delete Contractor uploads" })).toBeVisible();

    const name = `Reports ${Date.now() % 100000}`;
    await page.getByRole("button", { name: "Create key" }).click();
    const create = page.getByRole("dialog", { name: `Create a key on ${connection.name}` });
    await create.getByLabel("Name").fill(name);
    // Nothing ticked is refused here (DocSpace would read an empty list as unrestricted).
    await create.getByRole("button", { name: "Create key" }).click();
    await expect(create.getByText("Choose at least one scope, or Unrestricted (*)")).toBeVisible();
    await create.getByRole("checkbox", { name: "files:read" }).check();
    await create.getByRole("checkbox", { name: "rooms:write" }).check();
    await create.getByLabel("Expires after (days)").fill("30");
    await expectNoAxeViolations(page, "the DocSpace create dialog");
    await create.getByRole("button", { name: "Create key" }).click();
    await expect(create.getByText("Copy it now: Keydesk does not keep it")).toBeVisible();
    const secret = await takeSecret(page, name);

    // Upstream, exactly as asked: one create with these scopes and lifetime, and the secret works.
    const made = (await docspaceKeys()).find((k) => k.name === name)!;
    expect([...made.permissions].sort()).toEqual(["files:read", "rooms:write"]);
    expect(made.isActive).toBe(true);
    const days = (Date.parse(made.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const creates = (await docspaceLog()).filter((r) => r.method === "POST" && r.path === "/api/2.0/keys");
    expect(creates).toHaveLength(1);
    expect(creates[0]!.body).toEqual({ name, permissions: ["files:read", "rooms:write"], expiresInDays: 30 });
    expect(
      (await upstream(E2E.docspaceUrl, "GET", "/api/2.0/keys/@self", { authorization: `Bearer ${secret}` }))
        .status,
    ).toBe(200);
    await expect(row(page, name)).toContainText("files:read, rooms:write");

    // Change one field: only it is sent, and only it changes upstream.
    const renamed = `${name} v2`;
    const before = (await docspaceKeys()).find((k) => k.id === made.id)!;
    await row(page, name)
      .getByRole("button", { name: `Edit ${name}` })
      .click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await expect(edit.getByRole("checkbox", { name: "files:read" })).toBeChecked();
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Saved the changes to ${renamed}.` }),
    ).toBeVisible();
    const puts = (await docspaceLog()).filter((r) => r.method === "PUT");
    expect(puts.map((r) => [r.path, r.body])).toEqual([[`/api/2.0/keys/${made.id}`, { name: renamed }]]);
    expect((await docspaceKeys()).find((k) => k.id === made.id)).toEqual({ ...before, name: renamed });

    // A leak: deactivate, with a reason. The secret stops working; the key stays listed.
    await row(page, renamed)
      .getByRole("button", { name: `Respond to a leak of ${renamed}` })
      .click();
    const leak = page.getByRole("dialog", { name: `Respond to a leak of ${renamed}` });
    await expect(leak.getByRole("radio", { name: /Disable it/ })).toBeChecked();
    await expect(leak.getByRole("radio")).toHaveCount(3);
    await leak.getByRole("button", { name: "Disable key" }).click();
    await expect(leak.getByText("Give a reason")).toBeVisible();
    await leak.getByLabel("Reason").fill("secret pasted in a public issue");
    await leak.getByRole("button", { name: "Disable key" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Disabled ${renamed}` })).toBeVisible();
    await expect(row(page, renamed)).toContainText("Disabled");
    const after = (await docspaceKeys()).find((k) => k.id === made.id)!;
    expect(after).toEqual({ ...before, name: renamed, isActive: false });
    expect(
      (await upstream(E2E.docspaceUrl, "GET", "/api/2.0/keys/@self", { authorization: `Bearer ${secret}` }))
        .status,
    ).toBe(401);
    const html = await page.content();

    // The audit log page shows each step (the renamed key's name contains the first one).
    expect(await auditActionsOnPage(page, name)).toEqual(["key_created", "key_disabled", "key_updated"]);
    await expect(page.getByText("Reason: secret pasted in a public issue")).toBeVisible();
    const audit = await (await request.get("/api/audit/export?format=json&action=")).text();
    expectNoSecretIn([html, audit, readFileSync(E2E.consoleLog, "utf8")], [secret, E2E.docspaceAdminKey]);
  });

  test("an upstream failure keeps what was typed and shows the upstream's request id", async ({
    page,
    request,
  }) => {
    const connection = await addConnection(request, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
    await openKeysPage(page, connection.name);
    await fetch(`${E2E.docspaceUrl}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: "POST", path: "/api/2.0/keys", fault: { kind: "status", status: 503 } }),
    });
    await page.getByRole("button", { name: "Create key" }).click();
    const create = page.getByRole("dialog", { name: `Create a key on ${connection.name}` });
    await create.getByLabel("Name").fill("Kept on failure");
    await create.getByRole("radio", { name: /Unrestricted/ }).check();
    await create.getByRole("button", { name: "Create key" }).click();
    await expect(create.getByRole("alert")).toContainText("The key was not created.");
    const failed = (await docspaceLog())
      .filter((r) => r.method === "POST" && r.path === "/api/2.0/keys")
      .at(-1) as (Logged & { requestId: string }) | undefined;
    expect(failed?.status).toBe(503);
    await expect(create.getByRole("alert")).toContainText(failed!.requestId);
    await expect(create.getByLabel("Name")).toHaveValue("Kept on failure");
    await expect(create.getByRole("radio", { name: /Unrestricted/ })).toBeChecked();
  });

  test("a failed read says what went wrong with the upstream's request id, and Try again recovers", async ({
    page,
    request,
  }) => {
    const connection = await addConnection(request, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
    await fetch(`${E2E.docspaceUrl}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        method: "GET",
        path: "/api/2.0/keys",
        count: 50,
        fault: { kind: "status", status: 500 },
      }),
    });
    await page.goto(`/connections/${connection.id}`);
    const panel = page
      .getByRole("alert")
      .filter({ hasText: "Keydesk could not load this connection's keys." });
    await expect(panel).toBeVisible({ timeout: 30_000 });
    const reads = (await docspaceLog()).filter((r) => r.method === "GET" && r.path === "/api/2.0/keys");
    const requestIds = reads.map((r) => (r as Logged & { requestId: string }).requestId);
    const shown = (await panel.textContent()) ?? "";
    expect(requestIds.some((id) => shown.includes(`Upstream request id: ${id}`))).toBe(true);
    await fetch(`${E2E.docspaceUrl}/__emulator/faults`, { method: "DELETE" });
    await panel.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("table", { name: `API keys of ${connection.name}` })).toBeVisible();
  });

  test.describe("as support", () => {
    test.use({ storageState: storageStatePath("support") });

    test("support disables a key with a reason and may not edit, rotate or delete", async ({ page }) => {
      const connection = await asAdmin((api) =>
        addConnection(api, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey),
      );
      await openKeysPage(page, connection.name);
      await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
      const key = row(page, "Nightly backup");
      await key.getByRole("button", { name: "Respond to a leak of Nightly backup" }).click();
      const leak = page.getByRole("dialog", { name: "Respond to a leak of Nightly backup" });
      await expect(leak.getByRole("radio")).toHaveCount(1);
      await leak.getByRole("button", { name: "Cancel" }).click();
      await key.getByRole("button", { name: "Disable Nightly backup" }).click();
      const dialog = page.getByRole("dialog", { name: "Disable Nightly backup?" });
      await dialog.getByLabel("Reason").fill("shared in a chat by mistake");
      await dialog.getByRole("button", { name: "Disable key" }).click();
      await expect(key).toContainText("Disabled");
      const upstreamKey = (await docspaceKeys()).find((k) => k.name === "Nightly backup")!;
      expect(upstreamKey.isActive).toBe(false);
      const puts = (await docspaceLog()).filter((r) => r.method === "PUT");
      expect(puts.map((r) => r.body)).toEqual([{ isActive: false }]);
    });
  });

  test.describe("as a reviewer", () => {
    test.use({ storageState: storageStatePath("reviewer") });

    test("the keys are listed to read, with no control to change them", async ({ page }) => {
      const connection = await asAdmin((api) =>
        addConnection(api, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey),
      );
      await openKeysPage(page, connection.name);
      await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
      await expect(
        page.getByRole("button", { name: /^(Edit|Disable|Enable|Delete|Respond to a leak)/ }),
      ).toHaveCount(0);
      await expectNoAxeViolations(page, "the keys page as a reviewer");
    });
  });
});

test.describe("Voiceable", () => {
  const ADMIN_KEY = "voiceable_e2e_owner_private_key_0001";
  let voiceable: VoiceableEmulator;
  type Wire = {
    id: string;
    name: string;
    key_type: string;
    allowed_origins: string[];
    allowed_assistants: string[];
    transient_assistant: boolean;
    updated_at: string;
  };
  const voiceableKeys = async () =>
    (await upstream<{ data: Wire[] }>(voiceable.url, "GET", "/api/v1/api_keys", { "x-api-key": ADMIN_KEY }))
      .body.data;

  test.beforeAll(async () => {
    voiceable = await startVoiceableEmulator({ adminKeys: [ADMIN_KEY], seed: "demo", control: true });
  });
  test.afterAll(async () => voiceable.close());

  test("create with origins and assistants, see it upstream, change one field, rotate on a leak, all on the audit log", async ({
    page,
    request,
  }) => {
    const connection = await addConnection(request, "voiceable", `${voiceable.url}/api/v1`, ADMIN_KEY);
    await openKeysPage(page, connection.name);
    await expect(page.getByText("Voiceable keys cannot be disabled")).toBeVisible();
    await expectNoAxeViolations(page, "a Voiceable connection's keys page");

    const name = `Website widget ${Date.now()}`;
    await page.getByRole("button", { name: "Create key" }).click();
    const create = page.getByRole("dialog", { name: `Create a key on ${connection.name}` });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("radio", { name: /^Public/ }).check();
    await expect(create.getByText(/not network protection/)).toBeVisible();
    await create.getByLabel("Allowed origins").fill("https://app.example.com/widget");
    await create.getByRole("button", { name: "Create key" }).click();
    await expect(create.getByText(/no path, query or trailing/)).toBeVisible();
    await create.getByLabel("Allowed origins").fill("https://app.example.com\nhttps://www.example.com");
    await create.getByLabel("Allowed assistants").fill("asst_sales\nasst_support");
    await create.getByRole("checkbox", { name: /Allow transient assistants/ }).check();
    await expect(create.getByLabel(/Expires/)).toHaveCount(0); // Voiceable keys do not expire
    await create.getByRole("button", { name: "Create key" }).click();
    const secret = await takeSecret(page, name);

    const made = (await voiceableKeys()).find((k) => k.name === name)!;
    expect(made).toMatchObject({
      key_type: "public",
      allowed_origins: ["https://app.example.com", "https://www.example.com"],
      allowed_assistants: ["asst_sales", "asst_support"],
      transient_assistant: true,
    });
    const posts = voiceable.log.list().filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({
      api_key: {
        name,
        key_type: "public",
        allowed_origins: ["https://app.example.com", "https://www.example.com"],
        allowed_assistants: ["asst_sales", "asst_support"],
        transient_assistant: true,
      },
    });
    await expect(row(page, name)).toContainText("Public: client-side");
    await expect(row(page, name)).toContainText("Assistants: asst_sales, asst_support");

    // Change one field (the origins): only it is sent and changes; the key type is read-only.
    await row(page, name)
      .getByRole("button", { name: `Edit ${name}` })
      .click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await expect(edit.getByText(/fixed once the key exists/)).toBeVisible();
    await expect(edit.getByRole("radio")).toHaveCount(0);
    await edit.getByLabel("Allowed origins").fill("https://app.example.com");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved the changes to ${name}.` })).toBeVisible();
    const puts = voiceable.log.list().filter((r) => r.method === "PUT");
    expect(puts.map((r) => [r.path, r.body])).toEqual([
      [`/api/v1/api_keys/${made.id}`, { api_key: { allowed_origins: ["https://app.example.com"] } }],
    ]);
    const changed = (await voiceableKeys()).find((k) => k.id === made.id)!;
    expect({ ...changed, updated_at: made.updated_at }).toEqual({
      ...made,
      allowed_origins: ["https://app.example.com"],
    });

    // A leak: no disable here, so rotate (a twin with the same settings, then the old key deleted).
    await row(page, name)
      .getByRole("button", { name: `Respond to a leak of ${name}` })
      .click();
    const leak = page.getByRole("dialog", { name: `Respond to a leak of ${name}` });
    await expect(leak.getByRole("radio", { name: /Disable/ })).toHaveCount(0);
    await expect(leak.getByRole("radio", { name: /Rotate it/ })).toBeChecked();
    await leak.getByLabel("Reason").fill("key found in a public repository");
    await leak.getByRole("button", { name: "Rotate key" }).click();
    const rotated = page.getByRole("dialog", { name: `${name} was rotated` });
    await expect(rotated.getByText(/The old key is deleted/)).toBeVisible();
    const twinSecret = await rotated.getByRole("textbox", { name: /^Secret of / }).inputValue();
    expect(twinSecret).not.toBe(secret);
    await rotated.getByRole("button", { name: "Done" }).click();
    await rotated.getByRole("button", { name: "Close without copying" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Rotated ${name}` })).toBeVisible();

    const now = await voiceableKeys();
    expect(now.find((k) => k.id === made.id)).toBeUndefined();
    const twin = now.find((k) => k.name === name)!;
    expect(twin.id).not.toBe(made.id);
    expect(twin).toMatchObject({
      key_type: "public",
      allowed_origins: ["https://app.example.com"],
      allowed_assistants: ["asst_sales", "asst_support"],
      transient_assistant: true,
    });
    const writes = voiceable.log
      .list()
      .filter((r) => r.method !== "GET")
      .map((r) => r.method);
    expect(writes).toEqual(["POST", "PUT", "POST", "DELETE"]);
    const html = await page.content();

    expect(await auditActionsOnPage(page, name)).toEqual(
      expect.arrayContaining(["key_created", "key_updated", "key_rotated"]),
    );
    const audit = await (await request.get("/api/audit/export?format=json&action=")).text();
    expectNoSecretIn([html, audit, readFileSync(E2E.consoleLog, "utf8")], [secret, twinSecret, ADMIN_KEY]);
  });

  test.describe("as support", () => {
    test.use({ storageState: storageStatePath("support") });

    test("support may rotate a leaked key (there is no disable) but not edit or delete", async ({ page }) => {
      const connection = await asAdmin((api) =>
        addConnection(api, "voiceable", `${voiceable.url}/api/v1`, ADMIN_KEY),
      );
      await openKeysPage(page, connection.name);
      await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(Edit|Delete|Disable|Enable)/ })).toHaveCount(0);
      await page
        .getByRole("button", { name: /^Respond to a leak of / })
        .first()
        .click();
      const leak = page.getByRole("dialog", { name: /^Respond to a leak of / });
      await expect(leak.getByRole("radio")).toHaveCount(1);
      await expect(leak.getByRole("radio", { name: /Rotate it/ })).toBeChecked();
    });
  });
});
