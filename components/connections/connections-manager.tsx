"use client";

import { useMemo, useState } from "react";
import { FeedbackMessage, useFeedback } from "@/components/ui/feedback";
import { errorDetails } from "@/lib/http/client";
import { useConnections, useTestConnection } from "@/lib/connections/queries";
import type { ConnectionView } from "@/lib/connections/types";
import { AddConnectionForm } from "./add-connection-form";
import { ConnectionTable, type ConnectionRowActions } from "./connection-table";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";

// Not in the page's first load (components/ui/lazy-dialog.tsx): Radix's dialog comes with them.
const RenameConnectionDialog = lazyDialog(
  () => import("./rename-connection-dialog"),
  (m) => m.RenameConnectionDialog,
);
const RemoveConnectionDialog = lazyDialog(
  () => import("./remove-connection-dialog"),
  (m) => m.RemoveConnectionDialog,
);

/** The Connections page's interactive part: the list (from the server's first render), its actions and the add form. */
export function ConnectionsManager() {
  usePreloadDialogs(RenameConnectionDialog, RemoveConnectionDialog);
  const connections = useConnections();
  const test = useTestConnection();
  const { feedback, notify, fail, clear } = useFeedback();
  const [renaming, setRenaming] = useState<ConnectionView | null>(null);
  const [removing, setRemoving] = useState<ConnectionView | null>(null);

  const actions: ConnectionRowActions = useMemo(
    () => ({
      testing: test.isPending ? (test.variables ?? null) : null,
      test: (c) => {
        clear();
        test.mutate(c.id, {
          onSuccess: (answer) => notify(`${c.name} works: ${answer.summary}.`),
          onError: (error) => fail(`${c.name} failed its test. ${errorDetails(error)}`),
        });
      },
      askRename: setRenaming,
      askRemove: setRemoving,
    }),
    [test, notify, fail, clear],
  );

  const done = (close: () => void) => (message: string) => {
    close();
    notify(message);
  };

  return (
    <div className="space-y-6">
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {connections.data ? (
        <ConnectionTable connections={connections.data} actions={actions} />
      ) : connections.error ? (
        <p role="alert" className="text-sm text-red-900">
          {errorDetails(connections.error)}
        </p>
      ) : null}
      <AddConnectionForm
        onAdded={({ connection, summary }) =>
          notify(`Added ${connection.name}; its credential works: ${summary}.`)
        }
      />
      {renaming ? (
        <RenameConnectionDialog
          connection={renaming}
          onClose={() => setRenaming(null)}
          onDone={done(() => setRenaming(null))}
        />
      ) : null}
      {removing ? (
        <RemoveConnectionDialog
          connection={removing}
          onClose={() => setRemoving(null)}
          onDone={done(() => setRemoving(null))}
        />
      ) : null}
    </div>
  );
}
