import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { SsoError } from "@/components/auth/sso-error";
import { PageHeader } from "@/components/ui/page-header";
import { oidcConfig, passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/bootstrap";
import { currentUser } from "@/lib/auth/require-user";
import { ROLE_LABELS } from "@/lib/roles";
import { ConfigError } from "@/lib/env";
import { getPendingUser } from "@/lib/auth/session";
import { env, isDemoMode } from "@/lib/env";
import { safeNextPath } from "@/lib/http/next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  // Where the person was going (proxy.ts remembers it), when it is a path on this site.
  const next = safeNextPath(params.next) ?? "/";
  let configProblem: string | null = null;
  try {
    if (await currentUser()) redirect(next);
    // Signed in with single sign-on but still waiting for a role: the waiting page says so.
    if (await getPendingUser(await headers())) redirect("/pending");
  } catch (error) {
    if (!ConfigError.is(error)) throw error;
    configProblem = error.message;
  }
  const demo = isDemoMode();
  const sso = oidcConfig(env());
  const passwordSignIn = passwordSignInEnabled(env());
  const ssoError = params.error;
  return (
    <main id="main" className="mx-auto max-w-sm space-y-6 px-6 py-12">
      <PageHeader
        title="Sign in to Keydesk"
        description="Keydesk manages the API keys of your ElevenLabs workspace."
      />
      {configProblem ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">Keydesk is not configured yet.</p>
          <p className="mt-1">{configProblem}</p>
        </div>
      ) : (
        <>
          {sso && typeof ssoError === "string" ? <SsoError code={ssoError} providerName={sso.name} /> : null}
          {sso ? <SsoButton providerName={sso.name} /> : null}
          {sso && passwordSignIn ? (
            <p className="text-center text-xs tracking-wide text-slate-500 uppercase">
              or with your password
            </p>
          ) : null}
          {passwordSignIn ? (
            <SignInForm
              next={next}
              demoAccounts={
                demo ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: ROLE_LABELS[a.role] })) : []
              }
              demoPassword={demo ? DEMO_PASSWORD : null}
            />
          ) : null}
        </>
      )}
    </main>
  );
}
