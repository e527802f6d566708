// Two-factor sign-in with TOTP: enrol on the account page (the test plays the authenticator app
// from the otpauth URI shown there), then sign in with the password and a code; a wrong code is
// refused; a recovery code works once. All of it on the audit log, with no secret or code in it.
import { expect, test } from "@playwright/test";
import { totp } from "@/tests/support/totp";
import {
  addUser,
  adminPage,
  auditEntries,
  enrol,
  passwordStep,
  signOut,
  wrongCode,
} from "@/tests/support/mfa-users";
import { CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { signIn } from "@/tests/support/sign-in";

test("enrols, then signs in with password and code; a wrong code is refused; a recovery code works once", async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = await adminPage(browser);
  const email = await addUser(admin, "reviewer", "totp");

  await signIn(page, email, CONSOLE_PASSWORD);
  const { secret, recoveryCodes } = await enrol(page);
  await signOut(page);

  // Password, then a wrong code (refused, asked again), then the right one.
  await passwordStep(page, email);
  const code = page.getByLabel("Authentication code");
  await code.fill(wrongCode(secret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await code.fill(totp(secret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await signOut(page);

  // A recovery code instead of a code: once.
  await passwordStep(page, email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await signOut(page);
  await passwordStep(page, email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That recovery code is not right, or was already used.")).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toHaveCount(0);

  // The audit log: enrolment, the refused code, the two-factor sign-ins; never the secret or a code.
  const enrolled = await auditEntries(admin, { action: "two_factor_enabled", actor: email });
  expect(enrolled.map((e) => e.outcome)).toContain("ok");
  const signIns = await auditEntries(admin, { action: "sign_in", actor: email });
  expect(signIns.some((e) => e.outcome === "error" && e.errorCode === "invalid_totp_code")).toBe(true);
  expect(signIns.some((e) => e.outcome === "error" && e.errorCode === "invalid_recovery_code")).toBe(true);
  expect(signIns.filter((e) => e.outcome === "ok" && e.details?.secondFactor === "totp")).toHaveLength(1);
  expect(
    signIns.filter((e) => e.outcome === "ok" && e.details?.secondFactor === "recovery_code"),
  ).toHaveLength(1);
  const everything = JSON.stringify(await auditEntries(admin, { actor: email }));
  expect(everything).not.toContain(secret);
  for (const c of recoveryCodes) expect(everything).not.toContain(c);
  await admin.context().close();
});

test("replaces the recovery codes on the account page: the new ones shown once, the old ones dead", async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = await adminPage(browser);
  const email = await addUser(admin, "reviewer", "codes");
  await signIn(page, email, CONSOLE_PASSWORD);
  const { secret, recoveryCodes } = await enrol(page);

  await page.goto("/account");
  await expect(page.getByText("10 unused recovery codes left.")).toBeVisible();
  await page.getByRole("button", { name: "Replace recovery codes" }).click();
  const form = page.getByRole("form", { name: "Replace recovery codes" });
  // A wrong code first: refused on its field, nothing replaced.
  await form.getByLabel("Password").fill(CONSOLE_PASSWORD);
  await form.getByLabel("Authentication code").fill(wrongCode(secret));
  await form.getByRole("button", { name: "Make new codes" }).click();
  await expect(form.getByText("That code is not right")).toBeVisible();
  // One of the old recovery codes proves it is them.
  await form.getByLabel("Authentication code").fill(recoveryCodes[0]!);
  await form.getByRole("button", { name: "Make new codes" }).click();
  await expect(page.getByText("New recovery codes made: the old ones no longer work.")).toBeVisible();
  const shown = (
    await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents()
  ).map((c) => c.trim());
  expect(shown).toHaveLength(10);
  expect(shown.some((c) => recoveryCodes.includes(c))).toBe(false);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("10 unused recovery codes left.")).toBeVisible();

  // An old code no longer signs in; a new one does.
  await signOut(page);
  await passwordStep(page, email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[1]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That recovery code is not right, or was already used.")).toBeVisible();
  await page.getByLabel("Recovery code").fill(shown[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  const replaced = await auditEntries(admin, { action: "recovery_codes_replaced", actor: email });
  expect(replaced.map((e) => [e.outcome, e.errorCode])).toEqual(
    expect.arrayContaining([
      ["error", "invalid_code"],
      ["ok", null],
    ]),
  );
  const everything = JSON.stringify(await auditEntries(admin, { actor: email }));
  for (const c of [...recoveryCodes, ...shown]) expect(everything).not.toContain(c);
  await admin.context().close();
});
