import { describe, expect, it } from "vitest";
import { isFindShortcut, isPaletteShortcut, isTypingTarget } from "./shortcut";

const press = (key: string, extra: Partial<Parameters<typeof isFindShortcut>[0]> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe("isFindShortcut", () => {
  it("is '/' alone (Shift allowed, for layouts that need it)", () => {
    expect(isFindShortcut(press("/"))).toBe(true);
    expect(isFindShortcut(press("?"))).toBe(false);
    expect(isFindShortcut(press("/", { ctrlKey: true }))).toBe(false);
    expect(isFindShortcut(press("/", { metaKey: true }))).toBe(false);
    expect(isFindShortcut(press("/", { altKey: true }))).toBe(false);
    expect(isFindShortcut(press("/", { isComposing: true }))).toBe(false);
    expect(isFindShortcut(press("/", { defaultPrevented: true }))).toBe(false);
  });
});

describe("isPaletteShortcut", () => {
  it("is Ctrl-K or Cmd-K, either case, and nothing else", () => {
    expect(isPaletteShortcut(press("k", { ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(press("k", { metaKey: true }))).toBe(true);
    expect(isPaletteShortcut(press("K", { ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(press("k"))).toBe(false);
    expect(isPaletteShortcut(press("/", { ctrlKey: true }))).toBe(false);
    expect(isPaletteShortcut(press("k", { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isPaletteShortcut({ ...press("k", { ctrlKey: true }), shiftKey: true })).toBe(false);
    expect(isPaletteShortcut(press("k", { ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isPaletteShortcut(press("k", { metaKey: true, defaultPrevented: true }))).toBe(false);
  });
});

describe("isTypingTarget", () => {
  it("leaves '/' to text fields, text areas, selects and anything editable", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "input", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", role: "textbox" })).toBe(true);
  });

  it("takes '/' on buttons, links, checkboxes and the page itself", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "A" })).toBe(false);
    expect(isTypingTarget({ tagName: "BODY", isContentEditable: false })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
