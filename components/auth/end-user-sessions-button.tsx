"use client";

import { errorMessage } from "@/lib/http/client";
import { useEndUserSessions } from "@/lib/auth/queries";

const smallButton = "rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60";

/** On the users page (admins): signs a user out of every browser at once. */
export function EndUserSessionsButton({ userId, email, notify, fail }: { userId: string; email: string; notify: (m: string) => void; fail: (m: string) => void }) {
  const end = useEndUserSessions();
  return (
    <button
      type="button"
      disabled={end.isPending}
      className={smallButton}
      onClick={() =>
        end.mutate(userId, {
          onSuccess: ({ ended }) => notify(`Ended ${ended} session${ended === 1 ? "" : "s"} of ${email}.`),
          onError: (error) => fail(`The sessions of ${email} were not ended: ${errorMessage(error)}`),
        })
      }
    >
      End sessions<span className="sr-only"> of {email}</span>
    </button>
  );
}
