"use client";
// The "All keys" page: the whole inventory read once, filtered and sorted in the browser (10,000
// keys filter in milliseconds), shown as a table or a permission matrix; export of what is shown;
// and, for support and admins, selecting keys to enable or disable in bulk. The primary workspace's
// keys and the other connections' are two reads side by side: the primary's rows show as soon as
// they come, each other connection joins when read, and one that fails says so in its own banner.
// A user whose access leaves the primary connection out sees the others' keys alone (`primary`
// false: it is never read), not an error.
import { Button, buttonVariants } from "@/components/ui/button";
import { useCallback, useMemo, useState } from "react";
import type { Role } from "@/lib/roles";
import { formatNumber } from "@/lib/format";
import { describeFilters } from "@/lib/inventory/describe-filters";
import { filterRows } from "@/lib/inventory/filter-rows";
import { DEFAULT_INVENTORY_FILTERS, type InventoryFilters } from "@/lib/inventory/url-filters";
import { sortRows } from "@/lib/inventory/sort-rows";
import { allConnectionRows } from "@/lib/inventory/rows";
import { useRefreshInventory } from "@/lib/inventory/queries";
import { useEveryConnection } from "@/lib/inventory/use-every-connection";
import { usePolicies } from "@/lib/policies/queries";
import { AsOf } from "@/components/ui/as-of";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { ReadingKeys } from "@/components/ui/reading-keys";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { FeedbackMessage, useFeedback } from "@/components/ui/feedback";
import { SelectionToolbar } from "./selection-toolbar";
import { InventoryFiltersBar } from "./inventory-filters";
import { InventoryTable } from "./inventory-table";
import { RiskLegend } from "./risk-badges";
import { ConnectionBanners } from "./connection-banners";
import { useInventoryUrl } from "./use-inventory-url";
import dynamic from "next/dynamic";

// The matrix is one view of two, so its code comes only when it is shown (server-rendered with
// its script when the URL asks for it), not in every opening of the table.
const PermissionMatrix = dynamic(() => import("./permission-matrix").then((m) => m.PermissionMatrix), {
  loading: () => (
    <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
      Loading the permission matrix…
    </p>
  ),
});

export function InventoryView({ role, primary: primaryAllowed = true }: { role: Role; primary?: boolean }) {
  const reads = useEveryConnection(primaryAllowed);
  const { primary, otherReads, others, primaryQuery: inventory } = reads;
  const refresh = useRefreshInventory(!reads.primaryLeftOut);
  const { filters, problems, view, setFilters, setView, exportQuery } = useInventoryUrl();
  const { feedback, notify, clear } = useFeedback();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const canChange = role === "admin" || role === "support";

  const ready = primary !== null || reads.primaryLeftOut;
  const all = useMemo(
    () => (ready ? allConnectionRows(primary ?? { keys: [], connection: null }, otherReads ?? []) : []),
    [ready, primary, otherReads],
  );
  const connections = useMemo(
    () =>
      ready ? [...(primary ? [primary.connection] : []), ...(otherReads ?? []).map((r) => r.connection)] : [],
    [ready, primary, otherReads],
  );
  const connectionNames = useMemo(() => new Map(connections.map((c) => [c.id, c.name])), [connections]);
  // The rules are read once the policy filter is used (or its menu opened), not for every visit.
  const [policyMenuUsed, setPolicyMenuUsed] = useState(false);
  const policies = usePolicies(undefined, filters.policy !== undefined || policyMenuUsed);
  const rules = policies.data;
  const shown = useMemo(
    () => sortRows(filterRows(all, filters, rules ?? []), filters.sort, filters.dir),
    [all, filters, rules],
  );
  const accounts = useMemo(() => primary?.serviceAccounts ?? [], [primary]);
  const accountNames = useMemo(() => new Map(accounts.map((a) => [a.id, a.name])), [accounts]);

  // A selection belongs to the filters it was made under; new filters start a new one.
  const change = useCallback(
    (patch: Partial<InventoryFilters>) => {
      setSelected(new Set());
      setFilters(patch);
    },
    [setFilters],
  );
  const toggle = useCallback(
    (keyId: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(keyId)) next.add(keyId);
        return next;
      }),
    [],
  );

  if (reads.pending || (filters.policy !== undefined && policies.isPending)) {
    return <ReadingKeys height="h-64" />;
  }
  if (filters.policy !== undefined && policies.isError) {
    return (
      <QueryErrorPanel
        title="Keydesk could not read the key policies to filter by them."
        error={policies.error}
        onRetry={() => void policies.refetch()}
        retrying={policies.isFetching}
      />
    );
  }
  if (!reads.primaryLeftOut && inventory.isError && !inventory.data) {
    return (
      <QueryErrorPanel
        title="Keydesk could not read the keys."
        error={inventory.error}
        onRetry={() => void inventory.refetch()}
        retrying={inventory.isFetching}
      />
    );
  }
  const selectedRows = shown.filter((r) => selected.has(r.rowKey));

  return (
    <div className="space-y-4">
      {problems.length > 0 ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <p className="font-medium">Some filters in the address were not understood and are ignored:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i}>
                {p.param}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConnectionBanners
        reads={otherReads}
        pending={others.isPending}
        error={others.isError && !others.data ? others.error : null}
        onRetry={() => void others.refetch()}
      />
      <InventoryFiltersBar
        filters={filters}
        connections={connections}
        accounts={accounts}
        policyRules={rules}
        onPolicyMenu={() => setPolicyMenuUsed(true)}
        onChange={change}
        onClear={() => change({ ...DEFAULT_INVENTORY_FILTERS, sort: filters.sort, dir: filters.dir })}
      />
      <RiskLegend />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          Showing <strong>{formatNumber(shown.length)}</strong> of {formatNumber(all.length)} keys
          {shown.length === all.length ? "" : ` (${describeFilters(filters, accountNames, connectionNames)})`}
          .{reads.fetching ? " Refreshing…" : ""}
        </p>
        <div
          role="group"
          aria-label="View"
          className="ml-auto inline-flex rounded-md border border-slate-300 text-sm"
        >
          {(["table", "matrix"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              aria-pressed={view === kind}
              onClick={() => setView(kind)}
              className={`px-3 py-1.5 font-medium first:rounded-l-md last:rounded-r-md ${view === kind ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {kind === "table" ? "Table" : "Permission matrix"}
            </button>
          ))}
        </div>
        <StepUpDownloadLink
          href={`/api/inventory/export?${exportQuery ? `${exportQuery}&` : ""}format=csv`}
          className={buttonVariants({ variant: "secondary" })}
        >
          Export CSV
        </StepUpDownloadLink>
        <StepUpDownloadLink
          href={`/api/inventory/export?${exportQuery ? `${exportQuery}&` : ""}format=json`}
          className={buttonVariants({ variant: "secondary" })}
        >
          Export JSON
        </StepUpDownloadLink>
        {reads.generatedAt ? <AsOf generatedAt={reads.generatedAt} /> : null}
        <Button type="button" onClick={refresh} disabled={reads.fetching} variant="secondary">
          Refresh
        </Button>
      </div>
      {primary && inventory.isError ? (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          The keys could not be refreshed; showing what was read at{" "}
          {new Date(primary.generatedAt).toLocaleTimeString()}.
        </p>
      ) : null}
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {/* Mounted whatever the filters match: a bulk run's dialog must outlive the rows it changed leaving the filter. */}
      {canChange && view === "table" ? (
        <SelectionToolbar
          role={role}
          shown={shown}
          selected={selectedRows}
          onSelect={setSelected}
          onFinished={(summary) => {
            setSelected(new Set());
            notify(summary);
          }}
        />
      ) : null}
      {all.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No connection has keys yet.
        </p>
      ) : shown.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          <p>No key matches these filters.</p>
          <Button
            type="button"
            onClick={() => change(DEFAULT_INVENTORY_FILTERS)}
            variant="link"
            size="inline"
            className="mt-2"
          >
            Clear filters
          </Button>
        </div>
      ) : view === "matrix" ? (
        <PermissionMatrix rows={shown} />
      ) : (
        <InventoryTable
          rows={shown}
          total={all.length}
          sort={{ sort: filters.sort, dir: filters.dir, onSort: (sort, dir) => setFilters({ sort, dir }) }}
          selection={canChange ? { selected, toggle } : null}
        />
      )}
    </div>
  );
}
