// Sessions: a person signed in from two browsers sees both on their account page and ends the
// other one (that browser is signed out), then ends their own (with a warning). An admin ends all of
// a user's sessions from the Users page. Each is on the audit log.
import { expect, test } from "@playwright/test";
import { addUser, adminPage, auditEntries } from "@/tests/support/mfa-users";
import { CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { signIn } from "@/tests/support/sign-in";

test("ends another browser's session from the account page, then its own", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await adminPage(browser);
  const email = await addUser(admin, "reviewer", "sessions");
  const [one, two] = await Promise.all([browser.newContext(), browser.newContext()]);
  const a = await one.newPage();
  const b = await two.newPage();
  await signIn(a, email, CONSOLE_PASSWORD);
  await signIn(b, email, CONSOLE_PASSWORD);

  await a.goto("/account");
  const rows = a
    .getByRole("table", { name: "Your active sessions" })
    .getByRole("row")
    .filter({ has: a.getByRole("rowheader") });
  await expect(rows).toHaveCount(2);
  const other = rows.filter({ hasNotText: "This browser" });
  await expect(other).toHaveCount(1);
  await expect(other).toContainText("Headless Chrome on Linux");
  await other.getByRole("button", { name: /^End session/ }).click();
  await expect(a.getByRole("status")).toContainText("That browser is signed out");
  await expect(rows).toHaveCount(1);

  await b.reload();
  await expect(b).toHaveURL(/\/sign-in/);
  expect((await b.request.get("/api/account/sessions")).status()).toBe(401);
  await a.reload();
  await expect(a).toHaveURL(/\/account/);

  // Its own, with a warning first.
  await rows.getByRole("button", { name: /^End this session/ }).click();
  const warning = a.getByRole("dialog", { name: "End this session?" });
  await expect(warning).toContainText("signs you out here");
  await warning.getByRole("button", { name: "End and sign out" }).click();
  await expect(a).toHaveURL(/\/sign-in/);

  const ended = await auditEntries(admin, { action: "session_ended", actor: email });
  expect(ended).toHaveLength(2);
  expect(ended.map((e) => e.details?.current).sort()).toEqual([false, true]);
  await Promise.all([one.close(), two.close(), admin.context().close()]);
});

test("an admin ends all of a user's sessions from the Users page", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await adminPage(browser);
  const email = await addUser(admin, "reviewer", "ended-by-admin");
  const context = await browser.newContext();
  const user = await context.newPage();
  await signIn(user, email, CONSOLE_PASSWORD);

  await admin.goto("/users");
  await admin
    .getByRole("row")
    .filter({ has: admin.getByRole("rowheader", { name: email }) })
    .getByRole("button", { name: `End sessions of ${email}` })
    .click();
  await expect(admin.getByText(`Ended 1 session of ${email}.`)).toBeVisible();

  await user.reload();
  await expect(user).toHaveURL(/\/sign-in/);
  const [row] = await auditEntries(admin, { action: "user_sessions_ended" });
  expect(row).toMatchObject({ outcome: "ok", target: { name: email }, details: { sessions: 1 } });
  await Promise.all([context.close(), admin.context().close()]);
});
