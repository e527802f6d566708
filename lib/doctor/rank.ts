// The diagnosis itself, from facts already gathered (the key as it is now, the audit log's facts,
// the pasted error's signals, the caller's address and operation): every check in a fixed order,
// and the causes, most likely first. A cause the key as it is now shows outranks one only the
// pasted error suggests; the pasted error moves a shown cause up when it agrees. Pure: no I/O, no
// clock (the caller passes `now`), so each rule is a unit test.
import { isAllowedByAllowlist, parseIpAddress } from "@/lib/ip/cidr";
import { isPermission } from "@/lib/permissions";
import { DOCSPACE_SCOPES } from "@/lib/providers/types";
import type { Role } from "@/lib/roles";
import {
  addAddressFix,
  addAssistantFix,
  addOriginFix,
  addPermissionFix,
  allowTransientFix,
  enableFix,
  newKeyFix,
  raiseLimitFix,
  rotatedKeyFix,
  type DoctorTarget,
} from "./fixes";
import type { NeededBy } from "./operations";
import type { Cause, CauseKind, Check, KeyHistoryFacts, KeyNow, PastedSignals, SignalKind } from "./types";

export interface DoctorFacts {
  target: DoctorTarget;
  role: Role;
  /** The key as read now; null when the upstream no longer lists it. */
  key: KeyNow | null;
  /** The ids the same read listed (to tell whether a rotation's new key is there). */
  listedIds: ReadonlySet<string>;
  history: KeyHistoryFacts;
  signals: PastedSignals;
  /** The caller's address, as given or as the pasted error names it. */
  ip: string | null;
  operation: NeededBy | null;
  now: Date;
}

/** How likely each cause is before the pasted error is considered (larger first). */
const BASE: Record<CauseKind, number> = {
  rotated: 100,
  deleted: 95,
  disabled: 90,
  expired: 85,
  limit_reached: 80,
  ip_not_allowed: 70,
  missing_permission: 60,
  origin_not_allowed: 50,
  assistant_not_allowed: 50,
  transient_not_allowed: 50,
  limit_near: 20,
};

/** The pasted error's kinds that agree with each cause. */
const AGREES: Record<CauseKind, readonly SignalKind[]> = {
  rotated: ["invalid_key"],
  deleted: ["invalid_key"],
  disabled: ["invalid_key"],
  expired: ["expired", "invalid_key"],
  limit_reached: ["quota"],
  ip_not_allowed: ["ip_not_allowed"],
  missing_permission: ["missing_permission"],
  origin_not_allowed: ["origin_not_allowed"],
  assistant_not_allowed: ["assistant_not_allowed"],
  transient_not_allowed: ["transient_not_allowed"],
  limit_near: ["quota"],
};

const NEAR_LIMIT = 0.9;

/** "2026-11-29 14:03 UTC": the same words on every machine and in every ticket. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const by = (who: string | null, outside: boolean) =>
  outside ? " outside Keydesk (noticed then)" : who ? ` by ${who}` : "";
const num = (n: number) => n.toLocaleString("en-US");

interface Scored extends Cause {
  score: number;
}

export function rankCauses(f: DoctorFacts): { causes: Cause[]; checks: Check[] } {
  const causes: Scored[] = [];
  const checks: Check[] = [];
  const signal = f.signals.kind;
  const add = (cause: Cause) => {
    const agrees = signal !== null && AGREES[cause.kind].includes(signal);
    const score = cause.confirmed ? BASE[cause.kind] + (agrees ? 50 : 0) : agrees ? 10 : 1;
    causes.push({ ...cause, score });
  };

  const key = f.key;
  const rotated = f.history.rotatedTo;
  // Gone, or replaced: nothing else about it matters.
  if (!key) {
    if (rotated) {
      const exists = f.listedIds.has(rotated.newKeyId);
      add({
        kind: "rotated",
        title: "The key was replaced by a rotation and is gone: the caller still uses the old secret.",
        evidence: [
          `Rotated on ${when(rotated.at)}${by(rotated.by, false)}; the new key is ${rotated.newKeyId}${exists ? "" : " (no longer there either)"}.`,
          ...(f.history.deleted
            ? [
                `The old key was deleted on ${when(f.history.deleted.at)}${by(f.history.deleted.by, f.history.deleted.outside)}.`,
              ]
            : []),
        ],
        confirmed: true,
        fix: rotatedKeyFix(f.target, rotated.newKeyId, exists),
      });
    } else {
      const d = f.history.deleted;
      add({
        kind: "deleted",
        title: "The key no longer exists: it was deleted.",
        evidence: [
          d
            ? `Deleted on ${when(d.at)}${by(d.by, d.outside)}${d.reason ? `: ${d.reason}` : ""}.`
            : "The upstream no longer lists it, and the audit log does not say who deleted it.",
        ],
        confirmed: true,
        fix: newKeyFix(),
      });
    }
    checks.push({
      what: "The key exists",
      result: "problem",
      detail: rotated ? "Replaced by a rotation" : "Deleted",
    });
    return finish(causes, checks);
  }
  checks.push({ what: "The key exists", result: "ok", detail: "Listed upstream now" });

  // On or off.
  if (key.enabled === false) {
    const d = f.history.disabled;
    const evidence = [
      d
        ? `Disabled on ${when(d.at)}${by(d.by, d.outside)}${d.reason ? `: ${d.reason}` : ""}.`
        : "The upstream lists it as disabled.",
      ...(key.disableReason ? [`The upstream gives the reason: ${key.disableReason}.`] : []),
    ];
    if (rotated) {
      const exists = f.listedIds.has(rotated.newKeyId);
      add({
        kind: "rotated",
        title: "The key was replaced by a rotation and switched off: the caller still uses the old secret.",
        evidence: [
          `Rotated on ${when(rotated.at)}${by(rotated.by, false)}; the new key is ${rotated.newKeyId}.`,
          ...evidence,
        ],
        confirmed: true,
        fix: rotatedKeyFix(f.target, rotated.newKeyId, exists),
      });
    } else
      add({
        kind: "disabled",
        title: "The key is disabled.",
        evidence,
        confirmed: true,
        fix: enableFix(f.target, f.role),
      });
    checks.push({ what: "Enabled", result: "problem", detail: "Disabled" });
  } else if (key.enabled === true) checks.push({ what: "Enabled", result: "ok", detail: "Enabled" });

  // Expiry (DocSpace).
  if (key.expiresAt) {
    const expired = new Date(key.expiresAt).getTime() <= f.now.getTime();
    if (expired)
      add({
        kind: "expired",
        title: "The key has expired.",
        evidence: [`It expired on ${when(key.expiresAt)}; an expired key cannot be renewed.`],
        confirmed: true,
        fix: newKeyFix(),
      });
    checks.push({
      what: "Not expired",
      result: expired ? "problem" : "ok",
      detail: `Expires ${when(key.expiresAt)}`,
    });
  }

  // The monthly limit.
  const cap = key.characterLimit;
  if (cap) {
    const { limit, used } = cap;
    if (limit === null) checks.push({ what: "Monthly limit", result: "ok", detail: "No limit" });
    else if (used === null)
      checks.push({ what: "Monthly limit", result: "unknown", detail: `${num(limit)}; use not reported` });
    else {
      const detail = `${num(used)} of ${num(limit)} characters used this month`;
      if (used >= limit)
        add({
          kind: "limit_reached",
          title: "The key has reached its monthly character limit.",
          evidence: [`${detail}.`],
          confirmed: true,
          fix: raiseLimitFix(f.target, f.role, limit, used),
        });
      else if (used >= limit * NEAR_LIMIT)
        add({
          kind: "limit_near",
          title: "The key is close to its monthly character limit: a long request may not fit.",
          evidence: [`${detail} (${Math.floor((used / limit) * 100)}%).`],
          confirmed: true,
          fix: raiseLimitFix(f.target, f.role, limit, used),
        });
      checks.push({ what: "Monthly limit", result: used >= limit ? "problem" : "ok", detail });
    }
  }
  if (signal === "quota" && !causes.some((c) => c.kind === "limit_reached" || c.kind === "limit_near"))
    add({
      kind: "limit_reached",
      title: "The error says the characters ran out, but the key is within its own limit.",
      evidence: [
        "The account's own quota (its subscription) may be used up; the key's limit is not the cause.",
      ],
      confirmed: false,
      fix: null,
    });

  // The caller's address against the allowlist, with the allowlist tester's matching.
  if (key.ipAllowlist !== undefined) {
    const list = key.ipAllowlist;
    if (f.ip === null)
      checks.push({
        what: "IP allowlist",
        result: list === null ? "ok" : "not_checked",
        detail:
          list === null
            ? "Any address may use the key"
            : `${list.length} entries; give the caller's address to check it`,
      });
    else if (!parseIpAddress(f.ip))
      checks.push({ what: "IP allowlist", result: "not_checked", detail: `${f.ip} is not an IP address` });
    else if (isAllowedByAllowlist(list, f.ip)) {
      const match = list?.find((e) => isAllowedByAllowlist([e], f.ip!));
      checks.push({
        what: "IP allowlist",
        result: "ok",
        detail: list === null ? "Any address may use the key" : `${f.ip} matches ${match}`,
      });
      if (signal === "ip_not_allowed")
        add({
          kind: "ip_not_allowed",
          title: `The error says the address was refused, but ${f.ip} is allowed now.`,
          evidence: [
            list === null
              ? "The key has no allowlist now."
              : `${f.ip} matches ${match}: it may have been added since.`,
          ],
          confirmed: false,
          fix: null,
        });
    } else {
      add({
        kind: "ip_not_allowed",
        title: `The caller's address ${f.ip} is not on the key's IP allowlist.`,
        evidence: [`The allowlist holds ${list!.join(", ")}; none of them matches ${f.ip}.`],
        confirmed: true,
        fix: addAddressFix(f.target, f.role, list!, f.ip),
      });
      checks.push({ what: "IP allowlist", result: "problem", detail: `${f.ip} matches no entry` });
    }
  }

  // The permission the operation needs (or the one the error names).
  checkPermission(f, key, add, checks);

  // Origins, assistants, inline assistants (Voiceable): only when the error speaks of one.
  checkOrigin(f, key, add);
  checkAssistant(f, key, add);

  // A refused key that looks fine now: an old or mistyped secret is the likeliest explanation.
  if (signal === "invalid_key" && !causes.some((c) => c.confirmed))
    add({
      kind: "deleted",
      title: "The error says the key was refused, but this key is present and enabled now.",
      evidence: [
        "The caller may be sending another key's secret (an old one, or a mistyped one): compare the secret's last characters with this key's.",
      ],
      confirmed: false,
      fix: null,
    });
  return finish(causes, checks);
}

/** The origin the error names against the key's allowed origins (browser-enforced, so only then). */
function checkOrigin(f: DoctorFacts, key: KeyNow, add: (cause: Cause) => void): void {
  const list = key.allowedOrigins;
  if (!list || f.signals.kind !== "origin_not_allowed") return;
  const origin = f.signals.origin;
  if (list.length === 0 || (origin && list.includes(origin)))
    return add({
      kind: "origin_not_allowed",
      title: `The error says the origin${origin ? ` ${origin}` : ""} was refused, but the key allows it now.`,
      evidence: [
        list.length === 0
          ? "The key allows any origin now."
          : `${origin} is on the key's allowed origins: it may have been added since.`,
      ],
      confirmed: false,
      fix: null,
    });
  add({
    kind: "origin_not_allowed",
    title: origin
      ? `The caller's origin ${origin} is not on the key's allowed origins.`
      : "The call carried no origin, and the key may be used only from its allowed origins.",
    evidence: [
      `The key allows only ${list.join(", ")}${origin ? `; the error names ${origin}` : ""}.`,
      ...(origin
        ? []
        : ["A call from a server sends no origin: a server should use a private key, not this one."]),
    ],
    confirmed: true,
    // With no origin named there is nothing to add: the fix is the caller's.
    fix: origin ? addOriginFix(f.target, f.role, list, origin) : null,
  });
}

/** The assistant (or the inline assistant) the error names against the key's allowed assistants. */
function checkAssistant(f: DoctorFacts, key: KeyNow, add: (cause: Cause) => void): void {
  const list = key.assistants;
  if (!list) return;
  const id = f.signals.assistant;
  if (f.signals.kind === "assistant_not_allowed") {
    const allowedNow = list.length === 0 || (id !== null && list.includes(id));
    add(
      allowedNow
        ? {
            kind: "assistant_not_allowed",
            title: `The error says the assistant${id ? ` ${id}` : ""} was refused, but the key allows it now.`,
            evidence: [
              list.length === 0
                ? "The key allows every assistant now."
                : `${id} is on the key's allowed assistants: it may have been added since.`,
            ],
            confirmed: false,
            fix: null,
          }
        : {
            kind: "assistant_not_allowed",
            title: id
              ? `The key may not use the assistant ${id}.`
              : "The key may use only some assistants, and the caller asked for another.",
            evidence: [`The key allows only ${list.join(", ")}${id ? `; the error names ${id}` : ""}.`],
            confirmed: true,
            fix: id ? addAssistantFix(f.target, f.role, list, id) : null,
          },
    );
  }
  if (f.signals.kind === "transient_not_allowed" && key.transient !== undefined)
    add(
      key.transient
        ? {
            kind: "transient_not_allowed",
            title: "The error says inline assistants were refused, but the key allows them now.",
            evidence: ["The key's transient assistants are on now: they may have been turned on since."],
            confirmed: false,
            fix: null,
          }
        : {
            kind: "transient_not_allowed",
            title: "The key may not start calls with an inline (transient) assistant.",
            evidence: ["The key's transient assistants are off; the call defined its assistant inline."],
            confirmed: true,
            fix: allowTransientFix(f.target, f.role),
          },
    );
}

/** Whether `value` grants `needed`: an ElevenLabs permission by name; a DocSpace scope by name, by
 * `*`, by `*:read`/`*:write`, or a read scope by its write scope. */
function grants(kind: "permission_list" | "scopes", value: "all" | string[], needed: string): boolean {
  if (value === "all" || value.includes(needed)) return true;
  if (kind !== "scopes") return false;
  const [area, access] = needed.split(":");
  return (
    value.includes("*") ||
    value.includes(`*:${access}`) ||
    (access === "read" && value.includes(`${area}:write`))
  );
}

/** The permission (ElevenLabs) or scope (DocSpace) the operation needs or the error names. */
function checkPermission(f: DoctorFacts, key: KeyNow, add: (cause: Cause) => void, checks: Check[]): void {
  const p = key.permissions;
  if (p.kind === "key_type") return;
  const word = p.kind === "scopes" ? "scope" : "permission";
  const what = p.kind === "scopes" ? "Scope" : "Permission";
  // The operation picked (from the table of this key's model), else the error's own words.
  const operation = f.operation?.model === p.kind ? f.operation : null;
  const needed = operation?.permission ?? f.signals.permission;
  if (!needed) {
    checks.push({ what, result: "not_checked", detail: "Pick the operation the caller tried to check it" });
    return;
  }
  const why = operation
    ? `${operation.label} (${operation.call}) needs ${needed}`
    : `The error names ${needed}`;
  if (grants(p.kind, p.value, needed)) {
    checks.push({
      what,
      result: "ok",
      detail: `${why}; the key has it${p.value === "all" ? ` (all ${word}s)` : ""}`,
    });
    if (f.signals.kind === "missing_permission")
      add({
        kind: "missing_permission",
        title: `The error says the key lacked ${f.signals.permission ?? `a ${word}`}, but it has ${needed} now.`,
        evidence: ["It may have been added since the call failed: ask the caller to try again."],
        confirmed: false,
        fix: null,
      });
    return;
  }
  const list = p.value as string[];
  const known =
    p.kind === "permission_list"
      ? isPermission(needed)
      : (DOCSPACE_SCOPES as readonly string[]).includes(needed);
  add({
    kind: "missing_permission",
    title: `The key lacks the ${word} ${needed}.`,
    evidence: [
      `${why}; the key has ${list.length === 0 ? `no ${word}s` : list.join(", ")}.`,
      ...(known
        ? []
        : [
            `${needed} is not a ${word} an API key can be given: the call needs another kind of key (a workspace admin's).`,
          ]),
    ],
    confirmed: true,
    fix: known ? addPermissionFix(f.target, f.role, p, needed) : null,
  });
  checks.push({ what, result: "problem", detail: `${why}; the key lacks it` });
}

function finish(causes: Scored[], checks: Check[]): { causes: Cause[]; checks: Check[] } {
  return {
    causes: causes
      .sort((a, b) => b.score - a.score)
      .map((c): Cause => ({
        kind: c.kind,
        title: c.title,
        evidence: c.evidence,
        confirmed: c.confirmed,
        fix: c.fix,
      })),
    checks,
  };
}
