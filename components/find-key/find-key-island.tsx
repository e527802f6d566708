"use client";
// The key search (with react-hook-form), out of the page's first load: the server renders the
// form, whose Search button stays disabled until its code has come and taken it over, so Enter
// cannot submit it the browser's way before then (search-form.tsx; components/ui/lazy-island.tsx).
import { lazyIsland } from "@/components/ui/lazy-island";
import { PartLoading } from "@/components/ui/part-loading";

export const FindKeyIsland = lazyIsland(
  () => import("./find-key-panel"),
  (m) => m.FindKeyPanel,
  <PartLoading label="Loading the key search…" boxes={["h-24"]} />,
);
