import { Link } from "@/components/ui/link";
import { AuditTable } from "@/components/audit/audit-table";
import type { ConnectionNames } from "@/lib/audit/connection-label";
import type { AuditEntry } from "@/lib/audit/types";
import { KeySection } from "./key-section";

/** How many of a key's latest audit events its page shows; the rest are one link away. */
export const KEY_HISTORY_ROWS = 20;

/** The key's own audit history (newest first), and the whole audit log filtered to it. */
export function KeyHistory({
  entries,
  more,
  connectionNames,
  fullLogHref,
}: {
  entries: AuditEntry[];
  /** Whether older events exist beyond these. */
  more: boolean;
  connectionNames: ConnectionNames;
  fullLogHref: string;
}) {
  return (
    <KeySection
      id="key-history"
      title="Audit history"
      description={
        entries.length === 0
          ? "Nothing about this key is on Keydesk's audit log yet."
          : more
            ? `The latest ${entries.length} events about this key.`
            : "Every event about this key, newest first."
      }
    >
      {entries.length > 0 ? <AuditTable entries={entries} connectionNames={connectionNames} /> : null}
      <p className="text-sm">
        <Link href={fullLogHref} className="font-medium text-indigo-800 underline">
          Open the audit log filtered to this key
        </Link>
      </p>
    </KeySection>
  );
}
