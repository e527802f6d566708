import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/users/accept-invite-form";
import { PageHeader } from "@/components/ui/page-header";
import { passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { INVITE_REFUSALS, lookupInvite } from "@/lib/users";

export const metadata: Metadata = {
  title: "Set your password",
  referrer: "no-referrer",
  robots: { index: false },
};

/** Where a one-time link leads: the form to choose a password, or why the link no longer works. */
export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const { db } = await getDatabase();
  const invite = passwordSignInEnabled(env()) ? await lookupInvite(db, token) : null;
  return (
    <main id="main" className="mx-auto max-w-sm space-y-6 px-6 py-12">
      <PageHeader
        title={
          invite?.state === "valid" && invite.purpose === "reset"
            ? "Choose a new password"
            : "Set your Keydesk password"
        }
      />
      {invite?.state === "valid" ? (
        <AcceptInviteForm token={token} email={invite.email} />
      ) : (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900"
        >
          <p>{INVITE_REFUSALS[invite === null ? "password_sign_in_off" : invite.state]}</p>
          <p>
            <a href="/sign-in" className="font-medium underline">
              Go to sign-in
            </a>
          </p>
        </div>
      )}
    </main>
  );
}
