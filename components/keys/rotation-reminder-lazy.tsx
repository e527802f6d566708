"use client";
// The reminder of unfinished rotations, whose code loads only when a rotation is open
// (components/ui/lazy-part.tsx): most visits to a service account have none to show.
import { lazyPart } from "@/components/ui/lazy-part";
import type { KeyView } from "@/lib/keys/view";
import { unfinishedRotations } from "./rotation-reminder.logic";

const Reminder = lazyPart(
  () => import("./rotation-reminder"),
  (m) => m.RotationReminder<KeyView>,
);

export function LazyRotationReminder(props: { keys: readonly KeyView[]; onFinish?: (key: KeyView) => void }) {
  return unfinishedRotations(props.keys).length > 0 ? <Reminder {...props} /> : null;
}
