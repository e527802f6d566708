"use client";
// The users and the add-a-user form (with react-hook-form), out of the page's first load: the
// server renders them, and they become interactive when their code has come
// (components/ui/lazy-island.tsx).
import { lazyIsland } from "@/components/ui/lazy-island";
import { PartLoading } from "@/components/ui/part-loading";

export const UsersIsland = lazyIsland(
  () => import("./users-manager"),
  (m) => m.UsersManager,
  <PartLoading label="Loading the users…" boxes={["h-48"]} />,
);
