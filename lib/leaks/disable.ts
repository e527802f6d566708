// Switching a reported key off, through the same audited paths a person's "Disable" takes: the
// primary workspace's through lib/keys (changeKey: re-read, one write, an attempt and a completion
// row, the reason on both), another connection's through lib/find-key's disableElsewhere (which
// asks the provider whether it can disable, and reads the key first). The actor is the scanner.
import "server-only";
import type { EverywhereDeps } from "@/lib/find-key/everywhere";
import { disableElsewhere } from "@/lib/find-key/disable-elsewhere";
import { ApiError } from "@/lib/http/api-error";
import { changeKey, type KeyActionContext } from "@/lib/keys";
import { logServerError } from "@/lib/log/server-error";
import type { ExactMatch } from "./match";
import type { LeakOutcome } from "./types";

export async function disableMatch(
  deps: EverywhereDeps,
  ctx: KeyActionContext,
  match: ExactMatch,
  reason: string,
  autoDisable: boolean,
): Promise<LeakOutcome> {
  if (match.where === "other" && !match.canDisable) return "cannot_disable";
  if (match.enabled === false) return "already_disabled";
  if (!autoDisable) return "not_disabled";
  try {
    if (match.where === "primary") {
      await changeKey(deps.keys, ctx, match.key.group!.id, match.key.keyId, {
        enabled: false,
        reason,
        expected: { enabled: true },
      });
    } else {
      await disableElsewhere(deps.connections, ctx, {
        connectionId: match.key.connectionId,
        keyId: match.key.keyId,
        reason,
      });
    }
    return "disabled";
  } catch (error) {
    // Switched off meanwhile (by a person, or by another message reporting the same key).
    if (ApiError.is(error) && error.code === "conflict") return "already_disabled";
    // The audit row holds the upstream's answer; the log says which step failed, never the token.
    logServerError("a reported key could not be disabled", error, ctx.info.requestId);
    return "disable_failed";
  }
}
