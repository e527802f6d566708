import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatDate, visibleText } from "@/lib/format";
import type { KeyRotation } from "@/lib/elevenlabs/types";
import { reminderHeadline, unfinishedRotations } from "./rotation-reminder.logic";

type RotatingKey = {
  id: string;
  name: string;
  serviceAccountId: string;
  serviceAccountName?: string;
  rotation: KeyRotation | null;
};

/**
 * "1 rotation not finished: finish it (disable or delete the old key)", with each old key, for as
 * long as a rotation is open. `onFinish` (an admin on the service account's page) offers the finish
 * dialog; without it each key links to its service account's page, where an admin finishes it.
 */
export function RotationReminder<K extends RotatingKey>({
  keys,
  onFinish,
}: {
  keys: readonly K[];
  onFinish?: (key: K) => void;
}) {
  const open = unfinishedRotations(keys);
  // Its code may come after the page's (./rotation-reminder-lazy.tsx): no click before it has run.
  const hydrated = useHydrated();
  if (open.length === 0) return null;
  return (
    <section
      aria-labelledby="rotation-reminder-heading"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 id="rotation-reminder-heading" className="font-semibold">
        {reminderHeadline(open.length)}
      </h2>
      <p>
        Finish {open.length === 1 ? "it" : "each"} once nothing uses the old key: disable or delete the old
        key. Until then the old secret still works.
      </p>
      <ul className="space-y-1">
        {open.map((key) => (
          <li key={key.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              <span className="font-medium">{visibleText(key.name)}</span>
              {key.serviceAccountName ? ` in ${key.serviceAccountName}` : ""}: being replaced since{" "}
              {formatDate(key.rotation.startedAt)}
            </span>
            {onFinish ? (
              <Button
                type="button"
                onClick={() => onFinish(key)}
                disabled={!hydrated}
                variant="secondary"
                size="xs"
              >
                Finish rotation<span className="sr-only"> of {visibleText(key.name)}</span>
              </Button>
            ) : (
              <Link
                href={`/service-accounts/${encodeURIComponent(key.serviceAccountId)}`}
                className="font-medium text-indigo-800 underline"
              >
                Finish it<span className="sr-only"> ({visibleText(key.name)})</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
