import { Link } from "@/components/ui/link";
import type { SessionUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/roles";
import { navLinks } from "@/lib/palette/nav-links";
import { ConsoleNav } from "./console-nav";
import { PaletteLauncher } from "./palette-launcher";
import { SignOutButton } from "./sign-out-button";

export function ConsoleHeader({ user }: { user: SessionUser }) {
  const links = navLinks(user.role);
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-md bg-indigo-600 font-mono text-sm font-bold text-white"
          >
            K
          </span>
          <span className="text-lg font-semibold tracking-tight">Keydesk</span>
        </Link>
        <PaletteLauncher links={links} />
        <ConsoleNav
          links={links}
          account={
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="min-w-0 break-all text-slate-700">
                <span className="sr-only">Signed in as </span>
                {user.email}{" "}
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs break-normal text-slate-700">
                  {ROLE_LABELS[user.role]}
                </span>
              </span>
              <Link href="/account" className="font-medium text-slate-700 hover:text-indigo-700">
                Your account
              </Link>
              <SignOutButton />
            </div>
          }
        />
      </div>
    </header>
  );
}
