import type { ProviderCapabilities } from "@/lib/providers/types";

/** What this provider can and cannot do with keys, said once above the table. */
export function CapabilityNotes({ capabilities: c }: { capabilities: ProviderCapabilities }) {
  const notes: string[] = [];
  if (!c.disable)
    notes.push(
      `${c.label} keys cannot be disabled: a leaked key is rotated (a twin, then the old one deleted) or deleted.`,
    );
  if (c.expiry) notes.push("A key's expiry is chosen when it is created and cannot change afterwards.");
  if (c.expiredKeysAreFrozen) notes.push("An expired key can no longer be changed, only rotated or deleted.");
  if (c.permissions.kind === "key_type")
    notes.push("A key's type (private or public) is fixed once it exists.");
  if (c.originRestriction)
    notes.push(
      "Allowed origins are enforced by browsers, not the network: they do not protect a leaked secret used from a server.",
    );
  if (notes.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label={`About ${c.label} keys`}>
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
