"use client";

import { useMemo, useState } from "react";
import { FeedbackMessage, useFeedback } from "@/components/ui/feedback";
import { errorDetails } from "@/lib/http/client";
import { useConnections, useTestConnection } from "@/lib/connections/queries";
import type { ConnectionView } from "@/lib/connections/types";
import { AddConnectionForm } from "./add-connection-form";
import { ConnectionTable, type ConnectionRowActions } from "./connection-table";
import { RemoveConnectionDialog } from "./remove-connection-dialog";
import { RenameConnectionDialog } from "./rename-connection-dialog";

/** The Connections page's interactive part: the list (from the server's first render), its actions and the add form. */
export function ConnectionsManager() {
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
      <RenameConnectionDialog
        connection={renaming}
        onClose={() => setRenaming(null)}
        onDone={done(() => setRenaming(null))}
      />
      <RemoveConnectionDialog
        connection={removing}
        onClose={() => setRemoving(null)}
        onDone={done(() => setRemoving(null))}
      />
    </div>
  );
}
