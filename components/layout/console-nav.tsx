"use client";
// The header's links and the signed-in person's corner. From md up they sit in the header's row;
// below md they are one panel behind a "Menu" button: a disclosure (aria-expanded, aria-controls)
// that opens under the header. Opening puts focus on the first link; Escape closes it and gives
// focus back to the button; a click outside or a new page closes it. One copy of each link and of
// the account corner serves both sizes, so nothing is in the page twice.
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { NavLink } from "@/lib/palette/nav-links";
import { CloseIcon, MenuIcon } from "./header-icons";

export function ConsoleNav({ links, account }: { links: NavLink[]; account: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const pathname = usePathname();

  // A new page closes the menu (one of its links was followed, or the palette went somewhere).
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a[href]")?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden"
      >
        {open ? <CloseIcon className="size-4" /> : <MenuIcon className="size-4" />}
        Menu
      </button>
      <div
        ref={panel}
        id={panelId}
        className={`${open ? "block" : "hidden"} absolute inset-x-0 top-full z-40 border-b border-slate-200 bg-white px-4 pb-3 shadow-lg md:static md:z-auto md:flex md:flex-1 md:flex-wrap md:items-center md:gap-x-6 md:gap-y-2 md:border-0 md:p-0 md:shadow-none`}
      >
        <nav aria-label="Main">
          <ul className="divide-y divide-slate-100 md:flex md:flex-wrap md:gap-x-4 md:gap-y-1 md:divide-y-0">
            {links.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  aria-current={link.href === pathname ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className="block py-3 text-base font-medium text-slate-700 hover:text-indigo-700 aria-[current=page]:text-indigo-700 md:py-0 md:text-sm"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="border-t border-slate-200 pt-3 md:ml-auto md:border-0 md:pt-0">{account}</div>
      </div>
    </>
  );
}
