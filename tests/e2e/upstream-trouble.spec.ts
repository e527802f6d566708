// Real mode against the controlled emulator: what a person sees when ElevenLabs misbehaves, and
// that Keydesk always shows the upstream's current state.
import type { Page } from "@playwright/test";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

// Next.js keeps an empty route announcer with role "alert" on every page; ours has text.
const loadError = (page: Page) => page.getByRole("alert").filter({ hasText: "could not load" });

test("an outage is explained, with the upstream request id, and a retry recovers", async ({ page }) => {
  await emulator.inject("GET", "/v1/service-accounts", { kind: "status", status: 503 }, 3);
  await page.goto("/service-accounts");
  const alert = loadError(page);
  await expect(alert).toContainText("Keydesk could not load the service accounts.");
  await expect(alert).toContainText("ElevenLabs is unavailable right now (HTTP 503)");
  const lastTry = (await emulator.requests()).filter((r) => r.path === "/v1/service-accounts").at(-1)!;
  expect(lastTry.status).toBe(503);
  await expect(alert).toContainText(`Upstream request id: ${lastTry.requestId}`);

  await alert.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("region", { name: "Production TTS backend" })).toBeVisible();
});

test("a slow upstream that never answers becomes a clear timeout", async ({ page }) => {
  await emulator.inject("GET", "/v1/service-accounts", { kind: "hang" });
  await page.goto("/service-accounts");
  await expect(loadError(page)).toContainText("ElevenLabs did not answer in time.");
});

test("an empty workspace says so", async ({ page }) => {
  await emulator.reset("empty");
  await page.goto("/service-accounts");
  await expect(page.getByText("This workspace has no service accounts yet.")).toBeVisible();
});

test("a change made straight at ElevenLabs shows on the next load", async ({ page }) => {
  const { "service-account-user-id": saId } = await emulator.admin<{ "service-account-user-id": string }>(
    "POST",
    "/v1/service-accounts",
    {
      name: "Made outside Keydesk",
    },
  );
  await emulator.admin("POST", `/v1/service-accounts/${saId}/api-keys`, {
    name: "outside-key",
    permissions: ["speech_to_text"],
    character_limit: 1000,
  });
  await page.goto("/service-accounts");
  const section = page.getByRole("region", { name: "Made outside Keydesk" });
  await expect(section.getByRole("rowheader", { name: "outside-key" })).toBeVisible();
  await expect(section).toContainText("1 of 51");
  await expect(page.getByRole("region", { name: "Demo mode" })).toHaveCount(0);
});
