// The security review, against the controlled emulator (reset to the demo workspace before each
// test): every key at once, filtered by risk in the URL, the permission matrix, an export checked
// against the emulator's own state, changes made outside Keydesk, and the overview's links.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { AuditEntry } from "@/lib/audit/types";
import { RISK_FLAG_INFO } from "@/lib/inventory/risk";
import { parseCsv } from "@/tests/support/csv";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

interface WireKey {
  key_id: string;
  name: string;
  service_account_user_id: string;
  /** null: every permission (how the wire says "all"). */
  permissions: string[] | null;
  allowed_ips: string[] | null;
  character_limit: number | null;
  is_disabled: boolean;
}
interface WireAccount {
  service_account_user_id: string;
  name: string;
  "api-keys": WireKey[];
}

const workspace = async () =>
  (await emulator.admin<{ "service-accounts": WireAccount[] }>("GET", "/v1/service-accounts"))[
    "service-accounts"
  ];
const allKeys = async () => (await workspace()).flatMap((a) => a["api-keys"]);
const bodyRows = (page: Page) => page.getByRole("region", { name: /^Keys/ }).locator("tbody tr[data-key-id]");
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test.describe("as a security reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("filters to unrestricted keys without an allowlist, opens the matrix, and exports exactly those keys", async ({
    page,
  }) => {
    const expected = (await allKeys()).filter((k) => k.permissions === null && k.allowed_ips === null);
    expect(expected.length).toBeGreaterThan(0);

    await page.goto("/inventory");
    await expect(bodyRows(page)).toHaveCount((await allKeys()).length);
    await page.getByRole("checkbox", { name: "Unrestricted" }).click();
    await expect(page.getByRole("checkbox", { name: "Unrestricted" })).toBeChecked();
    await page.getByRole("checkbox", { name: "No IP allowlist" }).click();
    await expect(page).toHaveURL(/risk=unrestricted&risk=no_allowlist/);
    await expect(bodyRows(page)).toHaveCount(expected.length);
    for (const key of expected) await expect(row(page, key.name)).toContainText("All permissions");
    await expect(page.getByText(`Showing ${expected.length} of`)).toBeVisible();

    // The URL alone reproduces the view.
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Unrestricted" })).toBeChecked();
    await expect(bodyRows(page)).toHaveCount(expected.length);

    // Nothing that changes a key is offered, and the API refuses a change.
    await expect(page.getByRole("checkbox", { name: /^Select/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Disable|Enable/ })).toHaveCount(0);
    const target = expected[0]!;
    const refused = await page.request.patch(
      `/api/service-accounts/${target.service_account_user_id}/keys/${target.key_id}`,
      {
        data: { enabled: false, reason: "reviewer trying", expected: { enabled: true } },
        headers: { origin: new URL(page.url()).origin },
      },
    );
    expect(refused.status()).toBe(403);

    // The matrix: every area of an unrestricted key reads "All".
    await page.getByRole("button", { name: "Permission matrix" }).click();
    await expect(page).toHaveURL(/view=matrix/);
    const matrixRow = page
      .getByRole("region", { name: /^Permission matrix/ })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: target.name, exact: true }) });
    await expect(matrixRow.getByRole("cell", { name: "All", exact: true })).toHaveCount(8);
    await expectNoAxeViolations(page, "the permission matrix");

    // The export holds exactly the filtered keys, as the emulator has them, and no secret.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = readFileSync(await (await download).path(), "utf8");
    expect(csv).not.toMatch(/sk_[0-9a-f]{48}/);
    const [header, ...records] = parseCsv(csv).filter((r) => r.length > 1);
    const col = (name: string) => header!.indexOf(name);
    expect(col("key_id")).toBeGreaterThanOrEqual(0);
    expect(records.map((r) => r[col("key_id")]).sort()).toEqual(expected.map((k) => k.key_id).sort());
    for (const r of records) {
      const key = expected.find((k) => k.key_id === r[col("key_id")])!;
      expect(r[col("name")]).toBe(key.name);
      expect(r[col("permissions")]).toBe("all");
      expect(r[col("allowlist")]).toBe("");
      expect(r[col("risk_flags")]).toContain("unrestricted");
    }
    expect(header!.join(",")).not.toMatch(/hash/i);

    const audit = await page.request.get("/api/audit?action=inventory_exported");
    const exported = ((await audit.json()) as { entries: AuditEntry[] }).entries;
    expect(exported[0]?.actor.role).toBe("reviewer");
  });

  test("a bad filter in the address is named, and the rest still apply", async ({ page }) => {
    await page.goto("/inventory?status=disabled&risk=not-a-flag");
    await expect(page.getByRole("alert").filter({ hasText: "not understood" })).toContainText(
      'risk: Unknown risk flag "not-a-flag"',
    );
    const disabled = (await allKeys()).filter((k) => k.is_disabled);
    await expect(bodyRows(page)).toHaveCount(disabled.length);
  });

  test("the overview counts each risk and links to those keys", async ({ page }) => {
    const keys = await allKeys();
    const noLimit = keys.filter((k) => k.character_limit === null).length;
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const link = page.getByRole("link", { name: new RegExp(`^No monthly limit\\s*${noLimit} keys?$`) });
    await expect(link).toBeVisible();
    await expect(page.getByText(/^As of \d\d:\d\d:\d\d/).locator("time")).toHaveAttribute(
      "datetime",
      /^\d{4}-\d\d-\d\dT/,
    );
    await expectNoAxeViolations(page, "the overview");
    // The tile's longer explanation opens on keyboard focus too, not only on hover.
    await link.focus();
    await expect(page.getByRole("tooltip")).toHaveText(RISK_FLAG_INFO.no_limit.explanation);
    await link.click();
    await expect(page).toHaveURL(/\/inventory\?connection=env-elevenlabs&risk=no_limit$/);
    await expect(bodyRows(page)).toHaveCount(noLimit);
    await expectNoAxeViolations(page, "the inventory, filtered");
  });
});

test("a change made straight at ElevenLabs becomes an observed change on the audit log", async ({ page }) => {
  // Keydesk reads the workspace as it is now, then someone changes a key in ElevenLabs' own settings.
  await page.goto("/inventory");
  const [key] = await allKeys();
  await expect(row(page, key!.name)).toBeVisible();
  // (Resetting the emulator between tests is itself a change Keydesk may have noticed: count from here.)
  const observed = async () =>
    (
      (await (
        await page.request.get(`/api/audit?action=key_observed_change&target=${key!.key_id}`)
      ).json()) as { entries: AuditEntry[] }
    ).entries;
  const before = (await observed()).length;
  await emulator.admin(
    "PATCH",
    `/v1/service-accounts/${key!.service_account_user_id}/api-keys/${key!.key_id}`,
    { character_limit: 4242 },
  );

  // The page says when the keys were read, as an exact <time>; Refresh reads them again, now.
  const asOf = page.getByText(/^As of \d\d:\d\d:\d\d \(updated (just now|\d+ s ago)\)$/);
  await expect(asOf).toBeVisible();
  const readAt = async () => Date.parse((await asOf.locator("time").getAttribute("datetime"))!);
  const firstRead = await readAt();
  expect(firstRead).toBeGreaterThan(Date.now() - 60_000);
  const refreshed = page.waitForResponse((r) => r.url().endsWith("/api/inventory?fresh=1"));
  await page.getByRole("button", { name: "Refresh" }).click();
  expect((await refreshed).status()).toBe(200);
  await expect(row(page, key!.name).getByRole("meter", { name: "Monthly usage" })).toHaveAttribute(
    "aria-valuetext",
    /of 4,242 characters/,
  );
  expect(await readAt()).toBeGreaterThan(firstRead);
  const entries = await observed();
  expect(entries).toHaveLength(before + 1);
  expect(entries[0]!.changes?.characterLimit).toEqual({ before: key!.character_limit, after: 4242 });
  expect(entries[0]!.actor.userId).toBeNull();

  await page.goto(`/audit?action=key_observed_change&target=${key!.key_id}`);
  await expect(page.getByRole("table")).toContainText("Character limit:");
  await expect(page.getByRole("table")).toContainText("4,242 characters a month");
});
