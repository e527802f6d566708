// What a person may do with one key, from the provider's capabilities and their role (the API
// checks the same; this only keeps the page from offering what would be refused): admins all the
// provider allows, support switching a key off and on (or rotating it where there is no switch),
// reviewers nothing. An expired key of a provider that freezes them can only be rotated or deleted.
import type { Role } from "@/lib/roles";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { isExpired } from "./key-text.logic";
import type { ConnectionKeyView } from "./types";

export type LeakResponse = ProviderCapabilities["leakResponses"][number];

export interface KeyActions {
  edit: boolean;
  /** Enable or disable it. */
  toggle: boolean;
  /** The leak responses offered, first choice first; empty: none. */
  leak: LeakResponse[];
  delete: boolean;
  /** Expired on a provider that freezes expired keys. */
  frozen: boolean;
}

export function keyActions(
  capabilities: ProviderCapabilities,
  role: Role,
  key: Pick<ConnectionKeyView, "expiresAt" | "enabled">,
  now: number = Date.now(),
): KeyActions {
  const frozen = capabilities.expiredKeysAreFrozen && isExpired(key.expiresAt, now);
  const canSwitch = capabilities.disable && key.enabled !== null && !frozen;
  const usable = (r: LeakResponse) => r !== "disable" || (canSwitch && key.enabled === true);
  if (role === "admin") {
    return {
      edit: !frozen,
      toggle: canSwitch,
      leak: capabilities.leakResponses.filter(usable),
      delete: true,
      frozen,
    };
  }
  if (role === "support") {
    const leak: LeakResponse[] = capabilities.disable
      ? capabilities.leakResponses.filter((r) => r === "disable" && usable(r))
      : capabilities.leakResponses.filter((r) => r === "rotate");
    return { edit: false, toggle: canSwitch, leak, delete: false, frozen };
  }
  return { edit: false, toggle: false, leak: [], delete: false, frozen };
}
