import type { ReactNode } from "react";
import { ConsoleHeader } from "@/components/layout/console-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireUser } from "@/lib/auth/require-user";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <ConsoleHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
