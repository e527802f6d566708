// Faults a test can arrange for the next N requests that match a method and a path: what an
// unreliable upstream does to Keydesk (slowness, rate limits, outages, hangs, cut connections,
// garbage bodies). The same for every emulated provider; only the bodies differ (FaultStyle).
import { z } from "zod";

/**
 * `after: true` lets the request take effect first, then fails it: what a write whose outcome the
 * client cannot know looks like (answered 5xx, the connection cut, no answer, garbage).
 */
export type Fault =
  | { kind: "latency"; ms: number }
  | { kind: "status"; status: number; body?: unknown; retryAfter?: number; after?: boolean }
  | { kind: "hang"; after?: boolean }
  | { kind: "drop"; after?: boolean }
  | { kind: "malformed"; after?: boolean };

/** A fault that acts once the request has been handled. */
export const actsAfter = (fault: Fault): boolean => fault.kind !== "latency" && fault.after === true;

export interface FaultRule {
  id: number;
  method: string;
  /** An exact path, or one with `*` standing for a single segment. */
  path: string;
  remaining: number;
  fault: Fault;
}

const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("latency"), ms: z.number().int().min(0).max(600_000) }),
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(400).max(599),
    body: z.unknown().optional(),
    retryAfter: z.number().int().min(0).optional(),
    after: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("hang"), after: z.boolean().optional() }),
  z.object({ kind: z.literal("drop"), after: z.boolean().optional() }),
  z.object({ kind: z.literal("malformed"), after: z.boolean().optional() }),
]);

/** What `POST /__emulator/faults` accepts. */
export const faultRuleSchema = z.object({
  method: z.string().min(1),
  path: z.string().startsWith("/"),
  count: z.number().int().min(1).default(1),
  fault: faultSchema,
});

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((segment, i) => segment === "*" || segment === got[i]);
}

export class FaultQueue {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(rule: Omit<FaultRule, "id">): FaultRule {
    const added = { ...rule, method: rule.method.toUpperCase(), id: this.nextId++ };
    this.rules.push(added);
    return added;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; each match uses up one of the rule's N. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      (r) => (r.method === "*" || r.method === method) && pathMatches(r.path, path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }
}
