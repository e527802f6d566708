"use client";

import { Button } from "@/components/ui/button";
import { visibleText } from "@/lib/format";
import type { KeyActions } from "./key-actions.logic";
import type { ConnectionKeyView } from "./types";

export type KeyDialog = "edit" | "status" | "leak" | "delete";

/** The buttons of one key's row: only what this person may do with it. */
export function KeyRowActions({
  apiKey,
  actions,
  onOpen,
}: {
  apiKey: ConnectionKeyView;
  actions: KeyActions;
  onOpen: (dialog: KeyDialog, key: ConnectionKeyView) => void;
}) {
  const name = <span className="sr-only"> {visibleText(apiKey.name)}</span>;
  return (
    <div className="flex flex-wrap justify-end gap-1">
      {actions.edit ? (
        <Button type="button" size="xs" variant="secondary" onClick={() => onOpen("edit", apiKey)}>
          Edit{name}
        </Button>
      ) : null}
      {actions.toggle ? (
        <Button type="button" size="xs" variant="secondary" onClick={() => onOpen("status", apiKey)}>
          {apiKey.enabled ? "Disable" : "Enable"}
          {name}
        </Button>
      ) : null}
      {actions.leak.length > 0 ? (
        <Button type="button" size="xs" variant="secondary" onClick={() => onOpen("leak", apiKey)}>
          Respond to a leak<span className="sr-only"> of {visibleText(apiKey.name)}</span>
        </Button>
      ) : null}
      {actions.delete ? (
        <Button
          type="button"
          size="xs"
          variant="secondary"
          className="text-red-800"
          onClick={() => onOpen("delete", apiKey)}
        >
          Delete{name}
        </Button>
      ) : null}
    </div>
  );
}
