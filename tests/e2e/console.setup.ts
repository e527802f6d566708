// Before the console tests: the support and reviewer users exist, and each role has a saved
// signed-in browser state.
import { test as setup, expect } from "@playwright/test";
import { ROLES } from "@/lib/auth/roles";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD, storageStatePath } from "./support/accounts";
import { signIn } from "./support/sign-in";

setup("sign in as each role", async ({ page, baseURL }) => {
  await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  await page.context().storageState({ path: storageStatePath("admin") });
  for (const role of ["support", "reviewer"] as const) {
    const res = await page.request.post("/api/users", {
      headers: { origin: baseURL! },
      data: { ...CONSOLE_ACCOUNTS[role], role, password: CONSOLE_PASSWORD },
    });
    // 409: made by an earlier run against the same data folder.
    expect([201, 409]).toContain(res.status());
  }
  for (const role of ROLES.filter((r) => r !== "admin")) {
    const context = await page.context().browser()!.newContext();
    const other = await context.newPage();
    await signIn(other, CONSOLE_ACCOUNTS[role].email, CONSOLE_PASSWORD);
    await context.storageState({ path: storageStatePath(role) });
    await context.close();
  }
});
