"use client";

import type { UserSummary } from "@/lib/users/types";
import { UserRow, type RowActions } from "./user-row";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

export function UserTable({
  users,
  currentUserId,
  actions,
  passwordSignIn,
}: {
  users: UserSummary[];
  currentUserId: string;
  actions: RowActions;
  passwordSignIn: boolean;
}) {
  if (users.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
        Keydesk has no users yet.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full min-w-[52rem] text-left text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">Keydesk&apos;s users</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Email
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Created
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isYou={user.id === currentUserId}
              actions={actions}
              passwordSignIn={passwordSignIn}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
