// Step-up: on this server a sign-in is "recent" for 10 seconds (5 minutes by default). Once it is
// not, deleting a key is refused with 403 reauth_required; in the page, a dialog asks for the
// password in place, over the delete dialog, and the delete then goes ahead by itself. Its audit
// row says it was stepped up.
import type { Page } from "@playwright/test";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { auditEntries } from "@/tests/support/mfa-users";
import { signIn } from "@/tests/support/sign-in";

const ACCOUNT = "Production TTS backend";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function waitUntilNotRecent(page: Page) {
  await expect
    .poll(
      async () =>
        ((await (await page.request.get("/api/account/step-up")).json()) as { stepUp: { recent: boolean } })
          .stepUp.recent,
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(false);
}

test("a key delete without a recent sign-in asks for one in place, then goes ahead; the audit row says stepped up", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  await waitUntilNotRecent(page);

  // The API refuses, and says why.
  const accounts = (await (await page.request.get("/api/service-accounts")).json()) as {
    serviceAccounts: { id: string; name: string; keys: { id: string; name: string }[] }[];
  };
  const sa = accounts.serviceAccounts.find((s) => s.name === ACCOUNT)!;
  const key = sa.keys.find((k) => k.name === "prod-tts-legacy")!;
  const refused = await page.request.delete(`/api/service-accounts/${sa.id}/keys/${key.id}`, {
    headers: { origin: baseURL! },
  });
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
  // Still there (by its id: behind the open dialogs the table is hidden from the accessibility tree).
  await expect(page.locator(`tr[data-key-id="${key.id}"]`)).toHaveCount(1);
  await stepUp.getByLabel("Password").fill(CONSOLE_PASSWORD);
  await stepUp.getByRole("button", { name: "Confirm and continue" }).click();

  // The delete carries on by itself.
  await expect(stepUp).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await expect(row(page, "prod-tts-legacy")).toHaveCount(0);

  const [deleted] = await auditEntries(page, { action: "key_deleted" });
  expect(deleted).toMatchObject({
    outcome: "ok",
    target: { name: "prod-tts-legacy" },
    details: { steppedUp: true },
  });
  expect(typeof deleted!.details!.verifiedAt).toBe("string");
  const reauth = await auditEntries(page, { action: "reauthenticated" });
  expect(reauth.map((e) => e.outcome)).toEqual(expect.arrayContaining(["ok", "error"]));
});

test("the other dangerous actions need a recent sign-in too; a bulk run asks once, then does every key", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  await waitUntilNotRecent(page);
  const headers = { origin: baseURL! };
  const code = async (res: { status(): number; json(): Promise<unknown> }) => [
    res.status(),
    ((await res.json()) as { error?: { code: string } }).error?.code,
  ];

  const accounts = (await (await page.request.get("/api/service-accounts")).json()) as {
    serviceAccounts: {
      id: string;
      name: string;
      keys: { id: string; name: string; enabled: boolean; permissions: unknown }[];
    }[];
  };
  const sa = accounts.serviceAccounts.find((s) => s.name === ACCOUNT)!;
  const enabled = sa.keys.filter((k) => k.enabled);
  expect(enabled.length).toBeGreaterThan(1);
  const keysUrl = `/api/service-accounts/${sa.id}/keys`;
  expect(
    await code(await page.request.post(keysUrl, { headers, data: { name: "e2e-all", permissions: "all" } })),
  ).toEqual([403, "reauth_required"]);
  expect(
    await code(
      await page.request.patch(`${keysUrl}/${enabled[0]!.id}`, {
        headers,
        data: { permissions: "all", expected: { permissions: enabled[0]!.permissions } },
      }),
    ),
  ).toEqual([403, "reauth_required"]);
  expect(
    await code(
      await page.request.patch(`${keysUrl}/${enabled[0]!.id}`, {
        headers: { ...headers, "x-keydesk-bulk": "1" },
        data: { enabled: false, expected: { enabled: true } },
      }),
    ),
  ).toEqual([403, "reauth_required"]);
  expect(await code(await page.request.get("/api/inventory/export?format=csv"))).toEqual([
    403,
    "reauth_required",
  ]);
  expect(await code(await page.request.get("/api/audit/export?format=json"))).toEqual([
    403,
    "reauth_required",
  ]);
  const users = (
    (await (await page.request.get("/api/users")).json()) as { users: { id: string; email: string }[] }
  ).users;
  const me = users.find((u) => u.email === CONSOLE_ACCOUNTS.admin.email)!;
  expect(
    await code(await page.request.patch(`/api/users/${me.id}`, { headers, data: { role: "admin" } })),
  ).toEqual([403, "reauth_required"]);
  // Connections: handing Keydesk a new admin credential, removing one, and changing whose
  // connections a user may use (each refused before anything is checked, stored or sent upstream).
  expect(
    await code(
      await page.request.post("/api/connections", {
        headers,
        data: {
          name: "e2e step-up",
          provider: "docspace",
          baseUrl: "http://127.0.0.1:9",
          credential: "step-up-credential-0000",
        },
      }),
    ),
  ).toEqual([403, "reauth_required"]);
  expect(await code(await page.request.delete("/api/connections/no-such-connection", { headers }))).toEqual([
    403,
    "reauth_required",
  ]);
  expect(
    await code(
      await page.request.put(`/api/users/${me.id}/connections`, { headers, data: { connectionIds: [] } }),
    ),
  ).toEqual([403, "reauth_required"]);
  // Not dangerous: a restricted key is made without asking.
  expect(
    (
      await page.request.post(keysUrl, { headers, data: { name: "e2e-restricted", permissions: [] } })
    ).status(),
  ).toBe(201);

  // The bulk run: every PATCH of it needs a recent sign-in; the person is asked once.
  const asked = (await auditEntries(page, { action: "reauthenticated" })).filter(
    (e) => e.outcome === "ok",
  ).length;
  await page.goto(`/inventory?${new URLSearchParams({ sa: sa.id, status: "enabled" })}`);
  await expect(page.getByRole("checkbox", { name: /^Select (?!all keys matching)/ }).first()).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole("checkbox", { name: "Select all keys matching the filters" }).check();
  const n = enabled.length + 1; // with the restricted key just made
  await expect(page.getByText(new RegExp(`(^|\\D)${n} selected`)).first()).toBeVisible();
  await page.getByRole("button", { name: "Disable selected" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${n} keys?` });
  await dialog.getByRole("textbox", { name: "Reason" }).fill("E2E: step-up bulk");
  await dialog.getByRole("button", { name: `Disable ${n} keys`, exact: true }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await stepUp.getByLabel("Password").fill(CONSOLE_PASSWORD);
  await stepUp.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`${n} disabled.`, { timeout: 30_000 });

  expect(
    (await auditEntries(page, { action: "reauthenticated" })).filter((e) => e.outcome === "ok").length,
  ).toBe(asked + 1);
  const disabled = (await auditEntries(page, { action: "key_disabled" })).slice(0, n);
  expect(disabled).toHaveLength(n);
  for (const row of disabled) expect(row).toMatchObject({ outcome: "ok", details: { steppedUp: true } });
});
