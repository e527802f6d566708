"use client";

import { useMemo } from "react";
import { FeedbackMessage, useFeedback } from "@/components/ui/feedback";
import {
  useAlertChannels,
  useAlertDeliveries,
  useRemoveAlertChannel,
  useTestAlertChannel,
} from "@/lib/alerts/queries";
import { errorDetails } from "@/lib/http/client";
import { AddChannelForm } from "./add-channel-form";
import { ChannelTable, type ChannelRowActions } from "./channel-table";
import { DeliveryLog } from "./delivery-log";

/** The Alerts page's interactive part: the channels with their actions, the add form, the delivery log. */
export function AlertsManager() {
  const channels = useAlertChannels();
  const deliveries = useAlertDeliveries();
  const test = useTestAlertChannel();
  const remove = useRemoveAlertChannel();
  const { feedback, notify, fail, clear } = useFeedback();

  const actions: ChannelRowActions = useMemo(
    () => ({
      busy: test.isPending ? (test.variables ?? null) : remove.isPending ? (remove.variables ?? null) : null,
      test: (c) => {
        clear();
        test.mutate(c.id, {
          onSuccess: ({ test: outcome }) =>
            outcome.ok
              ? notify(
                  `Test sent to ${c.name}${outcome.responseStatus ? ` (HTTP ${outcome.responseStatus})` : ""}.`,
                )
              : fail(`The test to ${c.name} failed: ${outcome.error ?? "no answer"}`),
          onError: (error) => fail(`The test to ${c.name} failed. ${errorDetails(error)}`),
        });
      },
      remove: (c) => {
        clear();
        remove.mutate(c.id, {
          onSuccess: () => notify(`Removed ${c.name}.`),
          onError: (error) => fail(`${c.name} was not removed. ${errorDetails(error)}`),
        });
      },
    }),
    [test, remove, notify, fail, clear],
  );

  return (
    <div className="space-y-6">
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      <section aria-labelledby="channels-heading" className="space-y-2">
        <h2 id="channels-heading" className="text-base font-semibold">
          Channels
        </h2>
        {channels.data ? (
          <ChannelTable channels={channels.data} actions={actions} />
        ) : channels.error ? (
          <p role="alert" className="text-sm text-red-900">
            {errorDetails(channels.error)}
          </p>
        ) : null}
      </section>
      <AddChannelForm onAdded={(c) => notify(`Added ${c.name}. Send it a test to check it.`)} />
      {deliveries.data ? <DeliveryLog deliveries={deliveries.data} /> : null}
    </div>
  );
}
