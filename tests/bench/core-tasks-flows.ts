// The three core tasks as a person does them in each UI: "before" is the build of commit 07ecdf7
// (a create dialog in four steps, "/" opening Find a key), "current" is this checkout (the create
// form on one screen, "/" opening the command palette). Each flow starts with the first page load
// (the overview, where sign-in lands) and returns once the answer is on screen. Navigation is by
// the header's links unless the UI offers a shorter way a person would use (before: "/" for Find
// a key). Only Person's methods count; waits and reads are free.
import type { Locator, Page } from "@playwright/test";
import type { Person } from "./core-tasks-person";

export type Ui = "before" | "current";

export interface NewKeyInput {
  account: string;
  name: string;
  limit: string;
  allowlistEntry: string;
}

export interface Flows {
  /** (a) admin: a key with Text to Speech, Speech to Text and Read Voices, a limit and an allowlist. */
  createKey(person: Person, key: NewKeyInput): Promise<void>;
  /** (b) support: the leaked secret is on the clipboard; paste it on Find a key, disable its key. */
  disableLeaked(person: Person, keyName: string): Promise<void>;
  /** (c) reviewer: which keys can write voices? The key ids the permission matrix lists. */
  voicesWriters(person: Person): Promise<string[]>;
}

const LONG = { timeout: 60_000 };
const THREE_PERMISSIONS = [
  { role: "checkbox", name: "Text to Speech" },
  { role: "checkbox", name: "Speech to Text" },
  { role: "radio", name: "Read Voices" },
] as const;

const SEARCH_BOX = "Secret, last four characters, name or key id";

const navLink = (page: Page, label: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true });

/**
 * A click on a control that does something only once the page's script runs (a dialog's button):
 * clicked again, uncounted, until what it opens appears, so a click that landed before hydration
 * (an artefact of a harness faster than a person) does not stall the run.
 */
async function clickUntil(person: Person, target: Locator, appears: Locator) {
  await person.click(target);
  for (let i = 0; i < 20; i++) {
    if (
      await appears.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    await target.click();
  }
  await appears.waitFor(LONG);
}

async function openAccount(person: Person, account: string) {
  const { page } = person;
  await page.goto("/");
  await person.click(navLink(page, "Service accounts"));
  await person.click(page.getByRole("region", { name: account }).getByRole("link", { name: account }));
  await page.getByRole("heading", { level: 1, name: account }).waitFor(LONG);
}

/** Waits (free) until the field has focus: the page gives it, so the person need not click. */
async function focused(field: Locator) {
  await field.waitFor(LONG);
  for (let i = 0; i < 600; i++) {
    if (await field.evaluate((el) => el === document.activeElement)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the field never took focus");
}

/** The name field has focus with a suggested name: select it all and type over it. */
async function typeName(person: Person, dialog: Locator, name: string) {
  await focused(dialog.getByRole("textbox", { name: "Name" }));
  await person.press("ControlOrMeta+a");
  await person.type(name);
}

async function chooseThreePermissions(person: Person, dialog: Locator) {
  for (const p of THREE_PERMISSIONS)
    await person.click(dialog.getByRole(p.role, { name: p.name, exact: true }));
}

async function limitAndAllowlist(person: Person, dialog: Locator, key: NewKeyInput) {
  await person.fill(dialog.getByRole("textbox", { name: "Monthly character limit" }), key.limit);
  await person.fill(dialog.getByRole("textbox", { name: "Allowlist entry 1" }), key.allowlistEntry);
}

/** The secret shown once: copy it, close, and the new key's row is on the account's page. */
async function copyAndFinish(person: Person, dialog: Locator, name: string) {
  await dialog.getByRole("textbox", { name: `Secret of ${name}` }).waitFor(LONG);
  await person.click(dialog.getByRole("button", { name: "Copy secret" }));
  await person.click(dialog.getByRole("button", { name: "Done" }));
  await dialog.waitFor({ state: "detached", ...LONG });
  await person.page.getByRole("rowheader", { name, exact: true }).waitFor(LONG);
}

/** After the paste: the key's row, Disable now, the reason as offered ("leaked publicly"), confirm. */
async function disableFromResults(person: Person, keyName: string) {
  const { page } = person;
  const candidate = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: keyName, exact: true }) });
  await person.click(candidate.getByRole("button", { name: "Disable now" }));
  const dialog = page.getByRole("dialog", { name: `Disable ${keyName}?` });
  await dialog.getByRole("textbox", { name: "Reason" }).waitFor(LONG);
  await person.click(dialog.getByRole("button", { name: "Confirm and disable" }));
  await page
    .locator("tr")
    .filter({ hasText: keyName })
    .filter({ hasText: /Disabled at \d{2}:\d{2}:\d{2} by you/ })
    .first()
    .waitFor(LONG);
}

/** The key ids in the permission matrix, scrolling its region (it is virtualised). */
async function matrixKeyIds(page: Page): Promise<string[]> {
  const region = page.getByRole("region", { name: /^Permission matrix/ }).first();
  await region.locator("tr[data-key-id]").first().waitFor(LONG);
  const ids = new Set<string>();
  for (;;) {
    const before = ids.size;
    for (const id of await region
      .locator("tr[data-key-id]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key-id")!)))
      ids.add(id);
    const atEnd = await region.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight;
      return end;
    });
    if (atEnd && ids.size === before) return [...ids];
    await page.waitForTimeout(50);
  }
}

async function voicesWritersBothUis(person: Person): Promise<string[]> {
  const { page } = person;
  await page.goto("/");
  await person.click(navLink(page, "All keys"));
  const filter = page.getByRole("combobox", { name: "Has permission" });
  await filter.waitFor(LONG);
  await person.choose(filter, "Voices (write)");
  const matrixButton = page.getByRole("button", { name: "Permission matrix" });
  await clickUntil(person, matrixButton, page.getByRole("region", { name: /^Permission matrix/ }).first());
  await page.waitForURL(/perm=voices_write/, LONG);
  return matrixKeyIds(page);
}

const current: Flows = {
  async createKey(person, key) {
    const { page } = person;
    await openAccount(person, key.account);
    const dialog = page.getByRole("dialog", { name: `Create a key for ${key.account}` });
    await clickUntil(person, page.getByRole("button", { name: "Create key" }), dialog);
    await typeName(person, dialog, key.name);
    await chooseThreePermissions(person, dialog);
    await limitAndAllowlist(person, dialog, key);
    await person.click(
      dialog
        .getByRole("region", { name: "What will be created" })
        .getByRole("button", { name: "Create key" }),
    );
    await copyAndFinish(person, dialog, key.name);
  },

  async disableLeaked(person, keyName) {
    const { page } = person;
    await page.goto("/");
    await person.click(navLink(page, "Find a key"));
    await page.getByRole("heading", { level: 1, name: "Find a key" }).waitFor(LONG);
    await focused(page.getByRole("textbox", { name: SEARCH_BOX }));
    await person.press("ControlOrMeta+v");
    await disableFromResults(person, keyName);
  },

  voicesWriters: voicesWritersBothUis,
};

const before: Flows = {
  async createKey(person, key) {
    const { page } = person;
    await openAccount(person, key.account);
    const dialog = page.getByRole("dialog", { name: `Create a key for ${key.account}` });
    await clickUntil(person, page.getByRole("button", { name: "Create key" }), dialog);
    const next = dialog.getByRole("button", { name: "Next", exact: true });
    // 1. Name
    await typeName(person, dialog, key.name);
    await person.click(next);
    // 2. Access (restricted by default)
    await dialog.getByRole("heading", { name: "Step 2 of 4: Access" }).waitFor(LONG);
    await chooseThreePermissions(person, dialog);
    await person.click(next);
    // 3. Limits
    await dialog.getByRole("heading", { name: "Step 3 of 4: Limits" }).waitFor(LONG);
    await limitAndAllowlist(person, dialog, key);
    await person.click(next);
    // 4. Review
    await dialog.getByRole("heading", { name: "Step 4 of 4: Review" }).waitFor(LONG);
    await person.click(dialog.getByRole("button", { name: "Create key", exact: true }));
    await copyAndFinish(person, dialog, key.name);
  },

  async disableLeaked(person, keyName) {
    const { page } = person;
    await page.goto("/");
    // "/" opens Find a key once the header's script runs; pressed again (uncounted) until it has.
    await person.press("/");
    for (let i = 0; i < 40 && !new URL(page.url()).pathname.endsWith("/find"); i++) {
      await page.waitForTimeout(500);
      if (!new URL(page.url()).pathname.endsWith("/find")) await page.keyboard.press("/");
    }
    await page.getByRole("heading", { level: 1, name: "Find a key" }).waitFor(LONG);
    await focused(page.getByRole("textbox", { name: SEARCH_BOX }));
    await person.press("ControlOrMeta+v");
    await disableFromResults(person, keyName);
  },

  voicesWriters: voicesWritersBothUis,
};

export const FLOWS: Record<Ui, Flows> = { before, current };
