"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/roles";
import { errorMessage } from "@/lib/http/client";
import { useChangeUser } from "@/lib/users/queries";
import type { UserSummary } from "@/lib/users/types";

export interface RoleChange {
  user: UserSummary;
  role: Role;
}

export function roleName(user: UserSummary): string {
  if (user.pending) return "Pending (no access yet)";
  return user.role ? ROLE_LABELS[user.role] : "No role";
}

/** Asks before a role changes: who, from what, to what (a role is what someone may do to the keys). */
export function RoleChangeDialog({
  change,
  onClose,
  onDone,
}: {
  change: RoleChange | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const title = change
    ? change.user.pending
      ? `Give ${change.user.email} a role?`
      : `Change the role of ${change.user.email}?`
    : "Change role?";
  return (
    <Dialog open={change !== null} onClose={onClose} title={title}>
      {change ? <Confirm change={change} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function Confirm({
  change,
  onClose,
  onDone,
}: {
  change: RoleChange;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const mutation = useChangeUser();
  const [error, setError] = useState<string | null>(null);
  const { user, role } = change;
  const confirm = async () => {
    setError(null);
    try {
      await mutation.mutateAsync({ userId: user.id, change: { role } });
      onDone(`${user.email} is now ${ROLE_LABELS[role]}.`);
    } catch (e) {
      setError(`The role of ${user.email} was not changed: ${errorMessage(e)}`);
    }
  };
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">User</dt>
        <dd>
          {user.name} ({user.email})
        </dd>
        <dt className="font-medium text-slate-600">From</dt>
        <dd>{roleName(user)}</dd>
        <dt className="font-medium text-slate-600">To</dt>
        <dd>
          {ROLE_LABELS[role]}: <span className="text-slate-600">{ROLE_DESCRIPTIONS[role]}</span>
        </dd>
      </dl>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onClose} variant="secondary">
          Cancel
        </Button>
        <Button type="button" autoFocus onClick={confirm} disabled={mutation.isPending} variant="primary">
          {mutation.isPending ? "Saving…" : user.pending ? "Give role" : "Change role"}
        </Button>
      </div>
    </div>
  );
}
