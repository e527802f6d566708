// The shared pieces in components/ui, where they have behaviour of their own: the dialog (focus,
// Escape, the sheet on phones) and the key status switch's drawing.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "@/tests/support/emulator-fixture";

const ACCOUNT = "Production TTS backend";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function openAccount(page: Page) {
  await page.goto("/service-accounts");
  await page.getByRole("region", { name: ACCOUNT }).getByRole("link", { name: ACCOUNT }).click();
  await expect(row(page, "prod-tts-primary")).toBeVisible();
}

type Box = { x: number; y: number; width: number; height: number };
async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  expect(found, "the element is drawn").not.toBeNull();
  return found!;
}
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe("the key status switch", () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`its knob sits in its track, clear of its label, on and off (${viewport.width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await openAccount(page);
      for (const [name, state] of [
        ["prod-tts-primary", "Enabled"],
        ["prod-tts-legacy", "Disabled"],
      ] as const) {
        const toggle = row(page, name).getByRole("switch");
        await expect(toggle).toHaveAttribute("aria-checked", String(state === "Enabled"));
        await toggle.scrollIntoViewIfNeeded();
        const track = await box(toggle.locator("[data-part=track]"));
        const knob = await box(toggle.locator("[data-part=knob]"));
        const label = await box(toggle.locator("[data-part=label]"));
        await expect(toggle.locator("[data-part=label]")).toHaveText(state);
        expect(
          inside(knob, track),
          `${name}: knob ${JSON.stringify(knob)} in track ${JSON.stringify(track)}`,
        ).toBe(true);
        expect(overlap(knob, label), `${name}: knob clear of the label`).toBe(false);
        expect(overlap(track, label), `${name}: track clear of the label`).toBe(false);
        // On, the knob is at the track's right end; off, at its left end.
        const knobCentre = knob.x + knob.width / 2;
        const trackCentre = track.x + track.width / 2;
        if (state === "Enabled") expect(knobCentre).toBeGreaterThan(trackCentre);
        else expect(knobCentre).toBeLessThan(trackCentre);
      }
    });
  }
});

test.describe("the dialog", () => {
  test("takes focus, keeps it, closes on Escape and gives focus back to its opener", async ({ page }) => {
    await page.goto("/service-accounts");
    const opener = page.getByRole("button", { name: "Create service account" });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Create a service account" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
    // Tab as far as the dialog has controls, and further: focus never leaves it.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    // The page behind it is out of reach: hidden from assistive technology.
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  });

  test("a click on the backdrop does not throw away what was typed", async ({ page }) => {
    await page.goto("/service-accounts");
    await page.getByRole("button", { name: "Create service account" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a service account" });
    await dialog.getByRole("textbox", { name: "Name" }).fill("half-typed");
    await page.mouse.click(5, 5);
    await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue("half-typed");
  });

  test("is a full-screen sheet on a phone and a centred box on a larger screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/service-accounts");
    await page.getByRole("button", { name: "Create service account" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a service account" });
    const phone = await box(dialog);
    expect(phone).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("button", { name: "Create service account" }).click();
    const desktop = await box(dialog);
    expect(desktop.width).toBeLessThanOrEqual(448);
    expect(Math.abs(desktop.x + desktop.width / 2 - 640)).toBeLessThan(2);
    expect(Math.abs(desktop.y + desktop.height / 2 - 360)).toBeLessThan(2);
  });
});
