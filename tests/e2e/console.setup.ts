// Before the console tests: the support and reviewer users exist, and each role has a saved
// signed-in browser state. Users are added the way an admin does it (the users API answers with a
// one-time link), and set their own password through that link, as the person would.
import { test as setup, expect, type APIRequestContext } from "@playwright/test";
import { ROLES } from "@/lib/roles";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD, storageStatePath } from "@/tests/support/e2e-accounts";
import { signIn } from "@/tests/support/sign-in";

/** A one-time link for the user: adding them, or (made by an earlier run on the same data) a reset. */
async function linkFor(
  request: APIRequestContext,
  origin: string,
  account: { email: string; name: string },
  role: string,
): Promise<string> {
  const res = await request.post("/api/users", { headers: { origin }, data: { ...account, role } });
  if (res.status() === 201) return ((await res.json()) as { invite: { url: string } }).invite.url;
  expect(res.status()).toBe(409);
  const { users } = (await (await request.get("/api/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const id = users.find((u) => u.email === account.email)!.id;
  const reset = await request.post(`/api/users/${id}/password-link`, { headers: { origin } });
  expect(reset.status()).toBe(200);
  return ((await reset.json()) as { invite: { url: string } }).invite.url;
}

setup("sign in as each role", async ({ page, baseURL }) => {
  await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  await page.context().storageState({ path: storageStatePath("admin") });
  for (const role of ["support", "reviewer"] as const) {
    const url = await linkFor(page.request, baseURL!, CONSOLE_ACCOUNTS[role], role);
    const token = new URL(url).pathname.split("/").pop()!;
    const accepted = await page.request.post("/api/invites/accept", {
      headers: { origin: baseURL! },
      data: { token, password: CONSOLE_PASSWORD },
    });
    expect(accepted.status()).toBe(200);
  }
  for (const role of ROLES.filter((r) => r !== "admin")) {
    const context = await page.context().browser()!.newContext();
    const other = await context.newPage();
    await signIn(other, CONSOLE_ACCOUNTS[role].email, CONSOLE_PASSWORD);
    await context.storageState({ path: storageStatePath(role) });
    await context.close();
  }
});
