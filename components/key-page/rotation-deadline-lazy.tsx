"use client";
// The rotation's timetable panel, out of the key page's first load (components/ui/lazy-part.tsx):
// it shows only on the old key of a rotation (or, for an admin, on another connection's key), so
// most key pages never load its code (the form, the countdowns, the cancel dialog: about 2 KiB gzip).
import { lazyPart } from "@/components/ui/lazy-part";

export const LazyRotationDeadlinePanel = lazyPart(
  () => import("./rotation-deadline-panel"),
  (m) => m.RotationDeadlinePanel,
  <p role="status" className="text-sm text-slate-600">
    Loading the timetable…
  </p>,
);
