import type { Metadata } from "next";
import { FindKeyPanel } from "@/components/find-key/find-key-panel";
import { NoWorkspaceAccess } from "@/components/ui/no-workspace-access";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { canUsePrimaryConnection } from "@/lib/connections/primary";

export const metadata: Metadata = { title: "Find a key" };

// Leak response: paste what was found (a secret, its last four characters, a name or an id), see
// which key it is and how sure that is, and (support, admin) disable it from the result.
export default async function FindKeyPage() {
  const user = await requireUser();
  // A user limited to other connections is told so instead of a search that can only be refused.
  const allowed = await canUsePrimaryConnection(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Find a key"
        description={
          <>
            Found a secret in a public repository, a ticket or a log? Paste it here to see which key it is,
            then disable that key. Press{" "}
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">/</kbd> on any
            page to come back here.
          </>
        }
      />
      {allowed ? (
        <FindKeyPanel
          canDisable={user.role === "admin" || user.role === "support"}
          canRotate={user.role === "admin"}
          me={{ name: user.name, email: user.email }}
        />
      ) : (
        <NoWorkspaceAccess />
      )}
    </div>
  );
}
