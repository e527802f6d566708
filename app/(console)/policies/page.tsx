import type { Metadata } from "next";
import { PolicyBreaches } from "@/components/policies/policy-breaches";
import { PolicyRulesForm } from "@/components/policies/policy-rules-form";
import { PageHeader, SectionHeading } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { canUsePrimaryConnection } from "@/lib/connections/primary";
import { getDatabase } from "@/lib/db";
import { readPolicies } from "@/lib/policies";

export const metadata: Metadata = { title: "Key policies" };

export default async function PoliciesPage() {
  const user = await requireUser();
  const { db } = await getDatabase();
  const [rules, primary] = await Promise.all([readPolicies(db), canUsePrimaryConnection(user)]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Key policies"
        description="Rules every key should keep. Reported rules list the keys that break them; enforced rules also refuse a create or change that would break them."
      />
      <section aria-labelledby="policy-rules" className="space-y-3">
        <SectionHeading id="policy-rules">Rules</SectionHeading>
        <PolicyRulesForm rules={rules} canEdit={user.role === "admin"} />
      </section>
      <section aria-labelledby="policy-breaches" className="space-y-3">
        <SectionHeading id="policy-breaches">Keys that break a rule</SectionHeading>
        <PolicyBreaches rules={rules} primary={primary} />
      </section>
    </div>
  );
}
