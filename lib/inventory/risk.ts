// The risk flags a reviewer scans the inventory for. Each one is a plain fact about a key, so the
// table can filter on any combination and count them; none of them says a key is wrong by itself.
// Which flags a key can have follows its provider's capabilities (plain data): an allowlist flag
// only where keys can have an allowlist, an expiry flag only where keys can expire, and so on.
import { usageLevel } from "@/lib/keys/summary";
import type { Permission } from "@/lib/permissions";
import type { KeyPermissions, ProviderCapabilities } from "@/lib/providers/types";
import type { InventoryKey, RiskFlag } from "./types";

/** A key not used for this long is "stale": a secret nobody needs is one more to guard. */
export const STALE_AFTER_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Permissions that change the workspace or who can get into it, rather than use ElevenLabs'
 * products: a leaked key with one of these can mint more keys or add and remove people.
 */
export const PRIVILEGED_PERMISSIONS = [
  "workspace_write",
  "service_account_write",
  "create_user_api_key",
  "group_members_manage",
  "workspace_members_invite",
  "workspace_members_remove",
] as const satisfies readonly Permission[];

const PRIVILEGED_SET: ReadonlySet<Permission> = new Set(PRIVILEGED_PERMISSIONS);

/**
 * Labels are short enough for a badge; `summary` is the one line shown under a count (the
 * overview's tiles), in words a newcomer reads at a glance; explanations are the hover text and
 * the legend: why it matters.
 */
export const RISK_FLAG_INFO: Record<RiskFlag, { label: string; summary: string; explanation: string }> = {
  unrestricted: {
    label: "Unrestricted",
    summary: "Keys with every permission",
    explanation:
      "The key has every permission (ElevenLabs: all, including any added later; DocSpace: the * scope or write on everything), so a leak exposes everything.",
  },
  privileged: {
    label: "Privileged",
    summary: "Keys that can change the workspace or make keys",
    explanation:
      "The key can change the workspace or its members, or create more keys, so a leak can spread beyond this key.",
  },
  no_allowlist: {
    label: "No IP allowlist",
    summary: "Keys usable from any IP address",
    explanation: "The key works from any IP address, so a leaked copy can be used from anywhere.",
  },
  no_limit: {
    label: "No monthly limit",
    summary: "Keys with no monthly character cap",
    explanation:
      "Nothing caps the characters the key can spend in a month, so misuse is limited only by the account's credits.",
  },
  near_limit: {
    label: "Near limit",
    summary: "Keys at 80% or more of their monthly limit",
    explanation: "The key has used at least 80% of its monthly character limit and may soon be refused.",
  },
  disabled: {
    label: "Disabled",
    summary: "Keys switched off",
    explanation:
      "The key is switched off; if nothing needs it any more, deleting it removes one more secret to guard.",
  },
  rotating: {
    label: "Rotating",
    summary: "Keys with an unfinished rotation",
    explanation:
      "The key is in an unfinished rotation, so an old secret may still be live alongside its replacement.",
  },
  unseen: {
    label: "Outside Keydesk",
    summary: "Keys made outside Keydesk",
    explanation:
      "The key appeared without being created through Keydesk, so nobody here has reviewed who made it or why.",
  },
  private_key: {
    label: "Private key",
    summary: "Server-side keys with full account access",
    explanation:
      "The key is a private (server-side) key with full access to the account, so a leak acts as the account.",
  },
  any_origin: {
    label: "Any website",
    summary: "Public keys any website may use",
    explanation:
      "The public key may be used from any website: an origin list is enforced by browsers only, but without one any site can embed the key.",
  },
  all_assistants: {
    label: "Every assistant",
    summary: "Keys that may use every assistant",
    explanation: "The key may use every assistant of the account, including any added later.",
  },
  no_expiry: {
    label: "No expiry",
    summary: "Keys that never expire",
    explanation: "The key never expires, so a forgotten or leaked copy works until someone deletes it.",
  },
  expired: {
    label: "Expired",
    summary: "Keys past their expiry date",
    explanation:
      "The key has expired and no longer works; it can no longer be changed, only deleted, so delete it if nothing needs it.",
  },
  stale: {
    label: `Unused ${STALE_AFTER_DAYS} days`,
    summary: `Keys with no use for ${STALE_AFTER_DAYS} days`,
    explanation: `The key has not been used for ${STALE_AFTER_DAYS} days (or ever, and is that old), so it may no longer be needed.`,
  },
  no_use_this_month: {
    label: "No use this month",
    summary: "Enabled keys that used no characters this month",
    explanation:
      "The key is enabled, existed before this month began, and has used no characters this month, so it may no longer be needed.",
  },
};

export function isPrivileged(permissions: InventoryKey["permissions"]): boolean {
  return permissions === "all" || permissions.some((p) => PRIVILEGED_SET.has(p));
}

/** Everything, in the key's permission model: ElevenLabs' "all", DocSpace's `*` or `*:write`. */
export function isUnrestricted(access: KeyPermissions): boolean {
  if (access.kind === "key_type") return false;
  return access.value === "all" || (access.kind === "scopes" && access.value.includes("*:write"));
}

/** The key's permissions in its provider's model: the primary's keys carry ElevenLabs' list. */
export function accessOf(key: InventoryKey): KeyPermissions {
  return key.details?.access ?? { kind: "permission_list", value: key.permissions, unknown: [] };
}

/** The first moment of `now`'s calendar month, UTC (the provider's usage month, as near as Keydesk can tell). */
const startOfMonthUtc = (now: number) => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * "No use this month": the usage counterpart of "stale" where a provider reports a month's usage
 * (ElevenLabs' character count) instead of a last-used time. Only for enabled keys with a limit
 * above 0 (a disabled or blocked key cannot be used: "disabled" and "near limit" say so already) that existed before the month began (a key made
 * yesterday is new, not unused); an unknown creation date does not hide the fact.
 */
function unusedThisMonth(key: InventoryKey, now: number): boolean {
  // A limit of 0 blocks the key, like disabling it: nothing to learn from its silence either.
  if (key.characterCount !== 0 || key.enabled !== true || key.characterLimit === 0) return false;
  const created = key.createdAt ? Date.parse(key.createdAt) : NaN;
  return Number.isNaN(created) || created < startOfMonthUtc(now);
}

const olderThan = (iso: string | null | undefined, days: number, now: number) => {
  const at = iso ? Date.parse(iso) : NaN;
  return !Number.isNaN(at) && now - at >= days * DAY_MS;
};

/** The provider counts each key's use this month (capabilities null: the primary, ElevenLabs). */
const reportsUsage = (capabilities: ProviderCapabilities | null) =>
  capabilities === null || capabilities.characterLimit?.reportsUsage === true;

/**
 * The key's flags, in RISK_FLAGS order. `capabilities` null: a key of the primary connection read
 * without its connection (the overview), whose flags are ElevenLabs' as they always were.
 */
export function riskFlags(
  key: InventoryKey,
  capabilities: ProviderCapabilities | null = null,
  now: number = Date.now(),
): RiskFlag[] {
  const can = <K extends keyof ProviderCapabilities>(k: K) => capabilities === null || !!capabilities[k];
  const access = accessOf(key);
  const details = key.details;
  const flags: RiskFlag[] = [];
  if (isUnrestricted(access)) flags.push("unrestricted");
  if (access.kind === "permission_list" && isPrivileged(access.value as InventoryKey["permissions"]))
    flags.push("privileged");
  if (access.kind === "key_type" && access.value === "private") flags.push("private_key");
  if (can("ipAllowlist") && key.allowedIps === null) flags.push("no_allowlist");
  const origins = details?.restrictions.allowedOrigins;
  // Origins restrict public (browser) keys; a private key is flagged for what it is instead.
  if (capabilities?.originRestriction && origins?.length === 0 && !flags.includes("private_key"))
    flags.push("any_origin");
  if (capabilities?.resourceRestriction && details?.restrictions.assistants?.allowed.length === 0)
    flags.push("all_assistants");
  if (can("characterLimit")) {
    if (key.characterLimit === null) flags.push("no_limit");
    const { level } = usageLevel(key);
    if (level === "warning" || level === "danger") flags.push("near_limit");
  }
  if (capabilities?.expiry && details) {
    if (details.expiresAt === null) flags.push("no_expiry");
    else if (olderThan(details.expiresAt, 0, now)) flags.push("expired");
  }
  if (key.enabled === false) flags.push("disabled");
  // Never used counts from the key's creation: a key made 90 days ago and never used is stale too.
  if (
    capabilities?.lastUsed &&
    details &&
    olderThan(details.lastUsedAt ?? key.createdAt, STALE_AFTER_DAYS, now)
  )
    flags.push("stale");
  if (reportsUsage(capabilities) && unusedThisMonth(key, now)) flags.push("no_use_this_month");
  if (key.rotation !== null) flags.push("rotating");
  if (key.origin === "outside") flags.push("unseen");
  return flags;
}
