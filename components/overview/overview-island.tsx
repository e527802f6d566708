"use client";
// The overview's numbers, out of the page's first load: they show nothing but "Reading every
// key…" until the browser has read the inventory, so their code comes alongside that read
// (components/ui/lazy-island.tsx).
import { lazyIsland } from "@/components/ui/lazy-island";
import { ReadingKeys } from "@/components/ui/reading-keys";

export const OverviewIsland = lazyIsland(
  () => import("./overview-panels"),
  (m) => m.OverviewPanels,
  <ReadingKeys height="h-40" />,
);
