// Step-up: on this server a sign-in is "recent" for 10 seconds (5 minutes by default). Once it is
// not, deleting a key is refused with 403 reauth_required; in the page, a dialog asks for the
// password in place, over the delete dialog, and the delete then goes ahead by itself. Its audit
// row says it was stepped up.
import type { Page } from "@playwright/test";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "./support/accounts";
import { expect, test } from "./support/emulator";
import { auditEntries } from "./support/mfa";
import { signIn } from "./support/sign-in";

const ACCOUNT = "Production TTS backend";
const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function waitUntilNotRecent(page: Page) {
  await expect
    .poll(async () => ((await (await page.request.get("/api/account/step-up")).json()) as { stepUp: { recent: boolean } }).stepUp.recent, { timeout: 30_000, intervals: [1000] })
    .toBe(false);
}

test("a key delete without a recent sign-in asks for one in place, then goes ahead; the audit row says stepped up", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  await waitUntilNotRecent(page);

  // The API refuses, and says why.
  const accounts = (await (await page.request.get("/api/service-accounts")).json()) as { serviceAccounts: { id: string; name: string; keys: { id: string; name: string }[] }[] };
  const sa = accounts.serviceAccounts.find((s) => s.name === ACCOUNT)!;
  const key = sa.keys.find((k) => k.name === "prod-tts-legacy")!;
  const refused = await page.request.delete(`/api/service-accounts/${sa.id}/keys/${key.id}`, { headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("reauth_required");

  // The page asks in place.
  await page.goto("/service-accounts");
  await page.getByRole("region", { name: ACCOUNT }).getByRole("link", { name: ACCOUNT }).click();
  await row(page, "prod-tts-legacy").getByRole("button", { name: "Delete prod-tts-legacy" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete prod-tts-legacy?" });
  await dialog.getByRole("textbox", { name: "Type prod-tts-legacy to confirm" }).fill("prod-tts-legacy");
  await dialog.getByRole("button", { name: "Delete key" }).click();

  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel("Password").fill("not-my-password-at-all");
  await stepUp.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(stepUp.getByText("That is not your password.")).toBeVisible();
  await expect(row(page, "prod-tts-legacy")).toHaveCount(1);
  await stepUp.getByLabel("Password").fill(CONSOLE_PASSWORD);
  await stepUp.getByRole("button", { name: "Confirm and continue" }).click();

  // The delete carries on by itself.
  await expect(stepUp).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await expect(row(page, "prod-tts-legacy")).toHaveCount(0);

  const [deleted] = await auditEntries(page, { action: "key_deleted" });
  expect(deleted).toMatchObject({ outcome: "ok", target: { name: "prod-tts-legacy" }, details: { steppedUp: true } });
  expect(typeof deleted!.details!.verifiedAt).toBe("string");
  const reauth = await auditEntries(page, { action: "reauthenticated" });
  expect(reauth.map((e) => e.outcome)).toEqual(expect.arrayContaining(["ok", "error"]));
});
