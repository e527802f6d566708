"use client";
// The key doctor for one found key, in a dialog over Find a key: support on a "our key stopped
// working" ticket pastes the caller's error here without leaving the search. The same panel as
// the key's page (its fixes by role), and a way on to that page. Loaded when first opened
// (why-failing.tsx), so its code and the operations table are not in Find a key's first load.
import { Link } from "@/components/ui/link";
import { DoctorPanel } from "@/components/doctor/doctor-panel";
import { Dialog } from "@/components/ui/dialog";
import { pickerGroups } from "@/lib/doctor/operations";
import { keyHref, type KeyRef } from "@/lib/key-href";
import type { DoctorKeyKind } from "@/lib/doctor/key-kind";
import type { Role } from "@/lib/roles";

/** The key: its connection (either primary id for the workspace), group and id. */
export interface DoctorTarget extends KeyRef {
  connectionId: string;
  /** The service account (primary workspace) or the key's group; null where none. */
  group: string | null;
}

export function DoctorDialog({
  name,
  target,
  kind,
  role,
  onClose,
}: {
  name: string;
  target: DoctorTarget;
  kind: DoctorKeyKind;
  role: Role;
  onClose: () => void;
}) {
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Why is ${name} failing?`}
      description="Paste the error the caller got (or nothing): Keydesk checks the key as it is now and says what to fix. What you paste is read here only: never sent upstream or kept."
    >
      <div className="space-y-4">
        <DoctorPanel
          connectionId={target.connectionId}
          group={target.group}
          keyId={target.keyId}
          keyName={name}
          role={role}
          operationGroups={pickerGroups(kind.permissionModel)}
          kind={kind}
        />
        <p className="text-sm">
          <Link href={`${keyHref(target)}#key-doctor`} className="font-medium text-indigo-700 underline">
            Open the key&apos;s page
          </Link>{" "}
          for its settings, usage and history.
        </p>
      </div>
    </Dialog>
  );
}
