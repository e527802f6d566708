// Which side of an open rotation a key is on, small enough for a table row or a phone card. A
// rotation keeps the name, so two keys of one name sit side by side until it is finished: this is
// what tells them apart in All keys and Find a key. It shows for any key whose read carries a
// rotation (Keydesk's own record of it, lib/keys/pairing.ts), whatever its connection. The words
// are the badge (read by screen readers, with "Rotation:" before them); the colour only repeats them.
import type { KeyRotation } from "@/lib/elevenlabs/types";
import { rotationSideText } from "./rotation-side.logic";

export function RotationSideBadge({ rotation }: { rotation: KeyRotation | null | undefined }) {
  if (!rotation) return null;
  const { label, explanation } = rotationSideText(rotation);
  return (
    <span
      title={explanation}
      data-rotation-role={rotation.role}
      className={`inline-flex shrink-0 items-center rounded-full px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${
        rotation.role === "old"
          ? "bg-amber-50 text-amber-950 ring-amber-300"
          : "bg-sky-50 text-sky-900 ring-sky-200"
      }`}
    >
      <span className="sr-only">Rotation: </span>
      {label}
    </span>
  );
}
