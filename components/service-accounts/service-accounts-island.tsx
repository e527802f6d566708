"use client";
// The list of service accounts, out of the page's first load: the server renders it with its data,
// and it becomes interactive when its code has come (components/ui/lazy-island.tsx).
import { lazyIsland } from "@/components/ui/lazy-island";
import { PartLoading } from "@/components/ui/part-loading";

export const ServiceAccountsIsland = lazyIsland(
  () => import("./service-accounts-list"),
  (m) => m.ServiceAccountsList,
  <PartLoading label="Loading service accounts…" boxes={["h-32", "h-32", "h-32"]} />,
);
