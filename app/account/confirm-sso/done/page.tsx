import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TellOpener } from "./tell-opener";

export const metadata: Metadata = { title: "Confirm it's you" };

/** Where the provider sends the step-up popup back (better-auth adds ?error=… when it failed): it tells the dialog, then closes. */
export default async function ConfirmSsoDonePage({ searchParams }: PageProps<"/account/confirm-sso/done">) {
  const { error } = await searchParams;
  const code =
    typeof error === "string" ? (/^[a-z0-9_]{1,60}$/i.test(error) ? error.toLowerCase() : "invalid") : null;
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-6 py-12">
      <PageHeader title="Confirm it's you" size="sm" />
      <TellOpener error={code} />
    </main>
  );
}
