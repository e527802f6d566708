import type { KeyRotation } from "@/lib/elevenlabs/types";

export function RotationBadge({ rotation }: { rotation: KeyRotation }) {
  return (
    <span className="inline-flex items-center rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-900 ring-1 ring-sky-200">
      Rotation in progress ({rotation.role === "old" ? "old key" : "new key"})
    </span>
  );
}
