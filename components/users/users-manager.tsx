"use client";

import { useMemo, useState } from "react";
import { ROLE_LABELS } from "@/lib/roles";
import { errorMessage } from "@/lib/http/client";
import { useUsers, type UserWithLink } from "@/lib/users/queries";
import type { UserSummary } from "@/lib/users/types";
import { AddUserForm } from "./add-user-form";
import { LazyPendingUsersNotice } from "./pending-users-lazy";
import { UserTable } from "./user-table";
import type { RowActions } from "./user-row";
import type { ShownInvite } from "./invite-link-dialog";
import type { RoleChange } from "./role-change-dialog";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
// Not in the page's first load (components/ui/lazy-dialog.tsx).
const RoleChangeDialog = lazyDialog(
  () => import("./role-change-dialog"),
  (m) => m.RoleChangeDialog,
);
const DisableUserDialog = lazyDialog(
  () => import("./disable-user-dialog"),
  (m) => m.DisableUserDialog,
);
const ResetPasswordDialog = lazyDialog(
  () => import("./reset-password-dialog"),
  (m) => m.ResetPasswordDialog,
);
const UserConnectionsDialog = lazyDialog(
  () => import("@/components/connections/user-connections-dialog"),
  (m) => m.UserConnectionsDialog,
);
const InviteLinkDialog = lazyDialog(
  () => import("./invite-link-dialog"),
  (m) => m.InviteLinkDialog,
);

type Feedback = { kind: "ok" | "error"; text: string } | null;

/** Pending users first: they are waiting for someone to act. */
function pendingFirst(users: UserSummary[]): UserSummary[] {
  return [...users.filter((u) => u.pending), ...users.filter((u) => !u.pending)];
}

/** The users page's interactive part: the list (from the server's first render), its controls and dialogs. */
export function UsersManager({
  currentUserId,
  passwordSignIn,
}: {
  currentUserId: string;
  passwordSignIn: boolean;
}) {
  usePreloadDialogs(
    RoleChangeDialog,
    DisableUserDialog,
    ResetPasswordDialog,
    InviteLinkDialog,
    UserConnectionsDialog,
  );
  const users = useUsers();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [disabling, setDisabling] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const [shownInvite, setShownInvite] = useState<ShownInvite | null>(null);
  const [limiting, setLimiting] = useState<UserSummary | null>(null);

  const actions: RowActions = useMemo(
    () => ({
      notify: (text) => setFeedback({ kind: "ok", text }),
      fail: (text) => setFeedback({ kind: "error", text }),
      askDisable: setDisabling,
      askResetPassword: setResetting,
      askRoleChange: (user, role) => setRoleChange({ user, role }),
      askConnections: setLimiting,
    }),
    [],
  );

  const showLink = ({ user, invite }: UserWithLink, purpose: ShownInvite["purpose"]) => {
    setShownInvite({ ...invite, email: user.email, purpose });
    actions.notify(
      purpose === "new_user"
        ? `Added ${user.email} as ${user.role ? ROLE_LABELS[user.role] : "a user without a role"}. Send them their one-time link.`
        : `The password of ${user.email} was reset; their sessions have ended. Send them their one-time link.`,
    );
  };

  return (
    <div className="space-y-6">
      {passwordSignIn ? (
        <AddUserForm onAdded={(result) => showLink(result, "new_user")} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          Password sign-in is off: people join by signing in with single sign-on. Someone whose groups give no
          role appears here as waiting for one.
        </p>
      )}
      <div role="status" aria-live="polite" className="empty:hidden">
        {feedback?.kind === "ok" ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {feedback.text}
          </p>
        ) : null}
      </div>
      {feedback?.kind === "error" ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {feedback.text}
        </p>
      ) : null}
      {users.data ? (
        <>
          <LazyPendingUsersNotice users={users.data.filter((u) => u.pending && !u.disabled)} />
          <UserTable
            users={pendingFirst(users.data)}
            currentUserId={currentUserId}
            actions={actions}
            passwordSignIn={passwordSignIn}
          />
        </>
      ) : users.isError ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          Keydesk could not load the users: {errorMessage(users.error)}
        </p>
      ) : (
        <p
          role="status"
          className="rounded-lg border border-slate-200 bg-white p-8 text-center text-sm text-slate-600"
        >
          Loading users…
        </p>
      )}
      {roleChange ? (
        <RoleChangeDialog
          change={roleChange}
          onClose={() => setRoleChange(null)}
          onDone={(text) => {
            setRoleChange(null);
            actions.notify(text);
          }}
        />
      ) : null}
      {limiting ? (
        <UserConnectionsDialog
          user={limiting}
          onClose={() => setLimiting(null)}
          onDone={(text) => {
            setLimiting(null);
            actions.notify(text);
          }}
        />
      ) : null}
      {disabling ? (
        <DisableUserDialog
          user={disabling}
          onClose={() => setDisabling(null)}
          onDone={(text) => {
            setDisabling(null);
            actions.notify(text);
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(result) => {
            setResetting(null);
            showLink(result, "reset");
          }}
        />
      ) : null}
      {shownInvite ? <InviteLinkDialog invite={shownInvite} onClose={() => setShownInvite(null)} /> : null}
    </div>
  );
}
