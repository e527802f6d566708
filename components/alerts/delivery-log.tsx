"use client";

import type { DeliveryView } from "@/lib/alerts/types";
import { KIND_LABELS, STATUS_LABELS } from "./alert-words";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

const when = (iso: string) => new Date(iso).toLocaleString();

/** The newest deliveries: what was sent where, how many tries, and how the last one ended. */
export function DeliveryLog({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <section aria-labelledby="delivery-log-heading" className="space-y-2">
      <h2 id="delivery-log-heading" className="text-base font-semibold">
        Delivery log
      </h2>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing sent yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={`min-w-full divide-y divide-slate-200 text-sm ${CARDS_ON_PHONES}`}>
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Alert
                </th>
                <th scope="col" className="px-3 py-2">
                  Channel
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Tries
                </th>
                <th scope="col" className="px-3 py-2">
                  Last answer
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery-id={d.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{when(d.createdAt)}</td>
                  <td className="px-3 py-2">
                    <span className="block font-medium">{d.title}</span>
                    <span className="text-xs text-slate-600">{KIND_LABELS[d.eventKind] ?? d.eventKind}</span>
                  </td>
                  <td className="px-3 py-2">{d.channelName}</td>
                  <td className="px-3 py-2">
                    {STATUS_LABELS[d.status]}
                    {d.nextAttemptAt ? (
                      <span className="block text-xs text-slate-600">next try {when(d.nextAttemptAt)}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{d.attempts}</td>
                  <td className="px-3 py-2">
                    {d.responseStatus !== null ? `HTTP ${d.responseStatus}` : null}
                    {d.lastError ? <span className="block text-xs text-red-800">{d.lastError}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
