// Who may do what to a connection's keys, beyond the route's own role list. Admins: everything.
// Support: switch a key on or off (a reason is required to switch it off), nothing else; and rotate
// where the provider cannot disable, because rotation is then the only leak response short of
// deleting (which stays an admin's). Pure functions of the role, the body and the capabilities.
import { ApiError } from "@/lib/http/api-error";
import type { Role } from "@/lib/roles";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { CHANGE_FIELDS } from "./schema";
import type { ConnectionKeyChangeBody } from "./types";

export function checkChangeRole(role: Role, change: ConnectionKeyChangeBody): void {
  if (role === "admin") return;
  if (role !== "support") throw new ApiError("forbidden", "Your role does not allow changing keys.");
  const others = CHANGE_FIELDS.filter((f) => f !== "enabled" && change[f] !== undefined);
  if (others.length > 0)
    throw new ApiError(
      "forbidden",
      `Support may only enable or disable a key, not change ${others.join(", ")}.`,
      { fields: others.map((f) => ({ path: [f], message: "Support may only enable or disable a key" })) },
    );
  if (change.enabled === false && !change.reason)
    throw new ApiError("validation_failed", "reason: Give a reason for disabling the key", {
      fields: [{ path: ["reason"], message: "Give a reason" }],
    });
}

export function checkRotateRole(role: Role, caps: ProviderCapabilities): void {
  if (role === "admin") return;
  if (role === "support" && !caps.disable) return;
  throw new ApiError(
    "forbidden",
    role === "support"
      ? `Support disables a leaked ${caps.label} key; rotating it is an admin's.`
      : "Your role does not allow rotating keys.",
  );
}
