import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { PageHeader } from "@/components/ui/page-header";
import { getPendingUser, getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Waiting for a role" };

/** All a pending single sign-on user sees: who they are, and that an admin must give them a role. */
export default async function PendingPage() {
  const h = await headers();
  const pending = await getPendingUser(h);
  if (!pending) redirect((await getSessionUser(h)) ? "/" : "/sign-in");
  return (
    <main id="main" className="mx-auto max-w-md space-y-6 px-6 py-12">
      <PageHeader title="Waiting for an admin to give you a role" />
      <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
        <p>
          You are signed in as <span className="font-mono">{pending.email}</span>, but none of your groups
          gives a Keydesk role yet.
        </p>
        <p>A Keydesk admin can give you one on the Users page. Then reload this page.</p>
      </div>
      <SignOutButton />
    </main>
  );
}
