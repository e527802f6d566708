// The key doctor against the ElevenLabs emulator over real HTTP, with a real PGlite audit log: for
// each cause, a key set up that way through Keydesk (so the log holds who and why), the error the
// emulator really answers the key's own secret with, pasted as a caller would; the doctor names
// that cause first with its evidence, and its fix, sent as the key's PATCH endpoint would take it
// (its schema, its role check), makes the next call get past that rung of the emulator's auth
// ladder. Nothing pasted reaches the emulator or the audit log.
import { describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { diagnose } from "@/lib/doctor/diagnose";
import { readPrimaryKey } from "@/lib/doctor/read";
import type { Diagnosis, Fix } from "@/lib/doctor/types";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import { changeKey, createKey, removeKey, rotateKey } from "@/lib/keys";
import { keyChangeSchema } from "@/lib/keys/schema";
import type { Permission } from "@/lib/permissions";
import type { Role } from "@/lib/roles";
import { ctxAs, keyTestbed } from "@/tests/support/key-testbed";

const bed = keyTestbed();
/** Put in every paste: it must never reach the emulator or the audit log. */
const MARKER = "pasted-marker-7f3a";

/** One of ElevenLabs' premade voices (the emulator's catalogue has it). */
const VOICE = "21m00Tcm4TlvDq8ikWAM";
/** What the caller tried: text to speech (needs text_to_speech), list voices (voices_read), or an admin call. */
type Call = "tts" | "voices" | "service-accounts";

/** A call with a key's own secret, as the caller made it; the answer as they would paste it. */
async function callWith(
  secret: string,
  from = "203.0.113.50",
  call: Call = "tts",
): Promise<{ status: number; pasted: string }> {
  const headers = { "xi-api-key": secret, "x-forwarded-for": from, "content-type": "application/json" };
  const res =
    call === "tts"
      ? await fetch(`${bed.emulator.url}/v1/text-to-speech/${VOICE}`, {
          method: "POST",
          headers,
          body: JSON.stringify({ text: "Hello from the widget." }),
        })
      : await fetch(`${bed.emulator.url}/v1/${call}`, { headers });
  const text = await res.text();
  return { status: res.status, pasted: `${MARKER} HTTP/1.1 ${res.status} ${text}` };
}

function check(
  keyId: string,
  clues: { pasted?: string; ip?: string; operation?: string; role?: Role } = {},
): Promise<Diagnosis> {
  const saId = bed.serviceAccountId;
  return diagnose(bed.deps.db, () => readPrimaryKey(bed.deps, saId, keyId), {
    target: { connectionId: "demo-elevenlabs", group: saId, keyId },
    connectionName: "Demo workspace",
    auditConnections: [...PRIMARY_CONNECTION_IDS, null],
    role: clues.role ?? "admin",
    pasted: clues.pasted,
    ip: clues.ip,
    operation: clues.operation,
  });
}

/** The fix as the key's PATCH endpoint takes it: its URL names this key, its body passes its schema. */
async function apply(fix: Fix, role: Role, keyId: string) {
  expect(fix.write!.url).toBe(`/api/service-accounts/${bed.serviceAccountId}/keys/${keyId}`);
  const body = keyChangeSchema.parse(fix.write!.body);
  return changeKey(bed.deps, ctxAs(role), bed.serviceAccountId, keyId, body);
}

async function newKey(
  name: string,
  over: { permissions?: Permission[] | "all"; allowedIps?: string[]; characterLimit?: number } = {},
) {
  return createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
    name,
    permissions: over.permissions ?? ["text_to_speech"],
    allowedIps: over.allowedIps ?? null,
    characterLimit: over.characterLimit ?? null,
  });
}

async function nothingPastedKept() {
  const rows = await bed.deps.db.select().from(auditLog);
  expect(JSON.stringify(rows)).not.toContain(MARKER);
  expect(JSON.stringify(bed.emulator.log.list())).not.toContain(MARKER);
}

describe("the doctor names the cause, with evidence, and its fix works", () => {
  it("a disabled key: when, by whom and why; support enables it and the key is accepted again", async () => {
    const { key, secret } = await newKey("widget-tts");
    await changeKey(bed.deps, ctxAs("support"), bed.serviceAccountId, key.id, {
      enabled: false,
      reason: "leaked in a public gist",
      expected: { enabled: true },
    });
    const failed = await callWith(secret);
    expect(failed.status).toBe(401);

    const d = await check(key.id, { pasted: failed.pasted, role: "support" });
    expect(d.understood).toContain("invalid_api_key");
    const [first] = d.causes;
    expect(first!.kind).toBe("disabled");
    expect(first!.evidence[0]).toMatch(
      /^Disabled on \d{4}-\d\d-\d\d \d\d:\d\d UTC by support@example\.com: leaked in a public gist\.$/,
    );
    expect(first!.fix).toMatchObject({ kind: "enable", allowed: true });
    expect(d.ticketText).toContain("Most likely:\nThe key is disabled.");

    await apply(first!.fix!, "support", key.id);
    // The caller's next call succeeds.
    expect((await callWith(secret)).status).toBe(200);
    // The enable's audit row carries the diagnosis as its reason, and nothing pasted.
    const rows = await bed.deps.db.select().from(auditLog);
    const enabled = rows.find((r) => r.action === "key_enabled");
    expect(enabled?.reason).toMatch(
      /^Key doctor: The key is disabled\. Disabled on .* leaked in a public gist\.$/,
    );
    await nothingPastedKept();
  });

  it("a deleted key: who deleted it, and no write to offer", async () => {
    const { key, secret } = await newKey("gone-key");
    await removeKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, key.id);
    const failed = await callWith(secret);
    const d = await check(key.id, { pasted: failed.pasted });
    expect(d.key.found).toBe(false);
    expect(d.causes).toHaveLength(1);
    expect(d.causes[0]).toMatchObject({ kind: "deleted", fix: { kind: "new_key", write: null } });
    expect(d.causes[0]!.evidence[0]).toMatch(/^Deleted on .* by admin@example\.com\.$/);
  });

  it("a key rotated away: the new key, whose secret the emulator accepts", async () => {
    const { key, secret } = await newKey("rotating");
    const rotated = await rotateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, key.id);
    await removeKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, key.id);
    const failed = await callWith(secret);
    const d = await check(key.id, { pasted: failed.pasted });
    expect(d.causes[0]).toMatchObject({
      kind: "rotated",
      fix: {
        kind: "use_rotated_key",
        write: null,
        href: `/service-accounts/${bed.serviceAccountId}/keys/${rotated.key.id}`,
      },
    });
    expect(d.causes[0]!.evidence[0]).toContain(rotated.key.id);
    // "Use the rotated key": the call succeeds with the new secret.
    expect((await callWith(rotated.secret)).status).toBe(200);
  });

  it("an address outside the allowlist, read from the error itself; an admin adds it and the next call gets through", async () => {
    const { key, secret } = await newKey("office-only", { allowedIps: ["203.0.113.0/24"] });
    const failed = await callWith(secret, "198.51.100.23");
    expect(failed.status).toBe(403);
    const d = await check(key.id, { pasted: failed.pasted });
    expect(d.causes[0]!.kind).toBe("ip_not_allowed");
    expect(d.causes[0]!.title).toContain("198.51.100.23");
    expect(d.causes[0]!.evidence[0]).toContain("203.0.113.0/24");
    await apply(d.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret, "198.51.100.23")).status).toBe(200);
    await nothingPastedKept();
  });

  it("a missing permission from ElevenLabs' pasted text; an admin adds it and the doctor then finds nothing", async () => {
    const { key, secret } = await newKey("tts-only");
    const failed = await callWith(secret, undefined, "voices");
    expect(failed.status).toBe(401);
    const pasted = failed.pasted;
    expect(pasted).toContain(
      "The API key you used is missing the permission voices_read to execute this operation.",
    );
    const d = await check(key.id, { pasted });
    expect(d.causes[0]).toMatchObject({
      kind: "missing_permission",
      confirmed: true,
      title: "The key lacks the permission voices_read.",
    });
    await apply(d.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret, undefined, "voices")).status).toBe(200);
    const after = await check(key.id, { pasted });
    expect(after.causes.every((c) => !c.confirmed)).toBe(true);
    expect(after.checks.find((c) => c.what === "Permission")!.result).toBe("ok");
  });

  it("the emulator's own missing right (no key may have it): named, with no write to offer", async () => {
    const { key, secret } = await newKey("all-perms", { permissions: "all" });
    const failed = await callWith(secret, undefined, "service-accounts");
    const d = await check(key.id, { pasted: failed.pasted });
    // A key with every permission lacks none of the enum: the error's right is not a key permission.
    expect(d.causes.every((c) => !c.confirmed)).toBe(true);
    const restricted = await newKey("restricted");
    const again = await check(restricted.key.id, {
      pasted: (await callWith(restricted.secret, undefined, "service-accounts")).pasted,
    });
    expect(again.causes[0]!.kind).toBe("missing_permission");
    expect(again.causes[0]!.fix).toBeNull();
    expect(again.causes[0]!.evidence.join(" ")).toContain("not a permission an API key can be given");
  });

  it("a key at its monthly limit: used / limit; only an admin may raise it", async () => {
    const { key, secret } = await newKey("capped", { characterLimit: 10_000 });
    const usage = await fetch(`${bed.emulator.url}/__emulator/usage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ keyId: key.id, characterCount: 10_000 }),
    });
    expect(usage.status).toBe(200);
    // The error the emulator really gives a key past its limit, as the caller pasted it.
    const failed = await callWith(secret);
    expect(failed.status).toBe(401);
    expect(failed.pasted).toContain("quota_exceeded");
    const pasted = failed.pasted;
    const asSupport = await check(key.id, { pasted, role: "support" });
    expect(asSupport.causes[0]).toMatchObject({
      kind: "limit_reached",
      evidence: ["10,000 of 10,000 characters used this month."],
      fix: { kind: "raise_limit", allowed: false },
    });
    // Support sending it anyway is refused by the endpoint's own role check, and nothing changes.
    await expect(apply(asSupport.causes[0]!.fix!, "support", key.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    const asReviewer = await check(key.id, { pasted, role: "reviewer" });
    expect(asReviewer.causes.every((c) => !c.fix?.allowed)).toBe(true);
    const asAdmin = await check(key.id, { pasted });
    const { key: raised } = await apply(asAdmin.causes[0]!.fix!, "admin", key.id);
    expect(raised.characterLimit).toBe(20_000);
    expect((await callWith(secret)).status).toBe(200);
    await nothingPastedKept();
  });
});
