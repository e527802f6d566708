// Demo mode's sign-in page: the three demo accounts are shown, and each signs in with its role.
import { expect, test } from "@playwright/test";
import { signIn } from "@/tests/support/sign-in";

test("the console sends a signed-out visitor to the sign-in page, which lists the demo accounts", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  const demo = page.getByRole("region", { name: "Demo accounts" });
  for (const email of ["admin@demo.keydesk", "support@demo.keydesk", "reviewer@demo.keydesk"]) {
    await expect(demo).toContainText(email);
  }
  await expect(demo).toContainText("keydesk-demo");
});

for (const [role, label] of [
  ["admin", "Workspace admin"],
  ["support", "Support"],
  ["reviewer", "Security reviewer"],
] as const) {
  test(`${role} signs in, sees the console with their role, and signs out`, async ({ page }) => {
    await signIn(page, `${role}@demo.keydesk`, "keydesk-demo");
    await expect(page.getByRole("banner")).toContainText(label);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(role === "admin" ? 1 : 0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
}

test("a wrong password is refused with a clear message and nothing else", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@demo.keydesk");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("admin@demo.keydesk");
});

test("the demo account buttons fill the form", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Use reviewer@demo.keydesk" }).click();
  await expect(page.getByLabel("Email")).toHaveValue("reviewer@demo.keydesk");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as reviewer@demo.keydesk")).toBeVisible();
});
