// Which rotations are not finished, from keys as a list read gives them (each with the rotation
// Keydesk's own record pairs it with: lib/keys/pairing.ts), and how the reminder says so.
import type { KeyRotation } from "@/lib/elevenlabs/types";

type RotatingKey = { id: string; name: string; serviceAccountId: string; rotation: KeyRotation | null };

/** The old key of each open rotation (one per rotation), the longest-running first. */
export function unfinishedRotations<K extends RotatingKey>(
  keys: readonly K[],
): (K & { rotation: KeyRotation })[] {
  return keys
    .filter((k): k is K & { rotation: KeyRotation } => k.rotation?.role === "old")
    .sort((a, b) => a.rotation.startedAt.localeCompare(b.rotation.startedAt) || a.name.localeCompare(b.name));
}

/** "1 rotation not finished" / "2 rotations not finished". */
export function reminderHeadline(count: number): string {
  return `${count} ${count === 1 ? "rotation" : "rotations"} not finished`;
}
