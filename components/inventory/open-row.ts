// A click anywhere on a key's row (or card) opens the key's page, except on something in it that
// does its own thing (its checkbox, a switch, a button, a link) or at the end of selecting its text.
import type { MouseEvent } from "react";

const OWN_CONTROLS = "a, button, input, select, textarea, label, summary, [role='switch'], [role='checkbox']";

export function shouldOpenRow(event: MouseEvent<HTMLElement>): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(OWN_CONTROLS)) return false;
  return (window.getSelection()?.toString() ?? "") === "";
}
