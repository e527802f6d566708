"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { useHydrated } from "@/components/ui/use-hydrated";
import { inputClass } from "@/components/ui/input-class";
import { ApiRequestError, apiJson, errorDetails } from "@/lib/http/client";
import type { FinishSchedule } from "@/lib/rotation-schedule/types";
import { retryingText, scheduleLines, whenText } from "./rotation-deadline.logic";

const PRESET_HOURS = 24;
const PRESET_DAYS = 7;

/** One clock for the countdowns, ticking every half minute (a stable snapshot between ticks). */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const nowHalfMinutes = () => Math.floor(Date.now() / 30_000) * 30_000;
/** On the server (and while hydrating): no clock, so the steps show their dates and the HTML agrees. */
const onServer = () => null;

type Fields = "disableInHours" | "deleteInDays";

/**
 * A rotation's finish on a timetable: what is scheduled, counting down, on both keys of the pair;
 * for an admin on the key to finish, a form (disable in N hours, delete in M days, either or both;
 * 24 h and 7 d to start with) to set or change it, and cancelling it after a confirmation.
 */
export function RotationDeadlinePanel({
  schedule,
  viewing,
  canEdit,
  canDisable,
  apiPath,
}: {
  schedule: FinishSchedule | null;
  /** Which key of the pair this page is: the one to finish ("old") or its replacement ("new"). */
  viewing: "old" | "new";
  /** An admin on the key to finish. */
  canEdit: boolean;
  /** The provider can switch keys off (Voiceable cannot: delete only). */
  canDisable: boolean;
  apiPath: string;
}) {
  const router = useRouter();
  const now = useSyncExternalStore(subscribe, nowHalfMinutes, onServer);
  const open = schedule !== null && schedule.closedAt === null;
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Fields, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [disableOn, setDisableOn] = useState(canDisable);
  const [hours, setHours] = useState(String(PRESET_HOURS));
  const [deleteOn, setDeleteOn] = useState(true);
  const [days, setDays] = useState(String(PRESET_DAYS));
  const id = useId();
  // Its code comes after the page's (./rotation-deadline-lazy.tsx): until it has run, the server's
  // HTML shows the controls greyed out rather than taking a click or a number nobody handles.
  const hydrated = useHydrated();

  const send = async (method: "PUT" | "DELETE", body?: unknown) => {
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      await apiJson(apiPath, { method, body });
      setEditing(false);
      setCancelling(false);
      setStatus(method === "PUT" ? "Finish scheduled." : "Scheduled finish cancelled.");
      router.refresh();
    } catch (e) {
      const placed: Partial<Record<Fields, string>> = {};
      if (e instanceof ApiRequestError)
        for (const f of e.fields)
          if (f.path[0] === "disableInHours" || f.path[0] === "deleteInDays") placed[f.path[0]] = f.message;
      setFieldErrors(placed);
      // A refused number is said on its field; the alert only points there (read out at once).
      setError(
        Object.keys(placed).length > 0 ? "Nothing was scheduled: check the number above." : errorDetails(e),
      );
    } finally {
      setPending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
    void send("PUT", {
      disableInHours: disableOn && canDisable ? number(hours) : null,
      deleteInDays: deleteOn ? number(days) : null,
    });
  };

  const showForm = canEdit && (!open || editing);
  const retrying = schedule ? retryingText(schedule) : null;
  return (
    <fieldset role="presentation" disabled={!hydrated} className="min-w-0 space-y-3 text-sm">
      <div aria-live="polite" className="sr-only">
        {status}
      </div>
      {schedule ? (
        <div className="space-y-1 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-indigo-950">
          <p className="font-medium">{open ? "Finish scheduled" : "Scheduled finish"}</p>
          <ul className="list-disc space-y-0.5 pl-5" data-testid="rotation-deadline-lines">
            {scheduleLines(schedule, viewing, now).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {retrying ? <p className="text-amber-900">{retrying}</p> : null}
          <p className="text-xs text-indigo-900">
            Set by {schedule.scheduledByEmail} on {whenText(schedule.scheduledAt)}; Keydesk does each step on
            their behalf.
          </p>
        </div>
      ) : null}

      {canEdit && open && !editing ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(true)}>
            Change schedule
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={() => setCancelling(true)}>
            Cancel schedule
          </Button>
        </div>
      ) : null}

      {showForm ? (
        <form
          onSubmit={submit}
          noValidate
          className="space-y-3"
          aria-label="Schedule the finish of this rotation"
        >
          <p className="text-slate-700">
            Finish this rotation on a timetable: Keydesk disables and deletes this key for you, on your
            behalf, at the times you choose.
          </p>
          <fieldset className="space-y-2">
            <legend className="sr-only">Steps</legend>
            {canDisable ? (
              <div>
                <div className="flex flex-wrap items-center gap-2">
                  <input
                    id={`${id}-disable-on`}
                    type="checkbox"
                    checked={disableOn}
                    onChange={(e) => setDisableOn(e.target.checked)}
                    className="size-4"
                  />
                  <label htmlFor={`${id}-disable-on`}>Disable it in</label>
                  <input
                    id={`${id}-hours`}
                    aria-label="Hours until it is disabled"
                    inputMode="numeric"
                    value={hours}
                    disabled={!disableOn}
                    onChange={(e) => setHours(e.target.value)}
                    aria-invalid={fieldErrors.disableInHours ? true : undefined}
                    aria-describedby={fieldErrors.disableInHours ? `${id}-hours-error` : undefined}
                    className={`${inputClass} mt-0 w-20`}
                  />
                  <span>hours</span>
                </div>
                {fieldErrors.disableInHours ? (
                  <p id={`${id}-hours-error`} className="mt-1 text-red-700">
                    {fieldErrors.disableInHours}
                  </p>
                ) : null}
              </div>
            ) : null}
            <div>
              <div className="flex flex-wrap items-center gap-2">
                <input
                  id={`${id}-delete-on`}
                  type="checkbox"
                  checked={deleteOn}
                  onChange={(e) => setDeleteOn(e.target.checked)}
                  className="size-4"
                />
                <label htmlFor={`${id}-delete-on`}>Delete it in</label>
                <input
                  id={`${id}-days`}
                  aria-label="Days until it is deleted"
                  inputMode="numeric"
                  value={days}
                  disabled={!deleteOn}
                  onChange={(e) => setDays(e.target.value)}
                  aria-invalid={fieldErrors.deleteInDays ? true : undefined}
                  aria-describedby={fieldErrors.deleteInDays ? `${id}-days-error` : undefined}
                  className={`${inputClass} mt-0 w-20`}
                />
                <span>days</span>
              </div>
              {fieldErrors.deleteInDays ? (
                <p id={`${id}-days-error`} className="mt-1 text-red-700">
                  {fieldErrors.deleteInDays}
                </p>
              ) : null}
            </div>
          </fieldset>
          {error && !cancelling ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              {pending ? "Saving…" : open ? "Save schedule" : "Schedule finish"}
            </Button>
            {editing ? (
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={pending}
                onClick={() => setEditing(false)}
              >
                Keep as it is
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}

      {cancelling ? (
        <Dialog
          open
          onClose={() => !pending && setCancelling(false)}
          title="Cancel the scheduled finish?"
          description="Nothing more happens on its own: this key keeps working until someone finishes the rotation."
        >
          <div className="space-y-4">
            <DialogActions
              error={error}
              onCancel={() => setCancelling(false)}
              onConfirm={() => void send("DELETE")}
              pending={pending}
              label="Cancel schedule"
              pendingLabel="Cancelling…"
            />
          </div>
        </Dialog>
      ) : null}
    </fieldset>
  );
}
