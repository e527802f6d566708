import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/roles";
import { FIND_PATH, FIND_SHORTCUT } from "@/lib/find-key/shortcut";
import { FindKeyShortcut } from "./find-key-shortcut";
import { SignOutButton } from "./sign-out-button";

export function ConsoleHeader({ user }: { user: SessionUser }) {
  const links: { href: string; label: string; shortcut?: string }[] = [
    { href: "/", label: "Overview" },
    { href: "/service-accounts", label: "Service accounts" },
    { href: "/inventory", label: "All keys" },
    { href: FIND_PATH, label: "Find a key", shortcut: FIND_SHORTCUT },
    { href: "/audit", label: "Audit log" },
    // Every role: admins manage connections there, everyone reaches the keys of those they may use.
    { href: "/connections", label: "Connections" },
    ...(user.role === "admin" ? [{ href: "/users", label: "Users" }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="flex items-center gap-2">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-md bg-indigo-600 font-mono text-sm font-bold text-white"
          >
            K
          </span>
          <span className="text-lg font-semibold tracking-tight">Keydesk</span>
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-keyshortcuts={link.shortcut}
              className="inline-flex items-center gap-1.5 font-medium text-slate-700 hover:text-indigo-700"
            >
              {link.label}
              {/* The visible hint; aria-keyshortcuts tells assistive technology, so the name stays "Find a key". */}
              {link.shortcut ? (
                <kbd
                  aria-hidden
                  className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs text-slate-600"
                >
                  {link.shortcut}
                </kbd>
              ) : null}
            </Link>
          ))}
        </nav>
        <FindKeyShortcut />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-700">
            <span className="sr-only">Signed in as </span>
            {user.email}{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
              {ROLE_LABELS[user.role]}
            </span>
          </span>
          <Link href="/account" className="font-medium text-slate-700 hover:text-indigo-700">
            Your account
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
