"use client";

import { Button } from "@/components/ui/button";
import { EndUserSessionsButton } from "@/components/auth/end-user-sessions-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/roles";
import { formatDate } from "@/lib/format";
import { errorMessage } from "@/lib/http/client";
import { useChangeUser } from "@/lib/users/queries";
import type { UserSummary } from "@/lib/users/types";

export interface RowActions {
  notify: (message: string) => void;
  fail: (message: string) => void;
  askDisable: (user: UserSummary) => void;
  askResetPassword: (user: UserSummary) => void;
  askRoleChange: (user: UserSummary, role: Role) => void;
  askConnections: (user: UserSummary) => void;
}

/**
 * One user, with their role select (a change is confirmed in a dialog first), Disable/Enable and
 * Reset password (which gives a one-time link; hidden when password sign-in is off).
 */
export function UserRow({
  user,
  isYou,
  actions,
  passwordSignIn,
}: {
  user: UserSummary;
  isYou: boolean;
  actions: RowActions;
  passwordSignIn: boolean;
}) {
  const change = useChangeUser();

  const enable = () => {
    change.mutate(
      { userId: user.id, change: { disabled: false } },
      {
        onSuccess: () => actions.notify(`Enabled ${user.email}; they can sign in again.`),
        onError: (error) => actions.fail(`${user.email} was not enabled: ${errorMessage(error)}`),
      },
    );
  };

  return (
    <tr data-user-id={user.id}>
      <th scope="row" className="px-4 py-3 font-medium break-words text-slate-900">
        {user.email}
        {isYou ? <span className="ml-1 text-xs font-normal text-slate-600"> (you)</span> : null}
      </th>
      <td className="px-4 py-3 break-words text-slate-700">{user.name}</td>
      <td className="px-4 py-3">
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role ?? ""}
          disabled={change.isPending}
          onChange={(event) => actions.askRoleChange(user, event.target.value as Role)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-60"
        >
          {user.role === null ? (
            <option value="" disabled>
              {user.pending ? "Pending: choose a role" : "No role"}
            </option>
          ) : null}
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-4 py-3">
        {user.pending ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300">
            Waiting for a role
          </span>
        ) : (
          <StatusBadge enabled={!user.disabled} />
        )}
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-slate-700">{formatDate(user.createdAt)}</td>
      <td className="px-4 py-3">
        <div className="flex flex-wrap gap-2">
          {user.disabled ? (
            <Button type="button" onClick={enable} disabled={change.isPending} variant="secondary" size="sm">
              Enable<span className="sr-only"> {user.email}</span>
            </Button>
          ) : (
            <Button
              type="button"
              onClick={() => actions.askDisable(user)}
              disabled={change.isPending}
              variant="secondary"
              size="sm"
            >
              Disable<span className="sr-only"> {user.email}</span>
            </Button>
          )}
          {passwordSignIn ? (
            <Button
              type="button"
              onClick={() => actions.askResetPassword(user)}
              variant="secondary"
              size="sm"
            >
              Reset password<span className="sr-only"> of {user.email}</span>
            </Button>
          ) : null}
          {user.role !== "admin" ? (
            <Button type="button" onClick={() => actions.askConnections(user)} variant="secondary" size="sm">
              Connections<span className="sr-only"> of {user.email}</span>
            </Button>
          ) : null}
          <EndUserSessionsButton
            userId={user.id}
            email={user.email}
            notify={actions.notify}
            fail={actions.fail}
          />
        </div>
      </td>
    </tr>
  );
}
