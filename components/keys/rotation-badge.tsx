import { formatDate } from "@/lib/format";
import type { KeyRotation } from "@/lib/elevenlabs/types";

/**
 * Which side of an open rotation a key is on. A rotation keeps the name, so two keys of one name
 * sit side by side until it is finished: this badge is what tells the old one from the new one.
 */
export function RotationBadge({ rotation }: { rotation: KeyRotation }) {
  const old = rotation.role === "old";
  const since = formatDate(rotation.startedAt);
  return (
    <span
      title={
        old
          ? `Rotation started ${since}: a new key of the same name replaces this one. Finish the rotation (disable or delete this key) once nothing uses it.`
          : `Rotation started ${since}: this key replaces the old key of the same name.`
      }
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${
        old ? "bg-amber-50 text-amber-950 ring-amber-300" : "bg-sky-50 text-sky-900 ring-sky-200"
      }`}
    >
      {old ? "Being replaced" : "Replacement"}
    </span>
  );
}
