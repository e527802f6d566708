// The risk flags a reviewer scans the inventory for. Each one is a plain fact about a key, so the
// table can filter on any combination and count them; none of them says a key is wrong by itself.
import { usageLevel } from "@/lib/keys/summary";
import type { Permission } from "@/lib/permissions";
import type { InventoryKey, RiskFlag } from "./types";

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

/** Labels are short enough for a badge; explanations are the hover text: why it matters. */
export const RISK_FLAG_INFO: Record<RiskFlag, { label: string; explanation: string }> = {
  unrestricted: {
    label: "Unrestricted",
    explanation:
      "The key has every permission, including any ElevenLabs adds later, so a leak exposes everything.",
  },
  privileged: {
    label: "Privileged",
    explanation:
      "The key can change the workspace or its members, or create more keys, so a leak can spread beyond this key.",
  },
  no_allowlist: {
    label: "No IP allowlist",
    explanation: "The key works from any IP address, so a leaked copy can be used from anywhere.",
  },
  no_limit: {
    label: "No monthly limit",
    explanation:
      "Nothing caps the characters the key can spend in a month, so misuse is limited only by the account's credits.",
  },
  near_limit: {
    label: "Near limit",
    explanation: "The key has used at least 80% of its monthly character limit and may soon be refused.",
  },
  disabled: {
    label: "Disabled",
    explanation:
      "The key is switched off; if nothing needs it any more, deleting it removes one more secret to guard.",
  },
  rotating: {
    label: "Rotating",
    explanation:
      "The key is in an unfinished rotation, so an old secret may still be live alongside its replacement.",
  },
  unseen: {
    label: "Outside Keydesk",
    explanation:
      "The key appeared without being created through Keydesk, so nobody here has reviewed who made it or why.",
  },
};

export function isPrivileged(permissions: InventoryKey["permissions"]): boolean {
  return permissions === "all" || permissions.some((p) => PRIVILEGED_SET.has(p));
}

/** The key's flags, in RISK_FLAGS order. */
export function riskFlags(key: InventoryKey): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (key.permissions === "all") flags.push("unrestricted");
  if (isPrivileged(key.permissions)) flags.push("privileged");
  if (key.allowedIps === null) flags.push("no_allowlist");
  if (key.characterLimit === null) flags.push("no_limit");
  const { level } = usageLevel(key);
  if (level === "warning" || level === "danger") flags.push("near_limit");
  if (!key.enabled) flags.push("disabled");
  if (key.rotation !== null) flags.push("rotating");
  if (key.origin === "outside") flags.push("unseen");
  return flags;
}
