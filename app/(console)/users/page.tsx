import type { Metadata } from "next";
import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { UsersManager } from "@/components/users/users-manager";
import { PageHeader } from "@/components/ui/page-header";
import { passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { requireUser } from "@/lib/auth/require-user";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { listUsers } from "@/lib/users";
import { userKeys } from "@/lib/users/query-keys";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <div className="space-y-2">
        <PageHeader title="Users" />
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Only workspace admins can manage users.
        </p>
      </div>
    );
  }
  const { db } = await getDatabase();
  const users = await listUsers(db);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="Who can sign in to Keydesk, and with which role. There is always at least one enabled admin."
      />
      <PrefilledQueries queries={[[userKeys.list(), users]]}>
        <UsersManager currentUserId={user.id} passwordSignIn={passwordSignInEnabled(env())} />
      </PrefilledQueries>
    </div>
  );
}
