// The console's two shortcuts: "/" (the key search's box on its own page, the command palette
// elsewhere) and Ctrl/Cmd-K (the command palette anywhere): which key presses count, and where
// typing must win (a field, a text area, a select, anything editable). Pure, so the rules are
// tested without a browser.
export const FIND_PATH = "/find";
export const FIND_SHORTCUT = "/";
/** For aria-keyshortcuts on the palette's button: every way to open it. */
export const PALETTE_SHORTCUTS = "Control+K Meta+K /";
/** The search box's id: the shortcut focuses it when the page is already open. */
export const FIND_INPUT_ID = "find-key-query";

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Mid-composition (an IME): the key belongs to the text being composed. */
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

/** "/" alone. Shift is allowed: on many keyboard layouts "/" needs it (Shift+7 on German ones). */
export function isFindShortcut(e: KeyPress): boolean {
  return (
    e.key === FIND_SHORTCUT && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing && !e.defaultPrevented
  );
}

/**
 * Ctrl-K (Cmd-K on a Mac). It is not typing, so it works in a field too; Alt or Shift with it is
 * some other program's shortcut.
 */
export function isPaletteShortcut(e: KeyPress & { shiftKey?: boolean }): boolean {
  return (
    e.key.toLowerCase() === "k" &&
    (e.ctrlKey || e.metaKey) &&
    !e.altKey &&
    !e.shiftKey &&
    !e.isComposing &&
    !e.defaultPrevented
  );
}

export interface FocusTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
}

/** Input types that take no typed text: "/" there is not typing. */
const NON_TEXT_INPUTS = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "image",
  "radio",
  "range",
  "reset",
  "submit",
]);
const TEXT_ROLES = new Set(["textbox", "searchbox", "combobox"]);

export function isTypingTarget(target: FocusTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return Boolean(target.isContentEditable) || (target.role != null && TEXT_ROLES.has(target.role));
}
