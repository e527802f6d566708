// Leak response in the browser, against the controlled emulator (reset to the demo workspace before
// each test): "/" from anywhere to the search, a pasted secret found by its hash, Disable now in
// three steps, the key refused at once, the disable on the audit log, and the secret nowhere.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { AuditEntry } from "@/lib/audit/types";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

const BOX = "Secret, last four characters, name or key id";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A key made outside Keydesk (as ElevenLabs' own settings page would), with the secret it was given. */
async function leakableKey(name: string) {
  const { "service-account-user-id": saId } = await emulator.admin<{ "service-account-user-id": string }>(
    "POST",
    "/v1/service-accounts",
    { name: "Leak drill" },
  );
  const { "xi-api-key": secret, key_id: keyId } = await emulator.admin<{
    "xi-api-key": string;
    key_id: string;
  }>("POST", `/v1/service-accounts/${saId}/api-keys`, {
    name,
    permissions: "all",
  });
  return { saId, keyId, secret };
}

/**
 * The emulator's answer to a request made with the key itself. A service-account key may never
 * manage service accounts, so a live key is told `missing_permissions` and a disabled one
 * `invalid_api_key` (lib/emulator/elevenlabs/DECISIONS.md, "Authentication and errors").
 */
async function useKey(secret: string): Promise<{ status: number; code: string }> {
  const res = await fetch(`${E2E.emulatorUrl}/v1/service-accounts`, { headers: { "xi-api-key": secret } });
  const body = (await res.json()) as { detail: { code: string } };
  return { status: res.status, code: body.detail.code };
}

/**
 * "/" with nothing focused opens the command palette (pressed again until it does: the header's
 * listener exists only once the page's script has run, and only while the palette is not open, so
 * no "/" is typed into it); its "Find a key" then opens the search page, whose box takes focus.
 */
async function pressSlashUntilFind(page: Page) {
  const palette = page.getByRole("dialog", { name: "Search pages and keys" });
  await expect(async () => {
    if (!(await palette.isVisible())) await page.keyboard.press("/");
    await expect(palette).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.type("Find a key");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/find$/);
  await expect(page.getByRole("heading", { level: 1, name: "Find a key" })).toBeVisible();
}

/** The find page opened directly, once its script runs (Search is disabled until then). */
async function openFind(page: Page) {
  await page.goto("/find");
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
}

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });

  test("pastes a leaked secret, disables its key in three steps, and the secret is recorded nowhere", async ({
    page,
  }) => {
    const { keyId, secret } = await leakableKey("leaked-in-a-gist");
    const hint = secret.slice(-4);
    expect(await useKey(secret)).toEqual({ status: 401, code: "missing_permissions" }); // alive

    await page.goto("/");
    await expect(page.getByRole("button", { name: "Search pages and keys" })).toHaveAttribute(
      "aria-keyshortcuts",
      "Control+K Meta+K /",
    );
    await pressSlashUntilFind(page);
    const box = page.getByRole("textbox", { name: BOX });
    await expect(box).toBeFocused();

    // 1. Paste: searched at once, by POST, and never shown in the box.
    await page.evaluate((text) => navigator.clipboard.writeText(text), secret);
    const answered = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/find-key" && r.request().method() === "POST",
    );
    await page.keyboard.press("ControlOrMeta+v");
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.url()).not.toContain(secret);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const searchBody = await response.text();
    await expect(box).toHaveValue("");
    await expect(page.getByText(`Searched for a secret ending …${hint}.`)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: `a secret ending …${hint}` })).toContainText(
      "1 exact",
    );
    // When the keys searched were read, as an exact time.
    const searchedAt = (JSON.parse(searchBody) as { generatedAt: string }).generatedAt;
    await expect(page.getByText(/^As of \d\d:\d\d:\d\d/).locator("time")).toHaveAttribute(
      "datetime",
      searchedAt,
    );

    const candidate = row(page, "leaked-in-a-gist");
    await expect(candidate).toContainText("Leak drill");
    await expect(candidate).toContainText(`…${hint}`);
    await expect(candidate).toContainText("Enabled");
    await expect(candidate).toContainText("All permissions");
    await expect(candidate).toContainText("Exact: this is the key");
    await expect(candidate).toContainText("Exact match: the secret's SHA-256 matches this key");

    // 2. Disable now; 3. confirm, with the reason already filled in.
    await candidate.getByRole("button", { name: "Disable now" }).click();
    const dialog = page.getByRole("dialog", { name: "Disable leaked-in-a-gist?" });
    await expect(dialog.getByRole("textbox", { name: "Reason" })).toHaveValue("leaked publicly");
    await dialog.getByRole("button", { name: "Confirm and disable" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(candidate).toContainText(/Disabled at \d{2}:\d{2}:\d{2} by you/);
    await expect(candidate.getByText(/^Disabled at /)).toBeFocused();
    await expect(candidate.getByRole("button", { name: "Disable now" })).toHaveCount(0);
    await expect(candidate).toContainText("Disabled");
    const findPage = await page.content();

    // The key is refused from now on.
    expect(await useKey(secret)).toEqual({ status: 401, code: "invalid_api_key" });
    const patches = (await emulator.requests()).filter(
      (r) => r.method === "PATCH" && r.path.endsWith(`/api-keys/${keyId}`),
    );
    expect(patches.map((r) => r.body)).toEqual([{ is_enabled: false }]);

    // The audit log: the disable by support with the reason, and the search by its last four characters only.
    const disabledRes = await page.request.get(
      `/api/audit?action=key_disabled&target=${encodeURIComponent(keyId)}`,
    );
    const disabledText = await disabledRes.text();
    const [disabled] = (JSON.parse(disabledText) as { entries: AuditEntry[] }).entries;
    expect(disabled).toMatchObject({
      action: "key_disabled",
      actor: { email: CONSOLE_ACCOUNTS.support.email, role: "support" },
      reason: "leaked publicly",
      outcome: "ok",
      target: { keyId, name: "leaked-in-a-gist" },
    });

    const searchesRes = await page.request.get(
      `/api/audit?action=key_search&actor=${encodeURIComponent(CONSOLE_ACCOUNTS.support.email)}`,
    );
    const searchesText = await searchesRes.text();
    const search = (JSON.parse(searchesText) as { entries: AuditEntry[] }).entries.find(
      (e) => (e.changes?.search?.after as { hint?: string } | undefined)?.hint === hint,
    );
    expect(search).toMatchObject({
      action: "key_search",
      outcome: "ok",
      actor: { role: "support" },
      changes: { search: { before: null, after: { kind: "secret", hint, exact: 1 } } },
    });

    await page.goto(`/audit?action=key_disabled&target=${encodeURIComponent(keyId)}`);
    const auditRow = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "key_disabled" }) });
    await expect(auditRow).toContainText(CONSOLE_ACCOUNTS.support.email);
    await expect(auditRow).toContainText("Reason: leaked publicly");

    // Nowhere: not in the audit log's JSON, the server's log, the search's answer, Keydesk's calls upstream, or the page.
    const wholeAudit = await (await page.request.get("/api/audit?limit=500")).text();
    const serverLog = readFileSync(E2E.consoleLog, "utf8");
    const upstreamCalls = JSON.stringify(await emulator.requests());
    for (const text of [
      searchBody,
      disabledText,
      searchesText,
      wholeAudit,
      serverLog,
      upstreamCalls,
      findPage,
      await page.content(),
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(sha256(secret));
    }
    expect(searchBody).not.toContain("hashedSecret");
  });

  test("'/' opens the palette (and from it the search) from another page, but not while typing in a field", async ({
    page,
  }) => {
    await page.goto("/audit");
    await pressSlashUntilFind(page);
    await expect(page.getByRole("textbox", { name: BOX })).toBeFocused();
    await page.goBack(); // the header stays mounted: its listener is surely there now
    await expect(page).toHaveURL(/\/audit$/);
    const actor = page.getByRole("textbox", { name: "Actor" });
    await actor.click();
    await page.keyboard.type("a/b");
    await expect(actor).toHaveValue("a/b");
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("dialog", { name: "Search pages and keys" })).toHaveCount(0);
  });

  test("a search by name keeps the text, ranks the exact name first and says when nothing matches", async ({
    page,
  }) => {
    await openFind(page);
    const box = page.getByRole("textbox", { name: BOX });
    await box.fill("prod-tts-primary");
    await box.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "prod-tts-primary" })).toContainText(
      "1 key matches “prod-tts-primary”: 1 likely.",
    );
    await expect(row(page, "prod-tts-primary")).toContainText(
      "Likely: the key's name is what you searched for",
    );
    await expect(box).toHaveValue("prod-tts-primary");

    await box.fill("no-such-key");
    await box.press("Enter");
    await expect(page.getByText("No key matches “no-such-key”.").first()).toBeVisible();
  });

  test("bad input straight at the API is a 422 naming the field, and never repeats the query", async ({
    page,
    baseURL,
  }) => {
    const post = (data: unknown) =>
      page.request.post("/api/find-key", { headers: { origin: baseURL! }, data });
    const secret = `sk_${"c0ffee".repeat(8)}`;
    const cases: [unknown, RegExp][] = [
      [{ query: "" }, /^query: /],
      [{ query: "   " }, /^query: /],
      [{ query: "x".repeat(501) }, /^query: Use at most 500 characters$/],
      [{ query: 42 }, /^query: /],
      [{}, /^query: /],
      [{ query: secret, extra: secret }, /"extra"/],
    ];
    for (const [data, message] of cases) {
      const res = await post(data);
      const text = await res.text();
      expect(res.status(), text).toBe(422);
      const { error } = JSON.parse(text) as {
        error: { code: string; message: string; fields: { path: unknown[] }[] };
      };
      expect(error.code).toBe("validation_failed");
      expect(error.message).toMatch(message);
      if (message.source.startsWith("^query")) expect(error.fields[0]!.path).toEqual(["query"]);
      expect(text).not.toContain(secret);
    }
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("searches by secret and sees the key, but has no Disable now", async ({ page }) => {
    const { secret } = await leakableKey("reviewer-probe");
    await openFind(page);
    const box = page.getByRole("textbox", { name: BOX });
    await box.fill(secret);
    await box.press("Enter");
    await expect(box).toHaveValue("");
    const candidate = row(page, "reviewer-probe");
    await expect(candidate).toContainText("Exact match: the secret's SHA-256 matches this key");
    await expect(candidate).toContainText("Enabled");
    await expect(page.getByRole("button", { name: /Disable now/ })).toHaveCount(0);
    await expect(
      page.getByText("You can search; disabling a key needs the support or admin role."),
    ).toBeVisible();
    expect(await useKey(secret)).toEqual({ status: 401, code: "missing_permissions" }); // untouched
  });
});
