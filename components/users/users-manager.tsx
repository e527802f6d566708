"use client";

import { useMemo, useState } from "react";
import { errorMessage } from "@/lib/queries/api";
import { useUsers } from "@/lib/queries/users";
import type { UserSummary } from "@/lib/users/types";
import { AddUserForm } from "./add-user-form";
import { DisableUserDialog } from "./disable-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { UserTable } from "./user-table";
import type { RowActions } from "./user-row";

type Feedback = { kind: "ok" | "error"; text: string } | null;

/** The users page's interactive part: the list (from the server's first render), its controls and dialogs. */
export function UsersManager({ initialUsers, currentUserId }: { initialUsers: UserSummary[]; currentUserId: string }) {
  const users = useUsers(initialUsers);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [disabling, setDisabling] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  const actions: RowActions = useMemo(
    () => ({
      notify: (text) => setFeedback({ kind: "ok", text }),
      fail: (text) => setFeedback({ kind: "error", text }),
      askDisable: setDisabling,
      askResetPassword: setResetting,
    }),
    [],
  );

  return (
    <div className="space-y-6">
      <AddUserForm onAdded={actions.notify} />
      <div role="status" aria-live="polite" className="empty:hidden">
        {feedback?.kind === "ok" ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{feedback.text}</p> : null}
      </div>
      {feedback?.kind === "error" ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{feedback.text}</p> : null}
      {users.isPending ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-8 text-center text-sm text-slate-600">Loading users…</p>
      ) : users.isError && !users.data ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">Keydesk could not load the users: {errorMessage(users.error)}</p>
      ) : (
        <UserTable users={users.data} currentUserId={currentUserId} actions={actions} />
      )}
      <DisableUserDialog
        user={disabling}
        onClose={() => setDisabling(null)}
        onDone={(text) => {
          setDisabling(null);
          actions.notify(text);
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(text) => {
          setResetting(null);
          actions.notify(text);
        }}
      />
    </div>
  );
}
