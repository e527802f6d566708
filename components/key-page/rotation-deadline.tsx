// A rotation's finish on a timetable, on a key's page: a server component that reads the key's
// schedule (lib/rotation-schedule) and hands it to the panel. On the primary workspace it is part
// of the rotation section (the old key of an open rotation may have one set; both keys of the pair
// show it); on another connection it is a section of its own (any key may be retired on a timetable).
import { getDatabase } from "@/lib/db";
import type { Role } from "@/lib/roles";
import { finishScheduleOf } from "@/lib/rotation-schedule/schedule";
import { PRIMARY } from "@/lib/rotation-schedule/targets";
import { KeySection } from "./key-section";
import { LazyRotationDeadlinePanel } from "./rotation-deadline-lazy";

export type RotationDeadlineKey =
  | {
      kind: "primary";
      saId: string;
      keyId: string;
      /** The key's side of its open rotation, if any. */
      rotationRole: "old" | "new" | null;
    }
  | { kind: "connection"; connectionId: string; keyId: string; group: string | null; canDisable: boolean };

function apiPathOf(key: RotationDeadlineKey): string {
  const id = encodeURIComponent(key.keyId);
  if (key.kind === "primary")
    return `/api/service-accounts/${encodeURIComponent(key.saId)}/keys/${id}/rotate/schedule`;
  const query = key.group ? `?${new URLSearchParams({ group: key.group })}` : "";
  return `/api/connections/${encodeURIComponent(key.connectionId)}/keys/${id}/rotate/schedule${query}`;
}

export async function RotationDeadline({ apiKey, role }: { apiKey: RotationDeadlineKey; role: Role }) {
  const { db } = await getDatabase();
  const connectionId = apiKey.kind === "primary" ? PRIMARY : apiKey.connectionId;
  const schedule = await finishScheduleOf(db, { connectionId, keyId: apiKey.keyId });
  const viewing = schedule ? (schedule.keyId === apiKey.keyId ? "old" : "new") : "old";
  const open = schedule !== null && schedule.closedAt === null;
  // The key to finish: the old key of an open rotation (or of an open schedule), or any key of
  // another connection (which pairs no rotations).
  const finishable =
    viewing === "old" && (apiKey.kind === "connection" || apiKey.rotationRole === "old" || open);
  const canEdit = role === "admin" && finishable;
  if (!schedule && !canEdit) return null;
  const panel = (
    <LazyRotationDeadlinePanel
      schedule={schedule}
      viewing={viewing}
      canEdit={canEdit}
      canDisable={apiKey.kind === "primary" || apiKey.canDisable}
      apiPath={apiPathOf(apiKey)}
    />
  );
  if (apiKey.kind === "primary") return panel;
  return (
    <KeySection
      id="key-finish-schedule"
      title="Retire on a timetable"
      description="After a rotation, have Keydesk disable and delete this key at a time you choose."
    >
      {panel}
    </KeySection>
  );
}
