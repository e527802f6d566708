"use client";
// A service account's keys, out of the page's first load: the server renders them with their data,
// and they become interactive when their code has come (components/ui/lazy-island.tsx).
import { lazyIsland } from "@/components/ui/lazy-island";
import { PartLoading } from "@/components/ui/part-loading";

export const AccountKeysIsland = lazyIsland(
  () => import("./account-keys"),
  (m) => m.AccountKeys,
  <PartLoading label="Loading the keys…" boxes={["h-64"]} />,
);
