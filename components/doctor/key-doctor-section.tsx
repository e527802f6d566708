import { KeySection } from "@/components/key-page/key-section";
import { pickerGroups } from "@/lib/doctor/operations";
import type { DoctorKeyKind } from "@/lib/doctor/key-kind";
import type { Role } from "@/lib/roles";
import { DoctorPanel } from "./doctor-panel";

/** The key page's "Why is this key failing?" section (issue 15): every role; the fixes by role. */
export function KeyDoctorSection({
  kind,
  ...props
}: {
  connectionId: string;
  /** The service account (primary workspace) or the key's group; null where none. */
  group: string | null;
  keyId: string;
  keyName: string | null;
  role: Role;
  /** What the form asks about this key (its provider's); null when the provider is not known: no
   * picker, no address. */
  kind: DoctorKeyKind | null;
}) {
  return (
    <KeySection
      id="key-doctor"
      title="Why is this key failing?"
      description="Paste the error the caller got (or nothing): Keydesk checks the key as it is now and says what to fix. What you paste is read here only: never sent upstream or kept."
    >
      {/* The picker's table stays on the server: the browser gets the groups drawn from it, not
          the table, nor lib/permissions.ts it is grouped by. */}
      <DoctorPanel {...props} operationGroups={pickerGroups(kind?.permissionModel ?? null)} kind={kind} />
    </KeySection>
  );
}
