"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import { useRenameConnection } from "@/lib/connections/queries";
import type { ConnectionView } from "@/lib/connections/types";

/** Renames a connection added on the page; a refused name keeps what was typed, with the reason. */
export function RenameConnectionDialog({
  connection,
  onClose,
  onDone,
}: {
  connection: ConnectionView | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog
      open={connection !== null}
      onClose={onClose}
      title={connection ? `Rename ${connection.name}` : "Rename"}
    >
      {connection ? (
        <RenameForm key={connection.id} connection={connection} onClose={onClose} onDone={onDone} />
      ) : null}
    </Dialog>
  );
}

function RenameForm({
  connection,
  onClose,
  onDone,
}: {
  connection: ConnectionView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const rename = useRenameConnection();
  const [name, setName] = useState(connection.name);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { connection: renamed } = await rename.mutateAsync({ id: connection.id, name });
      onDone(`Renamed ${connection.name} to ${renamed.name}.`);
    } catch (e) {
      setError(e instanceof ApiRequestError && e.fields[0] ? e.fields[0].message : errorDetails(e));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormField id="rename-connection-name" label="New name" error={error ?? undefined}>
        {(describedBy) => (
          <input
            id="rename-connection-name"
            type="text"
            autoComplete="off"
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </FormField>
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onClose} variant="secondary">
          Cancel
        </Button>
        <Button type="submit" disabled={rename.isPending} variant="primary">
          {rename.isPending ? "Renaming…" : "Rename"}
        </Button>
      </div>
    </form>
  );
}
