// Audit anchoring (issue 14) in the browser. The console server runs in real mode without an anchor
// key: the Audit log page says anchoring is off and what to set. The demo server anchors with its
// demo key: the job's run (asked for on the Jobs page) appends a signed line to the anchor file in
// its data folder, Verify checks the log against it, and a forged line appended to the file is
// refused and said so (the file is put back as it was afterwards). Real servers, real files.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { signIn } from "@/tests/support/sign-in";

test.setTimeout(240_000);

const DEMO_DATA = resolve(E2E.dataDir, "demo");
const ANCHOR_FILE = join(DEMO_DATA, "audit-anchors.jsonl");
const KEY_FILE = join(DEMO_DATA, "demo-audit-anchor-key.pem");

const anchorLines = () =>
  existsSync(ANCHOR_FILE) ? readFileSync(ANCHOR_FILE, "utf8").split("\n").filter(Boolean) : [];

test.describe("real mode without an anchor key", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("the Audit log page says anchoring is off and what to set; Verify checks the chain alone", async ({
    page,
  }) => {
    await page.goto("/audit");
    await expect(page.getByText("Anchoring is off")).toContainText("KEYDESK_AUDIT_ANCHOR_KEY");
    await page.getByRole("button", { name: "Verify the log's integrity" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Intact" })).toContainText(
      /all \d+ rows check out/,
    );
    const report = await (await page.request.get("/api/audit/verify")).json();
    expect(report).toMatchObject({ ok: true, anchor: { state: "off", problems: [] } });
    expect(await (await page.request.get("/api/audit/anchors")).json()).toEqual({
      mode: "off",
      everyMinutes: 0,
      lastAt: null,
    });
  });
});

test.describe("demo mode's anchoring key", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a run of the job anchors the log, Verify matches it, and a forged line is refused", async ({
    page,
  }) => {
    await signIn(page, "admin@demo.keydesk", "keydesk-demo", E2E.demoUrl);
    await page.goto(`${E2E.demoUrl}/jobs`);
    const before = anchorLines().length;
    await page.getByRole("button", { name: "Run audit-anchor now" }).click();
    await expect
      .poll(() => anchorLines().length, { timeout: 120_000, intervals: [1000] })
      .toBeGreaterThan(before);
    expect(statSync(KEY_FILE).mode & 0o777).toBe(0o600);
    // The file holds signatures and hashes, never the key.
    const keyBody = readFileSync(KEY_FILE, "utf8").split("\n").slice(1, -2).join("");
    expect(readFileSync(ANCHOR_FILE, "utf8")).not.toContain(keyBody);

    await page.goto(`${E2E.demoUrl}/audit`);
    await expect(page.getByText("demo anchoring key")).toBeVisible();
    await page.getByRole("button", { name: "Verify the log's integrity" }).click();
    const status = page.getByRole("status").filter({ hasText: "Intact" });
    await expect(status).toContainText(/Matches all \d+ signed anchors/, { timeout: 30_000 });

    const original = readFileSync(ANCHOR_FILE, "utf8");
    try {
      const last = JSON.parse(anchorLines().at(-1)!) as { rows: number };
      writeFileSync(ANCHOR_FILE, `${original}${JSON.stringify({ ...last, rows: last.rows + 5 })}\n`);
      const forgedLine = anchorLines().length;
      await page.getByRole("button", { name: "Verify the log's integrity" }).click();
      await expect(page.getByRole("status")).toContainText(
        `Anchor line ${forgedLine} refused: its signature does not match its content (forged or edited).`,
        { timeout: 30_000 },
      );
    } finally {
      writeFileSync(ANCHOR_FILE, original);
    }
  });
});
