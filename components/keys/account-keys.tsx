"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import type { Role } from "@/lib/roles";
import type { KeyView, ServiceAccountView } from "@/lib/keys/view";
import { errorDetails } from "@/lib/http/client";
import { useSetKeyEnabled } from "@/lib/keys/set-enabled";
import { useServiceAccountKeys } from "@/lib/keys/queries";
import { FeedbackMessage, useFeedback, type NotifyOptions } from "@/components/ui/feedback";
import type { KeyAction } from "./key-row";
import { KeysTable } from "./keys-table";
import { LazyRotationReminder } from "./rotation-reminder-lazy";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { failureText } from "./write-outcome";
import { usePreloadDialogs } from "@/components/ui/lazy-dialog";
import {
  CreateKeyDialog,
  DeleteKeyDialog,
  EditKeyDialog,
  FinishRotationDialog,
  RotateKeyDialog,
  StatusReasonDialog,
} from "./lazy-dialogs";
import { toastKeyWrite } from "./write-toast";

type Open =
  { kind: Exclude<KeyAction, "status"> | "status-reason"; key: KeyView } | { kind: "create" } | null;

/** One service account's keys: the table, its controls, and the dialogs they open. */
export function AccountKeys({ account, role }: { account: ServiceAccountView; role: Role }) {
  const keys = useServiceAccountKeys(account.id);
  const setEnabled = useSetKeyEnabled();
  const { feedback, notify, fail, clear } = useFeedback();
  const [open, setOpen] = useState<Open>(null);
  usePreloadDialogs(
    CreateKeyDialog,
    EditKeyDialog,
    StatusReasonDialog,
    DeleteKeyDialog,
    RotateKeyDialog,
    FinishRotationDialog,
  );
  const close = () => setOpen(null);
  const done = (message: string, options?: NotifyOptions) => {
    setOpen(null);
    notify(message, options);
  };

  const onAction = (action: KeyAction, key: KeyView) => {
    if (action !== "status") return setOpen({ kind: action, key });
    // Disabling always asks why; support must say why for enabling too. An admin enables at once.
    if (key.enabled || role !== "admin") return setOpen({ kind: "status-reason", key });
    setEnabled.mutate(
      { saId: key.serviceAccountId, keyId: key.id, enabled: true, was: false },
      {
        onSuccess: ({ reconciled }) => {
          notify(reconciled ? `${key.name}: ${reconciled.message}` : `Enabled ${key.name}.`, {
            toasted: !reconciled,
          });
          toastKeyWrite(key.name, "enabled");
        },
        onError: (error) => fail(failureText(error, `${key.name} was not enabled; it is still disabled.`)),
      },
    );
  };

  const busy = new Set(setEnabled.isPending && setEnabled.variables ? [setEnabled.variables.keyId] : []);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          {keys.data
            ? `${keys.data.length} ${keys.data.length === 1 ? "key" : "keys"}, ${keys.data.filter((k) => k.enabled).length} enabled.`
            : ""}
          {keys.isFetching ? " Refreshing…" : ""}
        </p>
        {role === "admin" ? (
          <Button type="button" onClick={() => setOpen({ kind: "create" })} variant="primary">
            Create key
          </Button>
        ) : null}
      </div>
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {keys.data ? (
        <LazyRotationReminder
          keys={keys.data}
          onFinish={role === "admin" ? (key) => setOpen({ kind: "finish-rotation", key }) : undefined}
        />
      ) : null}
      {keys.isError && keys.data ? (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          The keys could not be refreshed; showing what was last loaded. {errorDetails(keys.error)}
        </p>
      ) : null}
      {keys.data ? (
        <KeysTable
          keys={keys.data}
          caption={`API keys of ${account.name}`}
          controls={{ role, busyKeyIds: busy, onAction }}
        />
      ) : keys.isError ? (
        <QueryErrorPanel
          title="Keydesk could not load the keys."
          error={keys.error}
          onRetry={() => void keys.refetch()}
          retrying={keys.isFetching}
        />
      ) : (
        <p
          role="status"
          className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600"
        >
          Loading keys…
        </p>
      )}
      {open?.kind === "create" ? (
        <CreateKeyDialog saId={account.id} accountName={account.name} onClose={close} onCreated={notify} />
      ) : null}
      {open?.kind === "edit" ? <EditKeyDialog apiKey={open.key} onClose={close} onSaved={done} /> : null}
      {open?.kind === "status-reason" ? (
        <StatusReasonDialog apiKey={open.key} onClose={close} onDone={done} />
      ) : null}
      {open?.kind === "delete" ? <DeleteKeyDialog apiKey={open.key} onClose={close} onDone={done} /> : null}
      {open?.kind === "rotate" ? <RotateKeyDialog apiKey={open.key} onClose={close} onDone={notify} /> : null}
      {open?.kind === "finish-rotation" ? (
        <FinishRotationDialog apiKey={open.key} onClose={close} onDone={done} />
      ) : null}
    </div>
  );
}
