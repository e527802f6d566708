"use client";

import { useState } from "react";
import { classifyQuery } from "@/lib/find-key/classify";
import { everywhereSummary, searchedFor } from "@/lib/find-key/describe";
import type { DisabledKeyFacts } from "@/lib/find-key/incident-summary";
import type {
  Candidate,
  ConnectionSearch,
  OtherCandidate,
  OtherKey,
  QueryKind,
  SearchedConnection,
} from "@/lib/find-key/types";
import { OneShotQuery, useFindKey } from "@/lib/find-key/use-find-key";
import type { KeyView } from "@/lib/keys/view";
import type { Role } from "@/lib/roles";
import { errorDetails } from "@/lib/http/client";
import { AsOf } from "@/components/ui/as-of";
import { SearchForm } from "./search-form";
import { ConnectionError } from "./connection-error";
import { ConnectionHeading } from "./connection-heading";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
// Not in the page's first load (components/ui/lazy-dialog.tsx); the results' tables only show after a search.
const ResultsTable = lazyDialog(
  () => import("./results-table"),
  (m) => m.ResultsTable,
);
const OtherConnectionResults = lazyDialog(
  () => import("./other-connection-results"),
  (m) => m.OtherConnectionResults,
);
const DisableNowDialog = lazyDialog(
  () => import("./disable-now-dialog"),
  (m) => m.DisableNowDialog,
);
const DisableElsewhereDialog = lazyDialog(
  () => import("./disable-elsewhere-dialog"),
  (m) => m.DisableElsewhereDialog,
);

/** What the last search was for, in safe words (a secret only by its last four characters). */
type Searched = { kind: QueryKind; label: string };
/** A key's status as this page last learned it, after a disable (when, why) or a conflict. */
type StatusChange = {
  enabled: boolean;
  disableReason: string | null;
  disabled: { at: Date; reason: string } | null;
};

/** Only the status fields are taken from a PATCH answer: nothing else of it is kept on the page. */
const withStatus = (c: Candidate, change: StatusChange | undefined): Candidate =>
  change ? { ...c, key: { ...c.key, enabled: change.enabled, disableReason: change.disableReason } } : c;

/** A key of another connection, as this page last learned it (its connection id, then its key id). */
type OtherChange = { key: OtherKey; disabled: { at: Date; reason: string } | null };
const otherId = (connectionId: string, keyId: string) => `${connectionId}\u0000${keyId}`;

/** Another connection's search with the keys this page disabled (or learned were disabled) since. */
function withOtherChanges(
  search: ConnectionSearch,
  changes: ReadonlyMap<string, OtherChange>,
): ConnectionSearch {
  if (!search.ok) return search;
  const candidates = search.candidates.map((c) => {
    const change = changes.get(otherId(search.connection.id, c.key.id));
    return change ? { ...c, key: { ...c.key, enabled: change.key.enabled } } : c;
  });
  return { ...search, candidates };
}

/**
 * The search, its results, and Disable now: search box → results (announced) → dialog → outcome on
 * the row. The primary connection's results come first, then each other connection's, each under
 * its name and provider, or with why it could not be searched.
 */
export function FindKeyPanel({
  canDisable,
  canRotate,
  role,
  me,
}: {
  canDisable: boolean;
  /** An admin: Rotate is offered after a disable. */
  canRotate: boolean;
  /** Who is searching: the key doctor's fixes are offered by role. */
  role: Role;
  /** Who is searching, for the incident summary ("disabled by"). */
  me: { name: string; email: string };
}) {
  usePreloadDialogs(ResultsTable, OtherConnectionResults, DisableNowDialog, DisableElsewhereDialog);
  const search = useFindKey();
  const [searched, setSearched] = useState<Searched | null>(null);
  const [changes, setChanges] = useState<ReadonlyMap<string, StatusChange>>(new Map());
  const [disabling, setDisabling] = useState<Candidate | null>(null);
  const [otherChanges, setOtherChanges] = useState<ReadonlyMap<string, OtherChange>>(new Map());
  // A reason typed before a conflict ("changed since you searched"), offered again on the next try.
  const [otherReason, setOtherReason] = useState<string | undefined>(undefined);
  const [disablingOther, setDisablingOther] = useState<{
    search: ConnectionSearch;
    candidate: OtherCandidate;
  } | null>(null);

  const run = (query: string) => {
    const classified = classifyQuery(query);
    setSearched({ kind: classified.kind, label: searchedFor(classified) });
    setChanges(new Map());
    setOtherChanges(new Map());
    search.mutate(new OneShotQuery(query));
  };
  const record = (
    key: Pick<KeyView, "id" | "enabled" | "disableReason">,
    disabled: StatusChange["disabled"],
  ) =>
    setChanges((prev) =>
      new Map(prev).set(key.id, { enabled: key.enabled, disableReason: key.disableReason, disabled }),
    );
  /** The facts of a disable done from this page, for the row's next steps and the summary. */
  const facts = (
    connection: SearchedConnection,
    key: DisabledKeyFacts["key"],
    done: { at: Date; reason: string },
  ): DisabledKeyFacts => ({ key, connection, by: me, at: done.at, reason: done.reason });

  const result = search.data;
  const candidates = result?.candidates.map((c) => withStatus(c, changes.get(c.key.id))) ?? [];
  const primaryConnection = result?.primary?.connection;
  const disabled = new Map(
    candidates.flatMap((c) => {
      const done = changes.get(c.key.id)?.disabled;
      if (!done || !primaryConnection) return [];
      const key = { group: c.key.serviceAccountId, keyId: c.key.id, name: c.key.name };
      return [[c.key.id, facts(primaryConnection, key, done)] as const];
    }),
  );
  const isSecret = searched?.kind === "secret";
  const recordOther = (connectionId: string, key: OtherKey, disabled: OtherChange["disabled"]) =>
    setOtherChanges((prev) => new Map(prev).set(otherId(connectionId, key.id), { key, disabled }));
  const otherDisabled = (connection: SearchedConnection) =>
    new Map(
      [...otherChanges].flatMap(([id, c]) => {
        if (!c.disabled || id !== otherId(connection.id, c.key.id)) return [];
        const key = { connectionId: connection.id, group: c.key.group?.id ?? null, keyId: c.key.id };
        return [[c.key.id, facts(connection, { ...key, name: c.key.name }, c.disabled)] as const];
      }),
    );

  const status = !searched
    ? ""
    : search.isPending
      ? `Searching for ${searched.label}…`
      : result
        ? everywhereSummary(result, searched.label)
        : "";

  return (
    <div className="space-y-4">
      <SearchForm onSearch={run} pending={search.isPending} />
      {!canDisable ? (
        <p className="text-sm text-slate-600">
          You can search; disabling a key needs the support or admin role.
        </p>
      ) : null}
      {searched && isSecret ? (
        <p className="text-sm text-slate-700">
          Searched for {searched.label}. The secret is not kept on this page.
        </p>
      ) : null}

      {/* Always in the page, so a screen reader hears each new summary. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-slate-900">
        {status}
      </p>

      {search.isError && searched ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">The search for {searched.label} failed.</p>
          <p className="mt-1">{errorDetails(search.error)}</p>
          <p className="mt-1">
            {isSecret ? "Paste the secret again to retry." : "Press Search to try again."}
          </p>
        </div>
      ) : null}

      <div aria-busy={search.isPending || undefined} className="space-y-6">
        {result && searched && !search.isPending ? (
          <>
            {result.primary ? (
              <section aria-labelledby="found-in-primary" className="space-y-2">
                <ConnectionHeading id="found-in-primary" connection={result.primary.connection} />
                {result.primary.ok ? (
                  <>
                    <p className="text-sm text-slate-600">
                      Searched the keys read from ElevenLabs.{" "}
                      <AsOf generatedAt={result.generatedAt} className="" />
                    </p>
                    {result.total === 0 ? (
                      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
                        <p>No key matches {searched.label}.</p>
                        {isSecret ? (
                          <p className="mt-1">
                            If it is an ElevenLabs secret, its key may already be deleted, or belong to
                            another workspace.
                          </p>
                        ) : null}
                      </div>
                    ) : (
                      <ResultsTable
                        candidates={candidates}
                        kind={result.kind}
                        caption={`Keys matching ${searched.label}`}
                        canDisable={canDisable}
                        canRotate={canRotate}
                        connectionId={result.primary.connection.id}
                        role={role}
                        disabled={disabled}
                        onDisable={setDisabling}
                      />
                    )}
                  </>
                ) : (
                  <ConnectionError name={result.primary.connection.name} error={result.primary.error} />
                )}
              </section>
            ) : null}
            {result.others.map((other) => (
              <OtherConnectionResults
                key={other.connection.id}
                search={withOtherChanges(other, otherChanges)}
                kind={result.kind}
                searched={searched.label}
                canDisable={canDisable}
                canRotate={canRotate}
                role={role}
                disabled={otherDisabled(other.connection)}
                onDisable={(candidate) => setDisablingOther({ search: other, candidate })}
              />
            ))}
          </>
        ) : null}
      </div>

      {disabling ? (
        <DisableNowDialog
          candidate={disabling}
          onClose={() => setDisabling(null)}
          onDisabled={(key, at, reason) => {
            record(key, { at, reason });
            setDisabling(null);
          }}
          onConflict={(current) => record(current, null)}
        />
      ) : null}
      {disablingOther ? (
        <DisableElsewhereDialog
          connection={disablingOther.search.connection}
          candidate={disablingOther.candidate}
          onClose={() => setDisablingOther(null)}
          initialReason={otherReason}
          onDisabled={(key, at, reason) => {
            recordOther(disablingOther.search.connection.id, key, { at, reason });
            setOtherReason(undefined);
            setDisablingOther(null);
          }}
          onConflict={(current, reason) => {
            recordOther(disablingOther.search.connection.id, current, null);
            setOtherReason(reason);
          }}
        />
      ) : null}
    </div>
  );
}
