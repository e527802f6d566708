"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ChannelView, EmailConfig, SlackConfig, WebhookConfig } from "@/lib/alerts/types";
import { KIND_LABELS, TYPE_LABELS } from "./alert-words";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

/** Where a channel sends, from what may be shown of it (never its secret). */
function destination(channel: ChannelView): string {
  switch (channel.type) {
    case "webhook":
      return (channel.config as WebhookConfig).url;
    case "slack":
      return (channel.config as SlackConfig).host;
    case "email": {
      const c = channel.config as EmailConfig;
      return `${c.to.join(", ")} via ${c.host}:${c.port} (${c.security})`;
    }
  }
}

export interface ChannelRowActions {
  test: (channel: ChannelView) => void;
  remove: (channel: ChannelView) => void;
  /** The channel whose test or removal is running, if any. */
  busy: string | null;
}

/** The channels, each with Test and Remove (Remove asks once more in its row). */
export function ChannelTable({ channels, actions }: { channels: ChannelView[]; actions: ChannelRowActions }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (channels.length === 0)
    return <p className="text-sm text-slate-700">No channels yet: add one below to receive alerts.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">Alert channels</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Type
            </th>
            <th scope="col" className="px-3 py-2">
              Sends to
            </th>
            <th scope="col" className="px-3 py-2">
              Secret
            </th>
            <th scope="col" className="px-3 py-2">
              Gets
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {channels.map((c) => (
            <tr key={c.id} data-channel-id={c.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {c.name}
              </th>
              <td className="px-3 py-2">{TYPE_LABELS[c.type]}</td>
              <td className="px-3 py-2 break-all">{destination(c)}</td>
              <td className="px-3 py-2">
                {c.hasSecret ? (c.secretHint ? `…${c.secretHint}` : "set") : "none"}
              </td>
              <td className="px-3 py-2">
                {c.kinds.length === 0 ? "Every kind" : c.kinds.map((k) => KIND_LABELS[k] ?? k).join(", ")}
                {c.minSeverity !== "info" ? `; ${c.minSeverity} and above` : ""}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {confirming === c.id ? (
                  <span className="inline-flex items-center gap-2">
                    <span>Remove {c.name}?</span>
                    <Button
                      type="button"
                      variant="danger"
                      size="sm"
                      disabled={actions.busy === c.id}
                      onClick={() => {
                        setConfirming(null);
                        actions.remove(c);
                      }}
                    >
                      Yes, remove
                    </Button>
                    <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </span>
                ) : (
                  <span className="inline-flex gap-2">
                    <Button
                      type="button"
                      variant="secondary"
                      size="sm"
                      disabled={actions.busy === c.id}
                      onClick={() => actions.test(c)}
                    >
                      {actions.busy === c.id ? "Sending…" : "Send a test"}
                    </Button>
                    <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(c.id)}>
                      Remove
                    </Button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
