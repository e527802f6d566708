// An expired one-time link, on PostgreSQL (the cluster instances' database, which this test can
// reach to move a link's expiry into the past; the console server's embedded database it cannot).
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { Client } from "pg";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";

const A = E2E.clusterUrl(0);

test("an expired link is refused with a clear message, and the refusal is audited", async ({ page }) => {
  const admin = await playwrightRequest.newContext({ baseURL: A, extraHTTPHeaders: { origin: A } });
  expect(
    (
      await admin.post("/api/auth/sign-in/email", {
        data: { email: CONSOLE_ACCOUNTS.admin.email, password: CONSOLE_PASSWORD },
      })
    ).status(),
  ).toBe(200);
  const email = `late-${Date.now()}@e2e.example`;
  const created = await admin.post("/api/users", { data: { email, name: "Late Comer", role: "reviewer" } });
  expect(created.status()).toBe(201);
  const { user, invite } = (await created.json()) as { user: { id: string }; invite: { url: string } };
  const token = invite.url.split("/").pop()!;

  const db = new Client({ connectionString: E2E.clusterDatabaseUrl! });
  await db.connect();
  try {
    await db.query("UPDATE user_invite SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [
      user.id,
    ]);
  } finally {
    await db.end();
  }

  await page.goto(invite.url);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "This link expired (links work for 24 hours). Ask an admin for a new one." }),
  ).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveCount(0);
  const used = await admin.post("/api/invites/accept", { data: { token, password: "Copper-Kettle-4412" } });
  expect(used.status()).toBe(409);
  expect(((await used.json()) as { error: { message: string } }).error.message).toContain("expired");

  const audit = (await (
    await admin.get(`/api/audit?action=user_invite_refused&target=${encodeURIComponent(email)}`)
  ).json()) as { entries: { errorCode: string }[] };
  expect(audit.entries.map((e) => e.errorCode)).toEqual(["expired"]);
  expect(JSON.stringify(audit)).not.toContain(token);
  await admin.dispose();
});
