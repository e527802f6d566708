// The key policies one key breaks, on its page: each rule in words, why this key breaks it, and
// whether it is enforced (then Keydesk refuses a change that keeps it broken; a key changed outside
// Keydesk is reported, not touched).
import { Link } from "@/components/ui/link";
import type { KeyPolicyReport } from "@/lib/policies/key-breaks";
import { KeySection } from "./key-section";

export function KeyPolicies({ report }: { report: KeyPolicyReport }) {
  const { rulesOn, breaks } = report;
  return (
    <KeySection id="key-policies" title="Key policies" description="The rules admins set for every key.">
      {rulesOn === 0 ? (
        <p className="text-sm text-slate-600">
          No rule is on.{" "}
          <Link href="/policies" className="font-medium text-indigo-700 hover:underline">
            Key policies
          </Link>
        </p>
      ) : breaks.length === 0 ? (
        <p className="text-sm text-slate-700">
          This key keeps every rule that is on ({rulesOn === 1 ? "1 rule" : `${rulesOn} rules`}).
        </p>
      ) : (
        <ul className="space-y-2" aria-label="Rules this key breaks">
          {breaks.map((b) => (
            <li
              key={b.kind}
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
            >
              <p className="font-medium">
                {b.rule}
                {b.enforced ? (
                  <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
                    Enforced
                  </span>
                ) : null}
              </p>
              <p>{b.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </KeySection>
  );
}
