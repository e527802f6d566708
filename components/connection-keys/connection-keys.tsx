"use client";

import { useState } from "react";
import { AsOf } from "@/components/ui/as-of";
import { Button } from "@/components/ui/button";
import { FeedbackMessage, useFeedback, type NotifyOptions } from "@/components/ui/feedback";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { errorDetails } from "@/lib/http/client";
import type { Role } from "@/lib/roles";
import { CapabilityNotes } from "./capability-notes";
import { keyActions } from "./key-actions.logic";
import type { KeyDialog } from "./key-row-actions";
import { ConnectionKeysTable } from "./keys-table";
import { useConnectionKeys } from "./queries";
import type { ConnectionKeyView } from "./types";

// Not in the page's first load (components/ui/lazy-dialog.tsx).
const CreateKeyDialog = lazyDialog(
  () => import("./create-key-dialog"),
  (m) => m.CreateKeyDialog,
);
const EditKeyDialog = lazyDialog(
  () => import("./edit-key-dialog"),
  (m) => m.EditKeyDialog,
);
const StatusDialog = lazyDialog(
  () => import("./status-dialog"),
  (m) => m.StatusDialog,
);
const LeakDialog = lazyDialog(
  () => import("./leak-dialog"),
  (m) => m.LeakDialog,
);
const DeleteKeyDialog = lazyDialog(
  () => import("./delete-key-dialog"),
  (m) => m.DeleteKeyDialog,
);

type Open = { kind: KeyDialog; key: ConnectionKeyView } | { kind: "create" } | null;

/** One connection's keys: the read (loading, error, empty), the table, and the dialogs it opens. */
export function ConnectionKeys({ connectionId, role }: { connectionId: string; role: Role }) {
  const read = useConnectionKeys(connectionId);
  const { feedback, notify, clear } = useFeedback();
  const [open, setOpen] = useState<Open>(null);
  usePreloadDialogs(CreateKeyDialog, EditKeyDialog, StatusDialog, LeakDialog, DeleteKeyDialog);
  const close = () => setOpen(null);
  const done = (message: string, options?: NotifyOptions) => {
    setOpen(null);
    notify(message, options);
  };

  if (!read.data) {
    return read.isError ? (
      <QueryErrorPanel
        title="Keydesk could not load this connection's keys."
        error={read.error}
        onRetry={() => void read.refetch()}
        retrying={read.isFetching}
      />
    ) : (
      <p
        role="status"
        className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600"
      >
        Loading keys…
      </p>
    );
  }

  const { connection, capabilities, keys, readAt } = read.data;
  // Groups to create a key in: every one the provider lists (those with no keys yet too), else
  // those the keys show.
  const groups = read.data.groups ?? [
    ...new Map(keys.flatMap((k) => (k.group ? [[k.group.id, k.group] as const] : []))).values(),
  ];
  const actionKey = open && open.kind !== "create" ? open.key : null;
  return (
    <div className="space-y-4">
      <CapabilityNotes capabilities={capabilities} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-baseline gap-3">
          <p className="text-sm text-slate-600" aria-live="polite">
            {keys.length} {keys.length === 1 ? "key" : "keys"}.{read.isFetching ? " Refreshing…" : ""}
          </p>
          <AsOf generatedAt={readAt} />
        </div>
        {role === "admin" ? (
          <Button type="button" variant="primary" onClick={() => setOpen({ kind: "create" })}>
            Create key
          </Button>
        ) : null}
      </div>
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {read.isError ? (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          The keys could not be refreshed; showing what was last loaded. {errorDetails(read.error)}
        </p>
      ) : null}
      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {connection.name} has no API keys yet.
        </p>
      ) : (
        <ConnectionKeysTable
          keys={keys}
          capabilities={capabilities}
          role={role}
          caption={`API keys of ${connection.name}`}
          connectionId={connectionId}
          onOpen={(kind, key) => setOpen({ kind, key })}
        />
      )}
      {open?.kind === "create" ? (
        <CreateKeyDialog
          connectionId={connectionId}
          connectionName={connection.name}
          capabilities={capabilities}
          groups={groups}
          onClose={close}
          onCreated={notify}
        />
      ) : null}
      {actionKey && open?.kind === "edit" ? (
        <EditKeyDialog
          connectionId={connectionId}
          capabilities={capabilities}
          apiKey={actionKey}
          onClose={close}
          onSaved={done}
        />
      ) : null}
      {actionKey && open?.kind === "status" ? (
        <StatusDialog connectionId={connectionId} apiKey={actionKey} onClose={close} onDone={done} />
      ) : null}
      {actionKey && open?.kind === "leak" ? (
        <LeakDialog
          connectionId={connectionId}
          apiKey={actionKey}
          responses={keyActions(capabilities, role, actionKey).leak}
          onClose={close}
          onDone={done}
        />
      ) : null}
      {actionKey && open?.kind === "delete" ? (
        <DeleteKeyDialog connectionId={connectionId} apiKey={actionKey} onClose={close} onDone={done} />
      ) : null}
    </div>
  );
}
