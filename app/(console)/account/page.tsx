import type { Metadata } from "next";
import { SessionsSection } from "@/components/auth/sessions-section";
import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { accountKeys } from "@/lib/auth/query-keys";
import { TwoFactorSection } from "@/components/auth/two-factor-section";
import { PageHeader, SectionHeading } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { ROLE_LABELS } from "@/lib/roles";
import { listSessions } from "@/lib/auth/sessions";
import { recoveryCodesLeft, twoFactorStatus } from "@/lib/auth/two-factor";
import { mustEnrol } from "@/lib/auth/two-factor-policy";
import { getAuth } from "@/lib/auth";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in person's own security: two-factor sign-in and where they are signed in. */
export default async function AccountPage() {
  // Open to a person who must still enrol: this is where they do it.
  const user = await requireUser({ allowUnenrolled: true });
  const { db } = await getDatabase();
  const [status, sessions, codesLeft] = await Promise.all([
    twoFactorStatus(db, user),
    listSessions(db, user.id, user.sessionId),
    getAuth().then((auth) => recoveryCodesLeft(auth, user)),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Your account"
        description={
          <>
            {user.email} · {ROLE_LABELS[user.role]}
          </>
        }
      />
      {mustEnrol(user) ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          Your role must use two-factor sign-in. Set it up below to use the rest of Keydesk.
        </p>
      ) : null}
      <section aria-labelledby="two-factor-title" className="space-y-3">
        <SectionHeading id="two-factor-title">Two-factor sign-in</SectionHeading>
        <TwoFactorSection status={status} recoveryCodesLeft={codesLeft} />
      </section>
      <section aria-labelledby="sessions-title" className="space-y-3">
        <SectionHeading id="sessions-title">Where you are signed in</SectionHeading>
        <PrefilledQueries queries={[[accountKeys.sessions, sessions]]}>
          <SessionsSection />
        </PrefilledQueries>
      </section>
    </div>
  );
}
