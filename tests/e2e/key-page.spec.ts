// A key's own page, in a real browser against the emulators over real HTTP: a reviewer opens a key
// from All keys and reads its permissions by name (with what each allows) and its audit history;
// an admin gets the actions and a change shows on the page and its history at once; a reviewer gets
// none. Other connections' keys in their provider's terms: a DocSpace key's scopes and expiry, a
// Voiceable key's origins and assistants, no on/off switch, and rotate/delete only for the roles
// that may. Each page is checked with axe.
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { keyHref } from "@/lib/key-href";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

/** An admin's API session, for a test signed in as another role that needs a key or a connection first. */
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

/** A key of the primary workspace made and then changed through Keydesk, so its page has history. */
async function keyWithHistory(): Promise<{ saId: string; keyId: string; name: string }> {
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { service_account_user_id: string; name: string }[];
  }>("GET", "/v1/service-accounts");
  const saId = accounts.find((a) => a.name === "Production TTS backend")!.service_account_user_id;
  const name = `page-check-${Date.now()}`;
  return asAdmin(async (api) => {
    const created = await api.post(`/api/service-accounts/${saId}/keys`, {
      data: { name, permissions: ["voices_read", "text_to_speech"], characterLimit: 1000 },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { key } = (await created.json()) as { key: { id: string } };
    const changed = await api.patch(`/api/service-accounts/${saId}/keys/${key.id}`, {
      data: { characterLimit: 2000, expected: { characterLimit: 1000 } },
    });
    expect(changed.status(), await changed.text()).toBe(200);
    return { saId, keyId: key.id, name };
  });
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const historyRow = (page: Page, action: RegExp) =>
  section(page, "Audit history").getByRole("rowheader", { name: action });

/** The page of the key made by keyWithHistory, as anyone may read it. */
async function expectPrimaryKeyPage(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const permissions = section(page, "Permissions");
  await expect(permissions).toContainText("2 of 51 permissions.");
  // Each permission is a term: its name, then its value as the API spells it.
  await expect(permissions.getByRole("term").filter({ hasText: /^Voices \(read\)/ })).toContainText(
    "voices_read",
  );
  await expect(permissions).toContainText("List the voices and read their settings and samples.");
  await expect(permissions.getByRole("term").filter({ hasText: /^Text to Speech/ })).toBeVisible();
  await expect(permissions.getByRole("heading", { name: "Voices" })).toBeVisible();
  await expect(permissions).not.toContainText("Voices (write)");
  await expect(section(page, "Restrictions")).toContainText("2,000 characters a month");
  await expect(section(page, "Restrictions")).toContainText("Any IP address");
  await expect(page.getByRole("meter", { name: "Monthly usage" })).toBeVisible();
  await expect(section(page, "Rotation")).toContainText("No rotation in progress.");
  await expect(historyRow(page, /Key created/)).toBeVisible();
  await expect(historyRow(page, /Key changed/)).toBeVisible();
}

test.describe("as a security reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("opens a key from All keys and sees its permissions by name and its audit history", async ({
    page,
  }) => {
    const { saId, keyId, name } = await keyWithHistory();
    await page.goto("/inventory");
    const row = page.locator(`tr[data-key-id="${keyId}"]`);
    await expect(row.getByRole("rowheader")).toContainText(name);
    // The name in the All keys row links to the key's page (lib/key-href.ts).
    await row.getByRole("rowheader").getByRole("link", { name }).click();
    await expect(page).toHaveURL(`/service-accounts/${saId}/keys/${keyId}`);
    await expectPrimaryKeyPage(page, name);
    // A reviewer reads: no control, and the page says why.
    await expect(page.getByText("Your role can read this key but not change it.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^(Edit|Disable|Enable|Rotate|Delete)/ })).toHaveCount(0);
    await expectNoAxeViolations(page, "a key's page as a reviewer");

    // An ElevenLabs key has an IP allowlist: the doctor asks for the caller's address.
    const doctor = page.getByRole("form", { name: "Why is this key failing?" });
    await expect(doctor.getByLabel("The caller's IP address (optional)")).toBeVisible();

    // The whole audit log, filtered to the key, has the same rows (its create included).
    await section(page, "Audit history")
      .getByRole("link", { name: "Open the audit log filtered to this key" })
      .click();
    await expect(page).toHaveURL(`/audit?target=${keyId}`);
    const log = page.getByRole("table", { name: "Audit events, newest first" });
    await expect(log.getByRole("rowheader", { name: /Key created/ })).toBeVisible();
    await expect(log.getByRole("rowheader", { name: /Key changed/ })).toBeVisible();
  });

  test("follows a key's name from its service account's page", async ({ page }) => {
    const { saId, keyId, name } = await keyWithHistory();
    await page.goto(`/service-accounts/${saId}`);
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(`/service-accounts/${saId}/keys/${keyId}`);
    await expectPrimaryKeyPage(page, name);
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "Production TTS backend" })
      .click();
    await expect(page).toHaveURL(`/service-accounts/${saId}`);
  });

  test("an unrestricted key says so, and a key that was never there says so", async ({ page }) => {
    const { "service-accounts": accounts } = await emulator.admin<{
      "service-accounts": {
        service_account_user_id: string;
        "api-keys": { key_id: string; name: string; permissions: string[] | null }[];
      }[];
    }>("GET", "/v1/service-accounts");
    const account = accounts.find((a) => a["api-keys"].some((k) => k.permissions === null))!;
    const key = account["api-keys"].find((k) => k.permissions === null)!;
    await page.goto(keyHref({ group: account.service_account_user_id, keyId: key.key_id }));
    const permissions = section(page, "Permissions");
    await expect(permissions.getByText("Unrestricted", { exact: true })).toBeVisible();
    await expect(permissions).toContainText("This key has every permission");

    await page.goto(keyHref({ group: account.service_account_user_id, keyId: "no_such_key" }));
    await expect(page.getByRole("heading", { level: 1, name: "No such key" })).toBeVisible();
  });
});

test.describe("as an admin", () => {
  test("the actions are offered, and disabling shows on the page and its history at once", async ({
    page,
  }) => {
    const { saId, keyId, name } = await keyWithHistory();
    await page.goto(keyHref({ group: saId, keyId }));
    const actions = page.getByRole("group", { name: "Actions on this key" });
    for (const action of ["Edit", "Disable", "Rotate", "Delete"])
      await expect(actions.getByRole("button", { name: action, exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "a key's page as an admin");

    await actions.getByRole("button", { name: "Disable", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Disable ${name}?` });
    await dialog.getByLabel("Reason").fill("checking the key page");
    await dialog.getByRole("button", { name: /^Disable/ }).click();
    await expect(page.getByRole("status").filter({ hasText: `Disabled ${name}` })).toBeVisible();
    await expect(actions.getByRole("button", { name: "Enable", exact: true })).toBeVisible();
    await expect(historyRow(page, /Key disabled/)).toBeVisible();
    const upstream = await emulator.admin<{ "api-keys": { key_id: string; is_disabled: boolean }[] }>(
      "GET",
      `/v1/service-accounts/${saId}/api-keys`,
    );
    expect(upstream["api-keys"].find((k) => k.key_id === keyId)?.is_disabled).toBe(true);
  });
});

/** The connections this file added: removed at the end, so later files see only their own. */
const added: string[] = [];

async function addConnection(provider: string, baseUrl: string, credential: string) {
  return asAdmin(async (api) => {
    const name = `${provider} key page ${Date.now()}`;
    const res = await api.post("/api/connections", { data: { name, provider, baseUrl, credential } });
    expect(res.status(), await res.text()).toBe(201);
    const { connection } = (await res.json()) as { connection: { id: string; name: string } };
    added.push(connection.id);
    return connection;
  });
}

test.afterAll(async () => {
  await asAdmin(async (api) => {
    for (const id of added.splice(0)) await api.delete(`/api/connections/${id}`);
  });
});

test.describe("a DocSpace key", () => {
  test.use({ storageState: storageStatePath("reviewer") });
  test.beforeEach(async () => {
    await fetch(`${E2E.docspaceUrl}/__emulator/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seed: "demo" }),
    });
  });

  test("shows its scopes with what each allows, and its expiry", async ({ page }) => {
    const connection = await addConnection("docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
    await page.goto(`/connections/${connection.id}`);
    await page.getByRole("link", { name: "Zapier: files to rooms", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/connections/${connection.id}/keys/[^/?]+$`));
    await expect(page.getByRole("heading", { level: 1, name: "Zapier: files to rooms" })).toBeVisible();
    const scopes = section(page, "Scopes");
    await expect(scopes).toContainText("3 scopes.");
    for (const scope of ["files:read", "files:write", "rooms:read"])
      await expect(scopes.getByText(scope, { exact: true })).toBeVisible();
    await expect(scopes).toContainText("Read, upload, change and delete files and folders.");
    const restrictions = section(page, "Restrictions");
    await expect(restrictions.getByText("Expires", { exact: true })).toBeVisible();
    await expect(restrictions).not.toContainText("Never expires");
    await expect(page.getByRole("meter")).toHaveCount(0); // DocSpace has no usage limit
    await expect(page.getByText("Your role can read this key but not change it.")).toBeVisible();
    await expect(section(page, "Audit history")).toBeVisible();
    // The doctor asks what it can check: DocSpace keys have scopes but no IP allowlist.
    const doctor = page.getByRole("form", { name: "Why is this key failing?" });
    await expect(doctor.getByLabel("What they tried (optional)")).toBeVisible();
    await expect(doctor.getByLabel("The caller's IP address (optional)")).toHaveCount(0);
    await expectNoAxeViolations(page, "a DocSpace key's page");
  });
});

test.describe("a Voiceable key", () => {
  const ADMIN_KEY = "voiceable_e2e_owner_private_key_0002";
  let voiceable: VoiceableEmulator;
  let connection: { id: string; name: string };
  let href: string;

  test.beforeAll(async () => {
    voiceable = await startVoiceableEmulator({ adminKeys: [ADMIN_KEY], seed: "demo", control: true });
    connection = await addConnection("voiceable", `${voiceable.url}/api/v1`, ADMIN_KEY);
    const listed = [...voiceable.store.keys.values()].find((k) => k.name === "Website widget (dev)")!;
    href = keyHref({ connectionId: connection.id, keyId: String(listed.id) });
  });
  test.afterAll(async () => voiceable.close());

  const widget = "Website widget (dev)";

  test("an admin reads that it cannot be disabled, and may rotate or delete it", async ({ page }) => {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1, name: widget })).toBeVisible();
    await expect(page.getByText("Voiceable keys cannot be disabled")).toBeVisible();
    await expect(page.getByText("Public key", { exact: true })).toBeVisible();
    const restrictions = section(page, "Restrictions");
    await expect(restrictions).toContainText("http://localhost:3000");
    await expect(restrictions).toContainText("asst_sales");
    const actions = page.getByRole("group", { name: "Actions on this key" });
    await expect(actions.getByRole("button", { name: /^(Disable|Enable) / })).toHaveCount(0);
    await expect(actions.getByRole("button", { name: `Delete ${widget}` })).toBeVisible();
    await actions.getByRole("button", { name: `Respond to a leak of ${widget}` }).click();
    const leak = page.getByRole("dialog", { name: `Respond to a leak of ${widget}` });
    await expect(leak.getByRole("radio", { name: /Rotate it/ })).toBeVisible();
    await expect(leak.getByRole("radio", { name: /Delete it/ })).toBeVisible();
    await expect(leak.getByRole("radio", { name: /Disable it/ })).toHaveCount(0);
    await expectNoAxeViolations(page, "a Voiceable key's leak dialog");
    await leak.getByRole("button", { name: "Cancel" }).click();
    await expectNoAxeViolations(page, "a Voiceable key's page");
  });

  test.describe("as support", () => {
    test.use({ storageState: storageStatePath("support") });
    test("support may rotate it but not delete it", async ({ page }) => {
      await page.goto(href);
      const actions = page.getByRole("group", { name: "Actions on this key" });
      await expect(actions.getByRole("button", { name: `Delete ${widget}` })).toHaveCount(0);
      await actions.getByRole("button", { name: `Respond to a leak of ${widget}` }).click();
      const leak = page.getByRole("dialog", { name: `Respond to a leak of ${widget}` });
      await expect(leak.getByRole("radio")).toHaveCount(1);
      await expect(leak.getByRole("radio", { name: /Rotate it/ })).toBeVisible();
    });
  });

  test.describe("as a reviewer", () => {
    test.use({ storageState: storageStatePath("reviewer") });
    test("a reviewer gets no action", async ({ page }) => {
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1, name: widget })).toBeVisible();
      await expect(page.getByRole("group", { name: "Actions on this key" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(Edit|Delete|Respond to a leak)/ })).toHaveCount(0);
    });
  });
});

test.describe("a user limited to other connections", () => {
  test.use({ storageState: storageStatePath("support") });

  async function limitSupport(connectionIds: string[]) {
    await asAdmin(async (api) => {
      const { users } = (await (await api.get("/api/users")).json()) as {
        users: { id: string; email: string }[];
      };
      const support = users.find((u) => u.email === CONSOLE_ACCOUNTS.support.email)!;
      const res = await api.put(`/api/users/${support.id}/connections`, { data: { connectionIds } });
      expect(res.status(), await res.text()).toBe(200);
    });
  }

  test("is told so on a workspace key's page, and nothing is read upstream", async ({ page }) => {
    const { saId, keyId, name } = await keyWithHistory();
    const docspace = await addConnection("docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
    await limitSupport([docspace.id]);
    try {
      const before = (await emulator.requests()).length;
      await page.goto(keyHref({ group: saId, keyId }));
      await expect(page.getByText("Your access does not include this workspace.")).toBeVisible();
      await expect(page.getByText(name)).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Audit history" })).toHaveCount(0);
      expect((await emulator.requests()).length).toBe(before);
    } finally {
      await limitSupport([]);
    }
  });
});
