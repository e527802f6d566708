"use client";
// The command palette's button and shortcuts, in every page's first load; the palette itself
// (cmdk, its dialog and the key list) is fetched only when the page is idle or when it is first
// opened. Ctrl/Cmd-K opens it from anywhere, a field included; "/" opens it when nobody is typing,
// except on Find a key, where "/" still puts the cursor in the search box. Neither fires while
// another dialog is open (it may hold unsaved work, or a secret shown once).
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import {
  FIND_INPUT_ID,
  FIND_PATH,
  PALETTE_SHORTCUTS,
  isFindShortcut,
  isPaletteShortcut,
  isTypingTarget,
} from "@/lib/find-key/shortcut";
import type { NavLink } from "@/lib/palette/nav-links";
import { SearchIcon } from "./header-icons";

const CommandPalette = lazyDialog(
  () => import("./command-palette"),
  (m) => m.CommandPalette,
);

/** A dialog of the page's own (native or Radix) is open: the shortcuts leave it alone. */
const dialogOpen = () =>
  document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]') !== null;

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return isTypingTarget({
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: target.isContentEditable,
    role: target.getAttribute("role"),
  });
}

export function PaletteLauncher({ links }: { links: NavLink[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  usePreloadDialogs(CommandPalette);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const palette = isPaletteShortcut(event);
      if (!palette && !isFindShortcut(event)) return;
      if (!palette && typingIn(event.target)) return;
      if (dialogOpen()) return;
      event.preventDefault(); // neither the browser's Ctrl-K nor a typed "/" in the box about to take focus
      if (!palette && pathname === FIND_PATH) document.getElementById(FIND_INPUT_ID)?.focus();
      else setOpen(true);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [pathname]);

  return (
    <>
      <button
        type="button"
        aria-keyshortcuts={PALETTE_SHORTCUTS}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={CommandPalette.preload}
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 md:ml-0"
      >
        <SearchIcon className="size-4" />
        <span>
          Search<span className="sr-only"> pages and keys</span>
        </span>
        {/* The visible hint; aria-keyshortcuts tells assistive technology, so the name stays short. */}
        <kbd
          aria-hidden
          className="hidden rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs text-slate-600 sm:inline"
        >
          Ctrl K
        </kbd>
      </button>
      {open ? <CommandPalette links={links} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
