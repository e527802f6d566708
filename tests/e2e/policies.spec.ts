// Key policies: an admin turns rules on, the page lists the demo keys that break them with the
// reason, an enforced rule refuses a create through the API with a 422 naming the field (nothing
// sent to ElevenLabs), bad input names the rule's field and changes nothing, the change is on the
// audit log, and a reviewer reads the rules but cannot change them.
import type { APIRequestContext } from "@playwright/test";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

type Rule = { kind: string; mode: string; limit: number | null };
const rulesNow = async (api: APIRequestContext) =>
  ((await (await api.get("/api/policies")).json()) as { rules: Rule[] }).rules;

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });
  test.afterEach(async ({ request }) => {
    expect((await request.put("/api/policies", { data: { rules: [] } })).status()).toBe(200);
  });

  test("turns rules on, sees the keys that break them, and an enforced rule refuses a create unsent", async ({
    page,
    request,
  }) => {
    await page.goto("/policies");
    await expect(page.getByRole("heading", { level: 1, name: "Key policies" })).toBeVisible();
    await expect(page.getByText("No rule is on, so no key breaks one.")).toBeVisible();
    await expectNoAxeViolations(page, "the policies page");

    await page.getByRole("checkbox", { name: /No unrestricted keys/ }).check();
    await page
      .getByRole("group", { name: "When a key breaks it (No unrestricted keys)" })
      .getByRole("radio", { name: "Enforce" })
      .check();
    await page.getByRole("checkbox", { name: /^Monthly limit/ }).check();
    await page.getByLabel("At most (characters)").fill("1000");
    await page.getByRole("button", { name: "Save rules" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved: 2 rules on." })).toBeVisible();
    expect(await rulesNow(request)).toEqual([
      { kind: "no_unrestricted", mode: "enforce", limit: null },
      { kind: "max_monthly_limit", mode: "report", limit: 1000 },
    ]);

    // The demo workspace has keys with every permission and keys with no limit: each is listed with why.
    const table = page.getByRole("table", { name: "Keys that break a rule" });
    await expect(table).toBeVisible({ timeout: 30_000 });
    await expect(table.getByText("It has every permission.").first()).toBeVisible();
    await expect(table.getByText("It has no monthly limit.").first()).toBeVisible();
    await expect(table.getByRole("link").first()).toHaveAttribute("href", /\/keys\//);
    await expectNoAxeViolations(page, "the policies page with keys that break a rule");

    const { "service-accounts": accounts } = await emulator.admin<{
      "service-accounts": { service_account_user_id: string }[];
    }>("GET", "/v1/service-accounts");
    const saId = accounts[0]!.service_account_user_id;
    const before = (await emulator.requests()).length;
    const refused = await request.post(`/api/service-accounts/${saId}/keys`, {
      data: { name: "everything", permissions: "all" },
    });
    expect(refused.status()).toBe(422);
    const { error } = (await refused.json()) as { error: { fields: { path: string[]; message: string }[] } };
    expect(error.fields).toEqual([
      {
        path: ["permissions"],
        message:
          "Refused by the policy “No key may have every permission (ElevenLabs' all, DocSpace's * or *:write).” It has every permission.",
      },
    ]);
    const sent = (await emulator.requests()).slice(before).filter((r) => r.method !== "GET");
    expect(sent).toEqual([]);

    // The reported rule does not refuse: a restricted key with no limit is made.
    const made = await request.post(`/api/service-accounts/${saId}/keys`, {
      data: { name: "policy-e2e", permissions: ["voices_read"] },
    });
    expect(made.status()).toBe(201);

    const audit = await (await request.get("/api/audit?action=policies_changed")).json();
    expect(JSON.stringify(audit)).toContain("enforce: No key may have every permission");
  });

  test("the overview counts the keys that break a rule, All keys filters to them, and a key's page says why", async ({
    page,
    request,
  }) => {
    expect(
      (
        await request.put("/api/policies", {
          data: { rules: [{ kind: "no_unrestricted", mode: "report", limit: null }] },
        })
      ).status(),
    ).toBe(200);
    const { "service-accounts": accounts } = await emulator.admin<{
      "service-accounts": { "api-keys": { key_id: string; name: string; permissions: unknown }[] }[];
    }>("GET", "/v1/service-accounts");
    const keys = accounts.flatMap((a) => a["api-keys"]);
    const unrestricted = keys.filter((k) => k.permissions === null);
    const restricted = keys.find((k) => k.permissions !== null)!;
    expect(unrestricted.length).toBeGreaterThan(0);

    await page.goto("/");
    const tile = page.getByRole("link", { name: /^Keys breaking a rule/ });
    await expect(tile).toContainText(String(unrestricted.length), { timeout: 30_000 });
    await expect(page.getByRole("link", { name: /^No unrestricted keys/ })).toContainText(
      String(unrestricted.length),
    );
    await expectNoAxeViolations(page, "the overview with key policies");
    await tile.click();

    await expect(page).toHaveURL(/policy=any/);
    await expect(page.getByLabel("Key policy")).toHaveValue("any");
    const rows = page.getByRole("region", { name: /^Keys/ }).locator("tbody tr[data-key-id]");
    await expect(rows).toHaveCount(unrestricted.length, { timeout: 30_000 });
    for (const key of unrestricted)
      await expect(rows.filter({ hasText: key.name }).first()).toContainText("All permissions");
    // The rule that is off is marked so in the menu, and filtering by it shows no key.
    await expect(
      page.getByLabel("Key policy").locator("option", { hasText: "Monthly limit (off)" }),
    ).toHaveCount(1);
    await page.getByLabel("Key policy").selectOption("max_monthly_limit");
    await expect(page).toHaveURL(/policy=max_monthly_limit/);
    await expect(rows).toHaveCount(0);
    await page.getByLabel("Key policy").selectOption("any");
    await expect(page).toHaveURL(/policy=any/);
    await expect(rows).toHaveCount(unrestricted.length);

    // A key's page lists what it breaks, and why; a restricted key keeps the one rule.
    await rows.first().getByRole("link").first().click();
    const section = page.getByRole("region", { name: "Key policies" });
    await expect(section.getByRole("list", { name: "Rules this key breaks" })).toContainText(
      "It has every permission.",
    );
    await expectNoAxeViolations(page, "a key's page breaking a rule");
    await page.goto(`/inventory?q=${encodeURIComponent(restricted.key_id)}`);
    await rows.first().getByRole("link").first().click();
    await expect(page.getByRole("region", { name: "Key policies" })).toContainText(
      "This key keeps every rule that is on (1 rule).",
    );
  });

  test("bad input names the rule's field and changes nothing", async ({ page, request }) => {
    const put = (rules: unknown) => request.put("/api/policies", { data: { rules } });
    for (const [rules, field] of [
      [[{ kind: "max_monthly_limit", mode: "report", limit: 0 }], "rules.0.limit"],
      [[{ kind: "no_unused_days", mode: "enforce", limit: 30 }], "rules.0.mode"],
      [[{ kind: "no_unrestricted", mode: "report", limit: null, extra: "\u0000" }], "rules.0"],
      [[{ kind: "drop table", mode: "report", limit: null }], "rules.0.kind"],
    ] as const) {
      const res = await put(rules);
      expect(res.status(), JSON.stringify(rules)).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(field.split(".").at(-1)!);
    }
    expect(await rulesNow(request)).toEqual([]);

    // In the form: a limit out of range is named on its rule, and what was typed stays.
    await page.goto("/policies");
    await page.getByRole("checkbox", { name: /^Expiry/ }).check();
    await page.getByLabel("At most (days)").first().fill("99999");
    await page.getByRole("button", { name: "Save rules" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();
    await expect(page.getByText("Enter a whole number of days from 1 to 3,650.")).toBeVisible();
    await expect(page.getByLabel("At most (days)").first()).toHaveValue("99999");
    expect(await rulesNow(request)).toEqual([]);
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("reads the rules but cannot change them", async ({ page, request }) => {
    await page.goto("/policies");
    await expect(page.getByText("Only admins change the rules.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /No unrestricted keys/ })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save rules" })).toHaveCount(0);
    expect((await request.put("/api/policies", { data: { rules: [] } })).status()).toBe(403);
  });
});
