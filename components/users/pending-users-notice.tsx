import type { UserSummary } from "@/lib/users/types";

/** Who signed in with single sign-on and waits for a role: named above the table, so nobody is missed. */
export function PendingUsersNotice({ users }: { users: UserSummary[] }) {
  if (users.length === 0) return null;
  return (
    <section
      aria-labelledby="pending-users-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="pending-users-heading" className="font-semibold">
        {users.length === 1
          ? "1 person is waiting for a role"
          : `${users.length} people are waiting for a role`}
      </h2>
      <p className="mt-1">
        They signed in with single sign-on, but none of their groups gives a Keydesk role. Until you choose
        one in the table, they see nothing.
      </p>
      <ul className="mt-2 list-inside list-disc">
        {users.map((u) => (
          <li key={u.id}>
            {u.name ? `${u.name} ` : ""}(<span className="font-mono">{u.email}</span>)
          </li>
        ))}
      </ul>
    </section>
  );
}
