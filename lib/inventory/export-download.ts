// The inventory, filtered as the page shows it, as a CSV or JSON download: the primary workspace's
// keys and every other connection's the user may use. Each export is audited (who took which slice,
// and when, and which connections could not be read); no export carries a secret or its hash.
import "server-only";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import type { RequestInfo } from "@/lib/http/request-info";
import { ApiError } from "@/lib/http/api-error";
import { appendAudit } from "@/lib/audit/append";
import type { SessionUser } from "@/lib/auth/session";
import { stepUpDetails } from "@/lib/auth/step-up";
import type { KeyDeps } from "@/lib/keys";
import type { ConnectionDeps } from "@/lib/connections";
import { getDatabase } from "@/lib/db";
import { readPolicies } from "@/lib/policies/store";
import { describeFilters } from "./describe-filters";
import { inventoryCsv, inventoryJson } from "./export";
import { filterRows } from "./filter-rows";
import { parseInventoryFilters } from "./filters";
import { sortRows } from "./sort-rows";
import { readInventory } from "./read";
import { primaryConnection, readOtherConnections } from "./read-others";
import { allConnectionRows } from "./rows";

const FORMATS = ["csv", "json"] as const;
type Format = (typeof FORMATS)[number];

/** The format and the page's filters from the URL; a bad value is a 422 naming the parameter. */
export function exportRequest(params: URLSearchParams) {
  const format = params.get("format");
  const { filters, problems } = parseInventoryFilters(params);
  const all = [
    ...(FORMATS.includes(format as Format)
      ? []
      : [{ param: "format", message: `Use csv or json${format ? `, not "${format.slice(0, 20)}"` : ""}.` }]),
    ...problems,
  ];
  if (all.length > 0) {
    throw new ApiError("validation_failed", all.map((p) => `${p.param}: ${p.message}`).join("; "), {
      fields: all.map((p) => ({ path: [p.param], message: p.message })),
    });
  }
  return { format: format as Format, filters };
}

/**
 * `deps` null: the user's access leaves the primary connection out, so the file holds the other
 * connections' keys alone and the primary is not read.
 */
export async function exportInventory(
  deps: KeyDeps | null,
  params: URLSearchParams,
  user: SessionUser,
  info: RequestInfo,
  connectionDeps: ConnectionDeps,
): Promise<Response> {
  const { format, filters } = exportRequest(params);
  const [inventory, connection, others, rules] = await Promise.all([
    deps ? readInventory(deps) : null,
    deps ? primaryConnection() : null,
    readOtherConnections(connectionDeps, user),
    // The policy filter needs the rules that are on; without it, nothing is read.
    filters.policy ? getDatabase().then(({ db }) => readPolicies(db)) : [],
  ]);
  const all = allConnectionRows({ keys: inventory?.keys ?? [], connection }, others);
  const rows = sortRows(filterRows(all, filters, rules), filters.sort, filters.dir);
  const accountNames = new Map(inventory?.serviceAccounts.map((a) => [a.id, a.name]));
  const connectionNames = new Map(
    [...(connection ? [connection] : []), ...others.map((o) => o.connection)].map(
      (c) => [c.id, c.name] as const,
    ),
  );
  const generatedAt = inventory?.generatedAt ?? new Date().toISOString();
  // Said in the file's audit entry and a header: an export is missing what could not be read.
  const unread = others.flatMap((o) => (o.ok ? [] : [o.connection.name]));
  const meta = { generatedAt, filters, accountNames, connectionNames };
  await appendAudit(connectionDeps.db, {
    action: "inventory_exported",
    actor: { userId: user.id, email: user.email, role: user.role },
    ip: info.ip,
    userAgent: info.userAgent,
    requestId: info.requestId,
    // Tagged with the primary connection when its keys are in it (the others are in `changes`).
    target: deps ? { connectionId: primaryConnectionId() } : {},
    changes: {
      export: {
        before: null,
        after: {
          format,
          filters: describeFilters(filters, accountNames, connectionNames),
          rows: rows.length,
          ...(unread.length > 0 ? { unreadConnections: unread } : {}),
        },
      },
    },
    details: stepUpDetails(info),
    outcome: "ok",
  });
  const stamp = generatedAt.replace(/[:.]/g, "-");
  return new Response(format === "csv" ? inventoryCsv(rows, meta) : inventoryJson(rows, meta), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="keydesk-keys-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-keydesk-generated-at": generatedAt,
      "x-keydesk-rows": String(rows.length),
      ...(unread.length > 0 ? { "x-keydesk-unread-connections": String(unread.length) } : {}),
    },
  });
}
