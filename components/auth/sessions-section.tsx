"use client";

import { Button } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";
import type { SessionView } from "@/lib/auth/sessions";
import { errorDetails } from "@/lib/http/client";
import { useEndSession, useSessions } from "@/lib/auth/queries";

// Not in the page's first load (components/ui/lazy-dialog.tsx): Radix's dialog comes with it.
const EndCurrentSessionDialog = lazyDialog(
  () => import("./end-current-session-dialog"),
  (m) => m.EndCurrentSessionDialog,
);

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const at = (iso: string) => `${when.format(new Date(iso))} UTC`;

/** Where the person is signed in, with a way to end any of those sessions (this one with a warning). */
export function SessionsSection() {
  usePreloadDialogs(EndCurrentSessionDialog);
  const router = useRouter();
  const sessions = useSessions();
  const end = useEndSession();
  const [confirmCurrent, setConfirmCurrent] = useState<SessionView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const endSession = (s: SessionView) =>
    end.mutate(s.id, {
      onSuccess: (result) => {
        if (result.current) {
          router.replace("/sign-in");
          router.refresh();
          return;
        }
        setMessage({ ok: true, text: `Ended the session on ${s.device}. That browser is signed out.` });
      },
      onError: (error) =>
        setMessage({ ok: false, text: `The session was not ended. ${errorDetails(error)}` }),
    });

  const list = sessions.data ?? [];
  return (
    <div className="space-y-3">
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`rounded-md border px-3 py-2 text-sm ${message.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"}`}
        >
          {message.text}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className={`min-w-full text-sm ${CARDS_ON_PHONES}`}>
          <caption className="sr-only">Your active sessions</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                Device
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Address
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Signed in
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Last used
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.map((s) => (
              <tr key={s.id} data-session-id={s.id}>
                <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                  {s.device}
                  {s.current ? (
                    <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-normal text-indigo-800">
                      This browser
                    </span>
                  ) : null}
                </th>
                <td className="px-4 py-2 font-mono text-xs text-slate-700">{s.ip ?? "Unknown"}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">{at(s.createdAt)}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">{at(s.lastUsedAt)}</td>
                <td className="px-4 py-2 text-right">
                  <Button
                    type="button"
                    disabled={end.isPending}
                    onClick={() => (s.current ? setConfirmCurrent(s) : endSession(s))}
                    variant="secondary"
                  >
                    {s.current ? "End this session" : "End session"}
                    <span className="sr-only">
                      {" "}
                      on {s.device}, signed in {at(s.createdAt)}
                    </span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confirmCurrent ? (
        <EndCurrentSessionDialog
          pending={end.isPending}
          onCancel={() => setConfirmCurrent(null)}
          onConfirm={() => endSession(confirmCurrent)}
        />
      ) : null}
    </div>
  );
}
