import type { Metadata } from "next";
import { FindKeyPanel } from "@/components/find-key/find-key-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Find a key" };

// Leak response: paste what was found (a secret, its last four characters, a name or an id), see
// which key it is and how sure that is, and (support, admin) disable it from the result.
export default async function FindKeyPage() {
  const user = await requireUser();
  // The search covers every connection the user may use (lib/find-key/everywhere.ts): one whose
  // access leaves the primary connection out searches the others, with nothing said about it.
  return (
    <div className="space-y-6">
      <PageHeader
        title="Find a key"
        description={
          <>
            Found a secret in a public repository, a ticket or a log? Paste it here to see which key it is,
            then disable that key. Press{" "}
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">/</kbd> on any
            page to open the command palette, where Find a key is one of the choices.
          </>
        }
      />
      <FindKeyPanel
        canDisable={user.role === "admin" || user.role === "support"}
        canRotate={user.role === "admin"}
        role={user.role}
        me={{ name: user.name, email: user.email }}
      />
    </div>
  );
}
