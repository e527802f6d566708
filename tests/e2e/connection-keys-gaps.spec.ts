// A connection's keys page, for what the generic API added: a second ElevenLabs connection's create
// form offers every service account (one with no keys yet too) and refuses a key with no permission,
// as its edit refuses emptying one (a save then toasts); an edit of a key someone changed
// upstream meanwhile is refused with what changed, nothing sent, what was typed kept; and deleting a
// key that may be the connection's own credential warns plainly first. Real HTTP to the ElevenLabs
// and DocSpace emulators, a real browser.
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

type Logged = { method: string; path: string; body: unknown };
const docspaceAdmin = { authorization: `Bearer ${E2E.docspaceAdminKey}`, "content-type": "application/json" };

async function docspace<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: docspaceAdmin,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
  return (await res.json()) as T;
}
const docspaceWrites = async () =>
  ((await docspace<{ requests: Logged[] }>("GET", "/__emulator/requests")).requests ?? []).filter(
    (r) => r.method !== "GET",
  );

/** The connections this file added: removed at the end, so later files see only their own. */
const added: string[] = [];

async function addConnection(
  request: APIRequestContext,
  provider: string,
  baseUrl: string,
  credential: string,
) {
  const name = `${provider} gaps ${Date.now()}`;
  const res = await request.post("/api/connections", { data: { name, provider, baseUrl, credential } });
  expect(res.status(), await res.text()).toBe(201);
  const { connection } = (await res.json()) as { connection: { id: string; name: string } };
  added.push(connection.id);
  return connection;
}

test.afterAll(async () => {
  const api = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  for (const id of added.splice(0)) await api.delete(`/api/connections/${id}`);
  await api.dispose();
});

test.beforeEach(async () => {
  await fetch(`${E2E.docspaceUrl}/__emulator/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seed: "demo" }),
  });
});

async function openKeysPage(page: Page, connection: { id: string; name: string }) {
  await page.goto(`/connections/${connection.id}`);
  await expect(page.getByRole("table", { name: `API keys of ${connection.name}` })).toBeVisible();
}

const row = (page: Page, name: string) =>
  page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });

test("a second ElevenLabs connection's create form offers a service account that has no keys yet", async ({
  page,
  request,
}) => {
  // The demo seed's "Mobile app (new)" has no keys: the keys alone could not offer it.
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { name: string; "api-keys": unknown[] }[];
  }>("GET", "/v1/service-accounts");
  const empty = accounts.find((a) => a["api-keys"].length === 0)!;
  expect(empty).toBeDefined();
  const connection = await addConnection(request, "elevenlabs", E2E.emulatorUrl, E2E.adminKey);

  const listed = await request.get(`/api/connections/${connection.id}/keys`);
  expect(listed.status()).toBe(200);
  const answer = (await listed.json()) as { groups: { name: string }[] | null };
  expect(answer.groups?.map((g) => g.name).sort()).toEqual(accounts.map((a) => a.name).sort());

  await openKeysPage(page, connection);
  await page.getByRole("button", { name: "Create key" }).click();
  const create = page.getByRole("dialog", { name: `Create a key on ${connection.name}` });
  const group = create.getByLabel("Service account");
  await expect(group.locator("option", { hasText: empty.name })).toHaveCount(1);
  const name = `First of ${Date.now() % 100000}`;
  await create.getByLabel("Name").fill(name);
  await group.selectOption({ label: empty.name });
  // Nothing ticked is refused on the permissions field (ElevenLabs would make a key that can do nothing).
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByRole("group", { name: "Permissions", exact: true })).toHaveAccessibleDescription(
    /Choose at least one permission/,
  );
  expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(0);
  await create.getByRole("checkbox", { name: "voices_read", exact: true }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByText("Copy it now: Keydesk does not keep it")).toBeVisible();

  const after = await emulator.admin<{
    "service-accounts": { name: string; "api-keys": { name: string }[] }[];
  }>("GET", "/v1/service-accounts");
  const account = after["service-accounts"].find((a) => a.name === empty.name)!;
  expect(account["api-keys"].map((k) => k.name)).toEqual([name]);
});

test("emptying an ElevenLabs key's permissions on a second connection is refused, nothing sent; a save toasts", async ({
  page,
  request,
}) => {
  const connection = await addConnection(request, "elevenlabs", E2E.emulatorUrl, E2E.adminKey);
  await openKeysPage(page, connection);
  // (Its key cell says more than the name: the button alone finds it.)
  await page.getByRole("button", { name: "Edit prod-tts-ipv6", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Edit prod-tts-ipv6" });
  const permissions = edit.getByRole("group", { name: "Permissions", exact: true });
  await permissions.getByRole("checkbox", { name: "text_to_speech", exact: true }).uncheck();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(permissions).toHaveAccessibleDescription(
    "Choose at least one permission, or choose All permissions: a restricted key with none can do nothing.",
  );
  await expect(edit).toBeVisible();
  expect((await emulator.requests()).filter((r) => r.method === "PATCH")).toHaveLength(0);

  // Another permission instead: saved, and a short toast says so.
  await permissions.getByRole("checkbox", { name: "speech_to_text", exact: true }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByText("Key “prod-tts-ipv6” saved", { exact: true })).toBeVisible();
  const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
  expect(patches.map((r) => r.body)).toEqual([{ permissions: ["speech_to_text"] }]);
});

test("an edit of a key changed upstream since the dialog opened is refused, saying what changed, keeping what was typed", async ({
  page,
  request,
}) => {
  const connection = await addConnection(request, "docspace", E2E.docspaceUrl, E2E.docspaceAdminKey);
  const keys = (await docspace<{ response: { id: string; name: string }[] }>("GET", "/api/2.0/keys"))
    .response;
  const key = keys.find((k) => k.name === "BI dashboard (read-only)")!;
  await openKeysPage(page, connection);
  await row(page, key.name)
    .getByRole("button", { name: `Edit ${key.name}` })
    .click();
  const edit = page.getByRole("dialog", { name: `Edit ${key.name}` });
  await edit.getByLabel("Name").fill("BI dashboard (mine)");

  // Someone renames it straight at DocSpace meanwhile.
  await docspace("PUT", `/api/2.0/keys/${key.id}`, { name: "BI dashboard (theirs)" });
  await docspace("DELETE", "/__emulator/requests");

  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert")).toContainText(
    "Someone else changed this key since you began: its name is now “BI dashboard (theirs)”",
  );
  await expect(edit.getByLabel("Name")).toHaveValue("BI dashboard (mine)");
  expect(await docspaceWrites()).toEqual([]);

  // Saving again, knowingly, sends the person's name over theirs.
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved the changes to BI dashboard (mine)." }),
  ).toBeVisible();
  expect((await docspaceWrites()).map((r) => [r.method, r.path, r.body])).toEqual([
    ["PUT", `/api/2.0/keys/${key.id}`, { name: "BI dashboard (mine)" }],
  ]);
});

test("deleting the key a connection itself uses warns that the connection will stop working", async ({
  page,
  request,
}) => {
  // A DocSpace key made upstream, then given to Keydesk as a connection's credential.
  const own = (
    await docspace<{ response: { id: string; key: string; name: string } }>("POST", "/api/2.0/keys", {
      name: "Keydesk connection",
      permissions: ["*"],
    })
  ).response;
  const connection = await addConnection(request, "docspace", E2E.docspaceUrl, own.key);
  const listed = await request.get(`/api/connections/${connection.id}/keys`);
  const text = await listed.text();
  expect(text).not.toContain(own.key);
  const flagged = (JSON.parse(text) as { keys: { name: string; mayBeConnectionCredential: boolean }[] }).keys
    .filter((k) => k.mayBeConnectionCredential)
    .map((k) => k.name);
  expect(flagged).toEqual([own.name]);

  await openKeysPage(page, connection);
  await row(page, own.name)
    .getByRole("button", { name: `Delete ${own.name}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `Delete ${own.name}?` });
  await expect(dialog.getByTestId("own-credential-warning")).toContainText(
    "This may be the key Keydesk itself uses for this connection.",
  );
  await expect(dialog).toContainText("the connection stops working once the key is deleted");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Another key of the same connection: no warning.
  await row(page, "Nightly backup").getByRole("button", { name: "Delete Nightly backup" }).click();
  const other = page.getByRole("dialog", { name: "Delete Nightly backup?" });
  await expect(other.getByRole("button", { name: "Delete key" })).toBeVisible();
  await expect(other.getByTestId("own-credential-warning")).toHaveCount(0);
});
