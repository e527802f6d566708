// "Why is this key failing?" in a real browser against the emulator over real HTTP: a key disabled
// through Keydesk with a reason, the error the emulator really answers its secret with pasted on
// its page. Support gets the cause first with its evidence, enables the key with one click (the
// diagnosis as the audit reason), and the emulator accepts the secret again; a reviewer sees the
// diagnosis and the ticket text, and no button. Reachable from Find a key. Checked with axe.
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });
test.describe.configure({ timeout: 180_000 });

const REASON = "leaked in a public gist";
const BOX = "Secret, last four characters, name or key id";

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

/** A key made and then disabled through Keydesk by the admin, with a reason; its secret too. */
async function disabledKey(): Promise<{ saId: string; keyId: string; name: string; secret: string }> {
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { service_account_user_id: string; name: string }[];
  }>("GET", "/v1/service-accounts");
  const saId = accounts.find((a) => a.name === "Production TTS backend")!.service_account_user_id;
  const name = `doctor-${Date.now()}`;
  return asAdmin(async (api) => {
    const created = await api.post(`/api/service-accounts/${saId}/keys`, {
      data: { name, permissions: ["text_to_speech"] },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { key, secret } = (await created.json()) as { key: { id: string }; secret: string };
    const off = await api.patch(`/api/service-accounts/${saId}/keys/${key.id}`, {
      data: { enabled: false, reason: REASON, expected: { enabled: true } },
    });
    expect(off.status(), await off.text()).toBe(200);
    return { saId, keyId: key.id, name, secret };
  });
}

/** What the caller got: the emulator's real answer to the key's own secret. */
async function callerError(secret: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${E2E.emulatorUrl}/v1/service-accounts`, { headers: { "xi-api-key": secret } });
  return { status: res.status, text: await res.text() };
}

const doctor = (page: Page) => page.getByRole("region", { name: "Why is this key failing?", exact: true });

/** Runs a check in the key page's section, or in `within` (Find a key's dialog). */
async function diagnose(page: Page, pasted: string, within: Locator = doctor(page)) {
  const panel = within;
  await panel.getByLabel("The error the caller got (optional)").fill(pasted);
  await panel
    .getByLabel("What they tried (optional)")
    .selectOption({ label: "Text to Speech (POST /v1/text-to-speech/{voice_id})" });
  await panel.getByRole("button", { name: "Check the key" }).click();
  const first = panel.getByRole("list", { name: "Likely causes" }).getByRole("listitem").first();
  await expect(first).toContainText("Most likely", { timeout: 60_000 });
  return first;
}

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("diagnoses a disabled key on its page and enables it with the diagnosis as the reason", async ({
    page,
  }) => {
    const key = await disabledKey();
    const failed = await callerError(key.secret);
    expect(failed.status).toBe(401);
    await page.goto(`/service-accounts/${key.saId}/keys/${key.keyId}`);
    await expect(page.getByRole("heading", { level: 1, name: key.name })).toBeVisible();

    const first = await diagnose(page, `HTTP ${failed.status} ${failed.text}`);
    await expect(first).toContainText("The key is disabled.");
    await expect(first).toContainText(`by ${CONSOLE_ACCOUNTS.admin.email}: ${REASON}.`);
    await expect(doctor(page)).toContainText("invalid_api_key");
    await expect(doctor(page).getByRole("group", { name: /Confirm/ })).toHaveCount(0);
    // Support may only enable: the only fix button is that one.
    await expect(doctor(page).getByRole("button", { name: /^(Raise|Add)/ })).toHaveCount(0);
    await expectNoAxeViolations(page, "the key doctor's diagnosis");

    await first.getByRole("button", { name: "Enable the key" }).click();
    await doctor(page).getByRole("button", { name: "Yes, enable the key" }).click();
    // The check runs again: the key is on, so only the pasted error's own word is left, unconfirmed.
    await expect(doctor(page)).toContainText("but this key is present and enabled now", { timeout: 60_000 });
    await expect(doctor(page).getByRole("button", { name: "Enable the key" })).toHaveCount(0);

    // The next call gets past the key rung of the emulator's ladder.
    expect((await callerError(key.secret)).text).not.toContain("invalid_api_key");
    // Audited through the usual path, by support, with the diagnosis as the reason, nothing pasted.
    const log = await page.request.get(`/api/audit?target=${key.keyId}&action=key_enabled`);
    const { entries } = (await log.json()) as { entries: { actor: { email: string }; reason: string }[] };
    expect(entries[0]!.actor.email).toBe(CONSOLE_ACCOUNTS.support.email);
    expect(entries[0]!.reason).toMatch(
      /^Key doctor: The key is disabled\. Disabled on .*: leaked in a public gist\.$/,
    );
    expect(entries[0]!.reason).not.toContain("invalid_api_key");
  });
});

test.describe("as a security reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("sees the diagnosis and the ticket text, and no button; finds the doctor from Find a key", async ({
    page,
  }) => {
    const key = await disabledKey();
    const failed = await callerError(key.secret);
    await page.goto("/find");
    await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
    const box = page.getByRole("textbox", { name: BOX });
    await box.fill(key.name);
    await box.press("Enter");
    // The doctor opens over the results, so the search stays as it is.
    const opener = page.getByRole("button", { name: `Why is this key failing? (${key.name})` });
    await expect(opener).toBeVisible({ timeout: 60_000 });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: `Why is ${key.name} failing?` });
    const first = await diagnose(page, failed.text, dialog);
    await expect(first).toContainText("The key is disabled.");
    await expect(first).toContainText("Fix: Enable the key");
    await expect(dialog.getByRole("button", { name: /Enable|Raise|Add/ })).toHaveCount(0);
    await expect(dialog).toContainText("Reviewers change nothing");
    await expect(dialog.getByRole("button", { name: "Copy the diagnosis for the ticket" })).toBeVisible();
    await expectNoAxeViolations(page, "the key doctor over Find a key");

    // On to the key's own page, at its doctor.
    await dialog.getByRole("link", { name: "Open the key's page" }).click();
    await expect(page).toHaveURL(new RegExp(`/keys/${key.keyId}#key-doctor$`));
    await expect(doctor(page)).toBeVisible();

    // The API agrees: a reviewer's fix is not allowed, and sending it anyway is refused.
    const answer = await page.request.post("/api/doctor/diagnose", {
      data: { connectionId: "env-elevenlabs", saId: key.saId, keyId: key.keyId, pasted: failed.text },
    });
    expect(answer.status()).toBe(200);
    const { diagnosis } = (await answer.json()) as {
      diagnosis: { causes: { fix: { allowed: boolean; write: { url: string; body: unknown } } }[] };
    };
    const fix = diagnosis.causes[0]!.fix;
    expect(fix.allowed).toBe(false);
    const refused = await page.request.patch(fix.write.url, { data: fix.write.body });
    expect(refused.status()).toBe(403);
    await expectNoAxeViolations(page, "the key doctor's diagnosis");
  });
});
