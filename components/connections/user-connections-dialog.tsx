"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorDetails } from "@/lib/http/client";
import { PROVIDER_LABELS } from "@/lib/connections/providers";
import { useConnections, useSetUserConnections, useUserConnections } from "@/lib/connections/queries";
import type { ConnectionView } from "@/lib/connections/types";

export interface UserConnectionsTarget {
  id: string;
  email: string;
}

/** Limits a user to some connections; none ticked means every connection. */
export function UserConnectionsDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserConnectionsTarget | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={user ? `Connections of ${user.email}` : "Connections"}
      description="Tick the connections this person may use. With none ticked, they may use every connection. Admins always may use every one."
    >
      {user ? <Loader user={user} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function Loader(props: {
  user: UserConnectionsTarget;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const connections = useConnections();
  const limits = useUserConnections(props.user.id);
  if (connections.error || limits.error)
    return (
      <p role="alert" className="text-sm text-red-900">
        {errorDetails(connections.error ?? limits.error)}
      </p>
    );
  if (!connections.data || limits.data === undefined)
    return <p className="text-sm text-slate-600">Loading…</p>;
  return <Picker {...props} connections={connections.data} initial={limits.data ?? []} />;
}

function Picker({
  user,
  connections,
  initial,
  onClose,
  onDone,
}: {
  user: UserConnectionsTarget;
  connections: ConnectionView[];
  initial: string[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const save = useSetUserConnections(user.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set(initial));
  const [error, setError] = useState<string | null>(null);
  const toggle = (id: string) =>
    setChosen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = async () => {
    setError(null);
    try {
      const ids = connections.filter((c) => chosen.has(c.id)).map((c) => c.id);
      const saved = await save.mutateAsync(ids);
      onDone(
        saved === null
          ? `${user.email} may use every connection.`
          : `${user.email} may use ${saved.length} connection${saved.length === 1 ? "" : "s"} only.`,
      );
    } catch (e) {
      setError(errorDetails(e));
    }
  };
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="sr-only">Connections</legend>
        {connections.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
            <span className="font-medium">{c.name}</span>
            <span className="text-slate-600">({PROVIDER_LABELS[c.provider]})</span>
          </label>
        ))}
      </fieldset>
      <DialogActions
        error={error}
        onCancel={onClose}
        onConfirm={submit}
        pending={save.isPending}
        label="Save"
        pendingLabel="Saving…"
        variant="primary"
      />
    </div>
  );
}
