"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { FeedbackMessage, useFeedback } from "@/components/ui/feedback";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { inputClass } from "@/components/ui/input-class";
import type { Role } from "@/lib/roles";
import { matchesSearch } from "./account-warnings.logic";
import { errorDetails } from "@/lib/http/client";
import { useServiceAccounts } from "@/lib/keys/queries";
import { ServiceAccountCard } from "./service-account-card";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
// Not in the page's first load (components/ui/lazy-dialog.tsx).
const CreateServiceAccountDialog = lazyDialog(
  () => import("./create-service-account-dialog"),
  (m) => m.CreateServiceAccountDialog,
);

/** Every service account, searchable by account name, key name or a key's last characters. The page
 * puts the server's first read in the query cache (PrefilledQueries), so the list starts with it. */
export function ServiceAccountsList({ role }: { role: Role }) {
  usePreloadDialogs(CreateServiceAccountDialog);
  const accounts = useServiceAccounts();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const { feedback, notify, clear } = useFeedback();
  const all = accounts.data ?? [];
  const shown = all.filter((sa) => matchesSearch(sa, query));
  const keyCount = all.reduce((n, sa) => n + sa.keys.length, 0);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm text-slate-600">
          {accounts.data
            ? `${all.length} service accounts, ${keyCount} API keys.`
            : "Every service account of the workspace and its API keys."}
          {accounts.isFetching && accounts.data ? " Refreshing…" : ""}
        </p>
        {role === "admin" ? (
          <Button type="button" onClick={() => setCreating(true)} variant="primary">
            Create service account
          </Button>
        ) : null}
      </div>
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {accounts.isError && accounts.data ? (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          The list could not be refreshed; showing what was last loaded. {errorDetails(accounts.error)}
        </p>
      ) : null}
      {!accounts.data ? (
        accounts.isError ? (
          <QueryErrorPanel
            title="Keydesk could not load the service accounts."
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
            retrying={accounts.isFetching}
          />
        ) : (
          <p
            role="status"
            className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600"
          >
            Loading service accounts…
          </p>
        )
      ) : all.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          This workspace has no service accounts yet.
        </p>
      ) : (
        <>
          <div role="search">
            <label htmlFor="sa-search" className="block text-sm font-medium">
              Search service accounts and keys
            </label>
            <input
              id="sa-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Account name, key name or last 4 characters"
              aria-describedby="sa-search-count"
              className={`${inputClass} max-w-md`}
            />
            <p id="sa-search-count" aria-live="polite" className="mt-1 text-xs text-slate-600">
              {query ? `${shown.length} of ${all.length} service accounts match.` : ""}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="text-sm text-slate-600">No service account or key matches “{query}”.</p>
          ) : null}
          {shown.map((account) => (
            <ServiceAccountCard key={account.id} account={account} />
          ))}
        </>
      )}
      {creating ? (
        <CreateServiceAccountDialog
          onClose={() => setCreating(false)}
          onCreated={(message) => {
            setCreating(false);
            notify(message);
          }}
        />
      ) : null}
    </div>
  );
}
