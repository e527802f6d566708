import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/bootstrap";
import { currentUser } from "@/lib/auth/require-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ConfigError } from "@/lib/auth/secret";
import { isDemoMode } from "@/lib/env";
import { safeNextPath } from "@/lib/http/next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Where the person was going (proxy.ts remembers it), when it is a path on this site.
  const next = safeNextPath((await searchParams).next) ?? "/";
  let configProblem: string | null = null;
  try {
    if (await currentUser()) redirect(next);
  } catch (error) {
    if (!(ConfigError.is(error))) throw error;
    configProblem = error.message;
  }
  const demo = isDemoMode();
  return (
    <main id="main" className="mx-auto max-w-sm space-y-6 px-6 py-12">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Keydesk</h1>
        <p className="mt-1 text-sm text-slate-600">Keydesk manages the API keys of your ElevenLabs workspace.</p>
      </div>
      {configProblem ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">Keydesk is not configured yet.</p>
          <p className="mt-1">{configProblem}</p>
        </div>
      ) : (
        <SignInForm
          next={next}
          demoAccounts={demo ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: ROLE_LABELS[a.role] })) : []}
          demoPassword={demo ? DEMO_PASSWORD : null}
        />
      )}
    </main>
  );
}
