import { Link } from "@/components/ui/link";
import type { KeyRotation } from "@/lib/elevenlabs/types";
import { formatDate, visibleText } from "@/lib/format";

/**
 * Where the key stands in a rotation Keydesk tracks (old key and its replacement, paired until the
 * old one is disabled or deleted): "being replaced by …" or "replaces …", each a link to the other.
 */
export function RotationState({
  rotation,
  partner,
}: {
  rotation: KeyRotation | null;
  /** The other key of the pair, with its page; null when it is no longer listed. */
  partner: { name: string; href: string } | null;
}) {
  if (!rotation) return <p className="text-sm text-slate-700">No rotation in progress.</p>;
  const other = partner ? (
    <Link href={partner.href} className="font-medium break-all text-indigo-800 underline">
      {visibleText(partner.name)}
    </Link>
  ) : (
    <>
      a key that is no longer listed (<code className="font-mono text-xs">{rotation.partnerKeyId}</code>)
    </>
  );
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        <span className="font-medium text-slate-900">
          {rotation.role === "old" ? "Being replaced by " : "Replaces "}
        </span>
        {other}, since {formatDate(rotation.startedAt)}.
      </p>
      <p className="text-slate-600">
        {rotation.role === "old"
          ? "This key still works. Finish the rotation (disable or delete it) once nothing uses it."
          : "The old key still works until the rotation is finished."}
      </p>
    </div>
  );
}
