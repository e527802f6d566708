// The links from the overview's counts to All keys filtered to what was counted. It is the URL the
// inventory writes for its default filters plus the flag or status (inventorySearchParams in
// lib/inventory/filters.ts, which the test holds it to), spelled out here so the overview page
// does not load the filters' schemas and zod for one link. `connection`: the overview counts only
// the primary workspace when the user may use it (the other connections have their own cards), so
// its links show that workspace's keys alone, the same keys the count counted.
import type { RiskFlag } from "@/lib/inventory/types";
import type { PolicyFilter } from "@/lib/inventory/url-filters";

function inventoryHref(connection: string | null, params: [string, string][]): string {
  const query = new URLSearchParams([...(connection ? [["connection", connection]] : []), ...params]);
  return `/inventory${query.size > 0 ? `?${query}` : ""}`;
}

export const flagHref = (flag: RiskFlag, connection: string | null = null) =>
  inventoryHref(connection, [["risk", flag]]);

export const statusHref = (status: "enabled" | null, connection: string | null = null) =>
  inventoryHref(connection, status ? [["status", status]] : []);

export const policyHref = (policy: PolicyFilter, connection: string | null = null) =>
  inventoryHref(connection, [["policy", policy]]);
