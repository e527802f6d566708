// A connection testbed for the key doctor's integration tests on DocSpace and Voiceable: a real
// PGlite audit log, one connection to an emulator over real HTTP through the product's adapters,
// the doctor as POST /api/doctor/diagnose runs it (its schema, diagnoseConnectionKey), and a fix
// sent as PATCH /api/connections/{id}/keys/{keyId} takes it (its URL, its schema, its role check).
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { addConnection } from "@/lib/connections/actions";
import { checkWithProvider } from "@/lib/connections/check";
import { encryptionKey } from "@/lib/connections/crypto";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { changeConnectionKey } from "@/lib/connection-keys";
import { connectionKeyChangeSchema } from "@/lib/connection-keys/schema";
import { auditLog, user } from "@/lib/db/schema";
import { diagnoseConnectionKey } from "@/lib/doctor";
import { diagnoseSchema } from "@/lib/doctor/schema";
import type { Diagnosis, Fix } from "@/lib/doctor/types";
import type { Role } from "@/lib/roles";
import { testDatabases } from "@/tests/support/audit-log";

/** Put in every paste: it must never reach the emulator or the audit log. */
export const MARKER = "pasted-marker-5c1e";

export const contextOf = (role: Role): ConnectionActionContext =>
  ({
    actor: { id: `u_${role}`, email: `${role}@example.com`, name: role, role },
    info: { requestId: `req-${role}`, ip: "203.0.113.5", userAgent: "vitest" },
  }) as ConnectionActionContext;

export interface DoctorBed {
  deps: ConnectionDeps;
  connectionId: string;
}

const open = testDatabases();

/** The database, the users of each role, and one connection to the emulator at `baseUrl`. */
export async function doctorBed(
  provider: "docspace" | "voiceable",
  baseUrl: string,
  credential: string,
): Promise<DoctorBed> {
  const db = (await open("pglite")).db;
  const current = encryptionKey(randomBytes(32));
  const deps: ConnectionDeps = {
    db,
    keys: () => ({ current, all: [current] }),
    fixed: async () => [],
    check: checkWithProvider,
  };
  await db.insert(user).values(
    (["support", "reviewer"] as const).map((role) => ({
      id: `u_${role}`,
      name: role,
      email: `${role}@example.com`,
      role,
    })),
  );
  const { connection } = await addConnection(deps, contextOf("admin"), {
    name: provider === "docspace" ? "Portal" : "Voice",
    provider,
    baseUrl,
    credential,
  });
  return { deps, connectionId: connection.id };
}

/** The caller's error as they would paste it: a log line with the status and the body. */
export async function pastedFrom(res: Response): Promise<{ status: number; pasted: string }> {
  return { status: res.status, pasted: `${MARKER} HTTP/1.1 ${res.status} ${await res.text()}` };
}

/** The doctor, for this role, with the body the panel sends (checked by the route's schema). */
export function diagnoseAs(
  bed: DoctorBed,
  role: Role,
  keyId: string,
  pasted: string | null,
  operation: string | null = null,
): Promise<Diagnosis> {
  const body = diagnoseSchema.parse({ connectionId: bed.connectionId, keyId, saId: null, pasted, operation });
  return diagnoseConnectionKey(bed.deps, { id: `u_${role}`, role }, body);
}

/** Sends the fix as the key's PATCH route takes it: its URL names this key, its body passes the schema. */
export async function applyFix(bed: DoctorBed, fix: Fix, role: Role, keyId: string) {
  expect(fix.write!.url).toBe(`/api/connections/${bed.connectionId}/keys/${encodeURIComponent(keyId)}`);
  const body = connectionKeyChangeSchema.parse(fix.write!.body);
  return changeConnectionKey(bed.deps, contextOf(role), bed.connectionId, keyId, undefined, body);
}

/** Nothing pasted reached the audit log or the emulator's request log. */
export async function nothingPastedKept(bed: DoctorBed, emulatorLog: { list(): unknown[] }) {
  const rows = await bed.deps.db.select().from(auditLog);
  expect(JSON.stringify(rows)).not.toContain(MARKER);
  expect(JSON.stringify(emulatorLog.list())).not.toContain(MARKER);
}
