// The words of a rotation badge (rotation-side-badge.tsx) and of the controls beside it: which side
// of an open rotation a key is on. Plain functions, so they are tested without a browser.
import { formatDate } from "@/lib/format";
import type { KeyRotation } from "@/lib/elevenlabs/types";

/** The badge's words, and the longer explanation on hover. */
export function rotationSideText(rotation: KeyRotation): { label: string; explanation: string } {
  const since = formatDate(rotation.startedAt);
  return rotation.role === "old"
    ? {
        label: "Old, being replaced",
        explanation: `Rotation started ${since}: a new key of the same name (${rotation.partnerKeyId}) replaces this one. Disable or delete this key once nothing uses it.`,
      }
    : {
        label: "New",
        explanation: `Rotation started ${since}: this key replaces the old key of the same name (${rotation.partnerKeyId}).`,
      };
}

/**
 * The side as a control's name says it ("old, being replaced", "new"); null for a key in no
 * rotation. Two keys of one name differ only by it, so their controls must say it too.
 */
export function rotationSideWords(rotation: KeyRotation | null | undefined): string | null {
  return rotation ? rotationSideText(rotation).label.toLowerCase() : null;
}
