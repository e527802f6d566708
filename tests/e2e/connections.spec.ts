// Connections: an admin adds a DocSpace portal (its credential checked live against the DocSpace
// emulator), tests, renames and removes it; a wrong credential is refused with the upstream's request
// id; the handlers refuse hostile input with a 422 naming the field; the credential is in no answer,
// page, audit row or server log line; and nobody but an admin sees the page or reaches its API.
import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

const CREDENTIAL = E2E.docspaceAdminKey;
const WRONG = "docspace_e2e_wrong_token_5151";

type LoggedRequest = { method: string; path: string; status: number; requestId: string };

async function docspace<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}
const docspaceRequests = async () =>
  (await docspace<{ requests: LoggedRequest[] }>("GET", "/__emulator/requests")).requests;

function row(page: Page, name: string) {
  return page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
}

async function connectionsNow(api: APIRequestContext): Promise<{ id: string; name: string }[]> {
  return (await (await api.get("/api/connections")).json()).connections;
}

test.beforeEach(async () => {
  await docspace("POST", "/__emulator/reset", { seed: "demo" });
});

test("an admin adds a DocSpace portal, sees it tested, renames it and removes it, all on the audit log", async ({
  page,
}) => {
  const name = `Support portal ${Date.now()}`;
  const renamed = `${name} (renamed)`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await expect(row(page, "ElevenLabs (ELEVENLABS_API_KEY)")).toContainText("Managed by the environment");
  await expectNoAxeViolations(page, "the connections page");

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Provider").selectOption("docspace");
  await page.getByLabel("Base URL").fill(E2E.docspaceUrl);
  await page.getByLabel("Admin credential").fill(WRONG);
  await page.getByRole("button", { name: "Add connection" }).click();
  const refusal = page.locator("#add-connection-error");
  await expect(refusal).toContainText("401");
  const refused = (await docspaceRequests()).at(-1)!;
  expect(refused.status).toBe(401);
  await expect(refusal).toContainText(`Upstream request id: ${refused.requestId}`);
  await expect(row(page, name)).toHaveCount(0);
  // Everything typed stays, to be corrected.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  await page.getByLabel("Admin credential").fill(CREDENTIAL);
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${name}; its credential works: 12 keys.`);
  await expect(row(page, name)).toContainText("ONLYOFFICE DocSpace");
  await expect(row(page, name)).toContainText(`…${CREDENTIAL.slice(-4)}`);
  await expect(row(page, name)).toContainText("Added here");

  await row(page, name)
    .getByRole("button", { name: `Test ${name}` })
    .click();
  await expect(page.getByRole("status")).toContainText(`${name} works: 12 keys.`);

  await row(page, name)
    .getByRole("button", { name: `Rename ${name}` })
    .click();
  const renameDialog = page.getByRole("dialog", { name: `Rename ${name}` });
  await renameDialog.getByLabel("New name").fill(renamed);
  await renameDialog.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status")).toContainText(`Renamed ${name} to ${renamed}.`);
  await expect(row(page, renamed)).toBeVisible();

  await row(page, renamed)
    .getByRole("button", { name: `Remove ${renamed}` })
    .click();
  const removeDialog = page.getByRole("dialog", { name: `Remove the connection "${renamed}"?` });
  await expect(removeDialog).toBeVisible();
  await removeDialog.getByRole("button", { name: `Remove ${renamed}` }).click();
  await expect(page.getByRole("status")).toContainText(`Removed the connection ${renamed}.`);
  await expect(row(page, renamed)).toHaveCount(0);
  await page.reload();
  await expect(row(page, renamed)).toHaveCount(0);

  const audit = await (await page.request.get("/api/audit/export?format=json&action=")).text();
  const entries = (
    JSON.parse(audit) as { action: string; outcome: string; target: { name: string } }[]
  ).filter((e) => e.target.name === name || e.target.name === renamed);
  expect(entries.map((e) => [e.action, e.outcome]).sort()).toEqual(
    [
      ["connection_created", "error"],
      ["connection_created", "ok"],
      ["connection_tested", "ok"],
      ["connection_renamed", "ok"],
      ["connection_removed", "ok"],
    ].sort(),
  );
  const html = await page.content();
  const log = readFileSync(E2E.consoleLog, "utf8");
  for (const text of [audit, html, log]) {
    expect(text).not.toContain(CREDENTIAL);
    expect(text).not.toContain(WRONG);
    expect(text).not.toContain(E2E.adminKey);
  }
});

test("the handlers refuse bad input with a 422 naming the field, and send nothing upstream", async ({
  request,
}) => {
  const good = { name: "Portal", provider: "docspace", baseUrl: E2E.docspaceUrl, credential: CREDENTIAL };
  const before = (await docspaceRequests()).length;
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ ...good, name: "a\u0000b" }, "name", /NUL/],
    [{ ...good, name: "bad \ud800 text" }, "name", /unpaired surrogate/],
    [{ ...good, name: `sk_${"ab".repeat(24)}` }, "name", /secret/],
    [{ ...good, name: "   " }, "name", /Enter a name/],
    [{ ...good, provider: "slack" }, "provider", /Choose a provider/],
    [{ ...good, baseUrl: "ftp://127.0.0.1/" }, "baseUrl", /http/],
    [{ ...good, baseUrl: "javascript:alert(1)" }, "baseUrl", /http/],
    [
      { ...good, baseUrl: `http://admin:pw@127.0.0.1:${E2E.docspacePort}` },
      "baseUrl",
      /user name or password/,
    ],
    [{ ...good, baseUrl: `${E2E.docspaceUrl}/?token=x` }, "baseUrl", /query/],
    [{ ...good, baseUrl: `${E2E.docspaceUrl}/#x` }, "baseUrl", /fragment/],
    [{ ...good, credential: "" }, "credential", /Enter the admin credential/],
    [{ ...good, credential: "two words" }, "credential", /no spaces/],
    [{ ...good, credential: "x".repeat(5000) }, "credential", /at most 4096/],
  ];
  for (const [body, field, message] of cases) {
    const res = await request.post("/api/connections", { data: body });
    expect(res.status(), JSON.stringify(body).slice(0, 80)).toBe(422);
    const { error } = await res.json();
    expect(error.fields[0].path).toEqual([field]);
    expect(error.fields[0].message).toMatch(message);
    expect(JSON.stringify(error)).not.toContain(CREDENTIAL);
  }
  const extra = await request.post("/api/connections", { data: { ...good, isAdmin: true } });
  expect(extra.status()).toBe(422);
  const huge = await request.post("/api/connections", {
    data: { ...good, name: "x".repeat(2 * 1024 * 1024) },
  });
  expect(huge.status()).toBe(413);
  const notJson = await request.post("/api/connections", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify(good),
  });
  expect(notJson.status()).toBe(415);
  const crossSite = await request.post("/api/connections", {
    headers: { origin: "https://evil.example" },
    data: good,
  });
  expect(crossSite.status()).toBe(403);
  expect((await docspaceRequests()).length).toBe(before);

  for (const [name, message] of [
    ["a\u0000b", /NUL/],
    ["\udc00 alone", /unpaired surrogate/],
    ["", /Enter a name/],
    ["n".repeat(101), /at most 100/],
  ] as const) {
    const res = await request.patch("/api/connections/env-elevenlabs", { data: { name } });
    expect(res.status()).toBe(422);
    const { error } = await res.json();
    expect(error.fields[0]).toMatchObject({ path: ["name"], message: expect.stringMatching(message) });
  }
  const badId = await request.delete(`/api/connections/${encodeURIComponent("conn\u0000x")}`);
  expect(badId.status()).toBe(422);

  const rename = await request.patch("/api/connections/env-elevenlabs", { data: { name: "Mine now" } });
  expect(rename.status()).toBe(409);
  expect((await request.delete("/api/connections/env-elevenlabs")).status()).toBe(409);
  expect((await request.delete("/api/connections/conn_nope")).status()).toBe(404);
});

test("no answer carries the credential: add, list, test, rename", async ({ request }) => {
  const name = `API portal ${Date.now()}`;
  const added = await request.post("/api/connections", {
    data: { name, provider: "docspace", baseUrl: E2E.docspaceUrl, credential: CREDENTIAL },
  });
  expect(added.status()).toBe(201);
  const body = await added.text();
  const { connection } = JSON.parse(body) as { connection: { id: string; credentialHint: string } };
  expect(connection.credentialHint).toBe(CREDENTIAL.slice(-4));
  const answers = [
    body,
    await (await request.get("/api/connections")).text(),
    await (await request.post(`/api/connections/${connection.id}/test`, { data: {} })).text(),
    await (await request.patch(`/api/connections/${connection.id}`, { data: { name: `${name}!` } })).text(),
    await (await request.delete(`/api/connections/${connection.id}`)).text(),
  ];
  for (const text of answers) expect(text).not.toContain(CREDENTIAL);
  expect((await connectionsNow(request)).map((c) => c.id)).not.toContain(connection.id);
});

test("an admin limits support to one connection on the Users page, then lifts the limit", async ({
  page,
}) => {
  const support = CONSOLE_ACCOUNTS.support.email;
  const { users } = (await (await page.request.get("/api/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const supportId = users.find((u) => u.email === support)!.id;
  const limits = async () =>
    (await (await page.request.get(`/api/users/${supportId}/connections`)).json()).connectionIds;
  expect(await limits()).toBeNull();

  await page.goto("/users");
  await page.getByRole("button", { name: `Connections of ${support}` }).click();
  const dialog = page.getByRole("dialog", { name: `Connections of ${support}` });
  await dialog.getByRole("checkbox", { name: /ElevenLabs \(ELEVENLABS_API_KEY\)/ }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText(`${support} may use 1 connection only.`);
  expect(await limits()).toEqual(["env-elevenlabs"]);

  await page.getByRole("button", { name: `Connections of ${support}` }).click();
  await expect(dialog.getByRole("checkbox", { name: /ElevenLabs \(ELEVENLABS_API_KEY\)/ })).toBeChecked();
  await dialog.getByRole("checkbox", { name: /ElevenLabs \(ELEVENLABS_API_KEY\)/ }).uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText(`${support} may use every connection.`);
  expect(await limits()).toBeNull();

  const unknown = await page.request.put(`/api/users/${supportId}/connections`, {
    data: { connectionIds: ["conn_does_not_exist"] },
  });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.fields[0].path).toEqual(["connectionIds", 0]);
  expect(await limits()).toBeNull();
  const audit = await (
    await page.request.get(
      `/api/audit?action=user_connections_changed&target=${encodeURIComponent(support)}&limit=2`,
    )
  ).json();
  expect(audit.entries.map((e: { changes: unknown }) => e.changes)).toEqual([
    { connections: { before: ["env-elevenlabs"], after: "all" } },
    { connections: { before: "all", after: ["env-elevenlabs"] } },
  ]);
});

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("the page lists the connections to see keys of, says managing is for admins, and the API refuses", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
    await expect(page.getByText("Only admins can manage connections.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add connection" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "ElevenLabs (ELEVENLABS_API_KEY)" })).toHaveAttribute(
      "href",
      "/connections/env-elevenlabs",
    );
    expect((await request.get("/api/connections")).status()).toBe(403);
    const add = await request.post("/api/connections", {
      data: { name: "Sneaky", provider: "docspace", baseUrl: E2E.docspaceUrl, credential: CREDENTIAL },
    });
    expect(add.status()).toBe(403);
  });
});
