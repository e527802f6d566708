"use client";
// The account page's two-factor and sessions sections, out of the page's first load: the server
// renders them with their data, and they become interactive when their code has come
// (components/ui/lazy-island.tsx). Both load from the start, each on its own.
import { lazyIsland } from "@/components/ui/lazy-island";
import { PartLoading } from "@/components/ui/part-loading";

export const TwoFactorIsland = lazyIsland(
  () => import("./two-factor-section"),
  (m) => m.TwoFactorSection,
  <PartLoading label="Loading two-factor sign-in…" boxes={["h-24"]} />,
);

export const SessionsIsland = lazyIsland(
  () => import("./sessions-section"),
  (m) => m.SessionsSection,
  <PartLoading label="Loading your sessions…" boxes={["h-24"]} />,
);
