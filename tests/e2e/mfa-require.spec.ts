// KEYDESK_REQUIRE_2FA=support on this server: a support user who has not enrolled is sent to
// enrolment by every page, and every API answer other than enrolment is a 403 enrolment_required,
// until they enrol. After that, Keydesk is theirs; turning it off is not offered.
import { expect, test } from "@playwright/test";
import { addUser, adminPage, enrol } from "@/tests/support/mfa-users";
import { CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { signIn } from "@/tests/support/sign-in";

test("a support user who has not enrolled is sent to enrolment until they do", async ({ browser, page }) => {
  test.setTimeout(90_000);
  const admin = await adminPage(browser);
  const email = await addUser(admin, "support", "must-enrol");
  await admin.context().close();

  await signIn(page, email, CONSOLE_PASSWORD);
  await expect(page).toHaveURL(/\/account\?enrol=required/);
  await expect(
    page.getByRole("alert").filter({ hasText: "Your role must use two-factor sign-in" }),
  ).toBeVisible();
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/account\?enrol=required/);
  const refused = await page.request.get("/api/service-accounts");
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("enrolment_required");

  await enrol(page);
  await expect(
    page.getByText("Your role must use two-factor sign-in, so it cannot be turned off."),
  ).toBeVisible();
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/inventory/);
  expect((await page.request.get("/api/service-accounts")).status()).toBe(200);
});
