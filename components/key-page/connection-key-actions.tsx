"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { keyActions } from "@/components/connection-keys/key-actions.logic";
import { KeyRowActions, type KeyDialog } from "@/components/connection-keys/key-row-actions";
import type { ConnectionKeyView } from "@/components/connection-keys/types";
import { FeedbackMessage, useFeedback, type NotifyOptions } from "@/components/ui/feedback";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import type { ProviderCapabilities } from "@/lib/providers/types";
import type { Role } from "@/lib/roles";
import { NoActionsNote } from "./no-actions-note";

// The connection page's own dialogs, not in the page's first load (components/ui/lazy-dialog.tsx).
const EditKeyDialog = lazyDialog(
  () => import("@/components/connection-keys/edit-key-dialog"),
  (m) => m.EditKeyDialog,
);
const StatusDialog = lazyDialog(
  () => import("@/components/connection-keys/status-dialog"),
  (m) => m.StatusDialog,
);
const LeakDialog = lazyDialog(
  () => import("@/components/connection-keys/leak-dialog"),
  (m) => m.LeakDialog,
);
const DeleteKeyDialog = lazyDialog(
  () => import("@/components/connection-keys/delete-key-dialog"),
  (m) => m.DeleteKeyDialog,
);

/**
 * What this person may do with a key of another connection: the same buttons as its row on the
 * connection's page, from the provider's capabilities and the role (keyActions). After a change the
 * page is read again from the server. `apiKey` null: the key is gone; only the last message stays.
 */
export function ConnectionKeyActions({
  connectionId,
  capabilities,
  apiKey,
  role,
}: {
  connectionId: string;
  capabilities: ProviderCapabilities;
  apiKey: ConnectionKeyView | null;
  role: Role;
}) {
  const router = useRouter();
  const { feedback, notify, clear } = useFeedback();
  const [open, setOpen] = useState<KeyDialog | null>(null);
  usePreloadDialogs(EditKeyDialog, StatusDialog, LeakDialog, DeleteKeyDialog);
  const close = () => setOpen(null);
  const done = (message: string, options?: NotifyOptions) => {
    setOpen(null);
    notify(message, options);
    router.refresh();
  };
  const actions = apiKey ? keyActions(capabilities, role, apiKey) : null;
  const any = actions && (actions.edit || actions.toggle || actions.delete || actions.leak.length > 0);
  return (
    <div className="space-y-3">
      {apiKey && actions ? (
        any ? (
          <div role="group" aria-label="Actions on this key" className="flex">
            <KeyRowActions apiKey={apiKey} actions={actions} onOpen={(dialog) => setOpen(dialog)} />
          </div>
        ) : role === "reviewer" ? (
          <NoActionsNote />
        ) : null
      ) : null}
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {apiKey && open === "edit" ? (
        <EditKeyDialog
          connectionId={connectionId}
          capabilities={capabilities}
          apiKey={apiKey}
          onClose={close}
          onSaved={done}
        />
      ) : null}
      {apiKey && open === "status" ? (
        <StatusDialog connectionId={connectionId} apiKey={apiKey} onClose={close} onDone={done} />
      ) : null}
      {apiKey && actions && open === "leak" ? (
        <LeakDialog
          connectionId={connectionId}
          apiKey={apiKey}
          responses={actions.leak}
          onClose={close}
          onDone={done}
        />
      ) : null}
      {apiKey && open === "delete" ? (
        <DeleteKeyDialog connectionId={connectionId} apiKey={apiKey} onClose={close} onDone={done} />
      ) : null}
    </div>
  );
}
