"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/http/client";
import { useEndUserSessions } from "@/lib/users/queries";

/** On the users page (admins): signs a user out of every browser at once. */
export function EndUserSessionsButton({
  userId,
  email,
  notify,
  fail,
}: {
  userId: string;
  email: string;
  notify: (m: string) => void;
  fail: (m: string) => void;
}) {
  const end = useEndUserSessions();
  return (
    <Button
      type="button"
      disabled={end.isPending}
      variant="secondary"
      size="sm"
      onClick={() =>
        end.mutate(userId, {
          onSuccess: ({ ended }) => notify(`Ended ${ended} session${ended === 1 ? "" : "s"} of ${email}.`),
          onError: (error) => fail(`The sessions of ${email} were not ended: ${errorMessage(error)}`),
        })
      }
    >
      End sessions<span className="sr-only"> of {email}</span>
    </Button>
  );
}
