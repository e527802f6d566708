"use client";

import { Link } from "@/components/ui/link";
import type { ConnectionSearch, OtherKey } from "@/lib/find-key/types";
import { keyHref } from "@/lib/key-href";

const disableButton =
  "rounded-md bg-red-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-60";

/** The other responses, in words: "rotate (create a twin, then delete the old key) or delete". */
function otherResponses(responses: ConnectionSearch["leak"]["responses"]): string {
  const words = { rotate: "rotate it (create a twin, then delete this key)", delete: "delete it" } as const;
  return responses.flatMap((r) => (r === "disable" ? [] : [words[r]])).join(" or ");
}

/**
 * What to do about a leaked key of another connection, from its provider's capabilities: Disable
 * now where the provider can switch a key off, otherwise its key page, where it can be rotated or
 * deleted, saying why there is no disable.
 */
export function LeakResponseCell({
  search,
  apiKey,
  canDisable,
  onDisable,
}: {
  search: ConnectionSearch;
  apiKey: OtherKey;
  canDisable: boolean;
  onDisable: () => void;
}) {
  const { connection, leak } = search;
  const keyPage = keyHref({ connectionId: connection.id, group: apiKey.group?.id ?? null, keyId: apiKey.id });
  if (leak.disable) {
    if (!canDisable || apiKey.enabled !== true) return null;
    return (
      <button type="button" onClick={onDisable} className={disableButton}>
        Disable now<span className="sr-only"> {apiKey.name}</span>
      </button>
    );
  }
  return (
    <div className="max-w-56 space-y-1 text-xs text-slate-700">
      <p>
        {connection.providerLabel} keys cannot be disabled: {otherResponses(leak.responses)}.
      </p>
      <Link href={keyPage} className="font-medium text-indigo-700 hover:underline">
        Open key page<span className="sr-only"> to rotate or delete {apiKey.name}</span>
      </Link>
    </div>
  );
}
