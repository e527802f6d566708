"use client";
// The "All keys" view, out of the page's first load: it shows nothing but "Reading every key…"
// until the browser has read the inventory, so its code (table, virtual scrolling, filters, the
// URL's filter rules) comes alongside that read (components/ui/lazy-island.tsx).
import { lazyIsland } from "@/components/ui/lazy-island";
import { ReadingKeys } from "@/components/ui/reading-keys";

export const InventoryIsland = lazyIsland(
  () => import("./inventory-view"),
  (m) => m.InventoryView,
  <ReadingKeys height="h-64" />,
);
