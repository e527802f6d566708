"use client";
// The inventory's filters and view live in the URL, so a view can be shared. Reads go through the
// hand-written reader of lib/inventory/url-filters.ts, which answers as the server's zod schema
// does without bringing zod to the page (bad values become problems shown to the person, not
// crashes). Writes use the
// browser's history API, which Next.js folds into useSearchParams: the rows are already here, so
// a filter needs no round trip to the server (router.replace would fetch the page again).
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  inventorySearchParams,
  readInventoryFilters,
  type InventoryFilters,
} from "@/lib/inventory/url-filters";

export type InventoryViewKind = "table" | "matrix";

export function useInventoryUrl() {
  const params = useSearchParams();
  const pathname = usePathname();
  const { filters, problems } = useMemo(
    () => readInventoryFilters(new URLSearchParams(params.toString())),
    [params],
  );
  const view: InventoryViewKind = params.get("view") === "matrix" ? "matrix" : "table";

  const go = useCallback(
    (next: InventoryFilters, nextView: InventoryViewKind) => {
      const search = inventorySearchParams(next);
      if (nextView === "matrix") search.set("view", "matrix");
      const query = search.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  const setFilters = useCallback(
    (patch: Partial<InventoryFilters>) => go({ ...filters, ...patch }, view),
    [go, filters, view],
  );
  const setView = useCallback((next: InventoryViewKind) => go(filters, next), [go, filters]);
  const exportQuery = inventorySearchParams(filters).toString();
  return { filters, problems, view, setFilters, setView, exportQuery };
}
