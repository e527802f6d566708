import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { StartSsoConfirmation } from "./start";

export const metadata: Metadata = { title: "Confirm it's you" };

/** The step-up dialog's popup: goes straight on to the single sign-on provider. */
export default function ConfirmSsoPage() {
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-6 py-12">
      <PageHeader title="Confirm it's you" size="sm" />
      <StartSsoConfirmation />
    </main>
  );
}
