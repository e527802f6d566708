"use client";
// The notice of people waiting for a role, whose code loads only when someone is waiting
// (components/ui/lazy-part.tsx): usually nobody is.
import { lazyPart } from "@/components/ui/lazy-part";
import type { UserSummary } from "@/lib/users/types";

const Notice = lazyPart(
  () => import("./pending-users-notice"),
  (m) => m.PendingUsersNotice,
);

export function LazyPendingUsersNotice({ users }: { users: UserSummary[] }) {
  return users.length > 0 ? <Notice users={users} /> : null;
}
