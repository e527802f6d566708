// What the policies page sends: the whole set of rules that are on (a rule left out is off). Each
// rule's number is checked against its kind (none for the yes/no rules, a positive whole number up
// to the kind's maximum for the others), and an unenforceable rule cannot be set to enforce.
import * as z from "@/lib/text/zod-mini";
import { POLICY_INFO, POLICY_KINDS, POLICY_MODES } from "./rules";

const ruleSchema = z
  .strictObject({
    kind: z.enum(POLICY_KINDS, { error: `Choose a rule: ${POLICY_KINDS.join(", ")}.` }),
    mode: z.enum(POLICY_MODES, { error: "Choose report or enforce." }),
    limit: z.nullable(z.number({ error: "Enter a number." })),
  })
  .check(
    z.superRefine((rule, ctx) => {
      const info = POLICY_INFO[rule.kind];
      if (info.unit === null) {
        if (rule.limit !== null)
          ctx.addIssue({ code: "custom", path: ["limit"], message: "This rule takes no number." });
      } else if (
        rule.limit === null ||
        !Number.isSafeInteger(rule.limit) ||
        rule.limit < 1 ||
        rule.limit > info.max
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["limit"],
          message: `Enter a whole number of ${info.unit} from 1 to ${info.max.toLocaleString("en-US")}.`,
        });
      }
      if (rule.mode === "enforce" && !info.enforceable)
        ctx.addIssue({
          code: "custom",
          path: ["mode"],
          message:
            "This rule is about a key's age or use, which no create or change can break: it can only be reported.",
        });
    }),
  );

export const policiesSchema = z
  .strictObject({ rules: z.array(ruleSchema).check(z.maxLength(POLICY_KINDS.length)) })
  .check(
    z.superRefine(({ rules }, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, i) => {
        if (seen.has(rule.kind))
          ctx.addIssue({ code: "custom", path: ["rules", i, "kind"], message: "Each rule may be set once." });
        seen.add(rule.kind);
      });
    }),
  );
export type PoliciesInput = z.infer<typeof policiesSchema>;
