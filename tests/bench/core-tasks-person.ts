// The person at the keyboard in the core-tasks benchmark: every click and key press a flow makes
// goes through here, so the counts printed are the task's, not Playwright's. Waiting and reading
// (a person's eyes) are free; scrolling is free too (Playwright scrolls into view before a click).
import type { Locator, Page } from "@playwright/test";

export class Person {
  clicks = 0;
  keys = 0;

  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    this.clicks += 1;
    await target.click();
  }

  /** One key or chord ("Enter", "ControlOrMeta+v") is one key press. */
  async press(key: string): Promise<void> {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }

  /** Typing into whatever has focus: one key press per character. */
  async type(text: string): Promise<void> {
    this.keys += text.length;
    await this.page.keyboard.type(text);
  }

  /** Click a field, then type into it. */
  async fill(field: Locator, text: string): Promise<void> {
    await this.click(field);
    await this.type(text);
  }

  /** A native <select> by mouse: one click opens it, one click picks the option. */
  async choose(select: Locator, label: string): Promise<void> {
    this.clicks += 2;
    await select.selectOption({ label });
  }
}
