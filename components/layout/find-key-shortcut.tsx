"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { FIND_INPUT_ID, FIND_PATH, isFindShortcut, isTypingTarget } from "@/lib/find-key/shortcut";

/**
 * "/" from anywhere in the console opens the key search (or, already there, puts the cursor in its
 * box). Typing wins: not in a field, a text area, a select or anything editable, not with Ctrl,
 * Cmd or Alt, and not while a dialog is open (it may hold unsaved work, or a secret shown once).
 */
export function FindKeyShortcut() {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isFindShortcut(event)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const focus = target && {
        tagName: target.tagName,
        type: target instanceof HTMLInputElement ? target.type : undefined,
        isContentEditable: target.isContentEditable,
        role: target.getAttribute("role"),
      };
      // Not while a dialog is open (components/ui/dialog.tsx draws it as a role="dialog" element).
      if (isTypingTarget(focus) || document.querySelector('dialog[open], [role="dialog"]')) return;
      event.preventDefault(); // the "/" must not be typed into the box that is about to take focus
      if (pathname === FIND_PATH) document.getElementById(FIND_INPUT_ID)?.focus();
      else router.push(FIND_PATH);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, pathname]);
  return null;
}
