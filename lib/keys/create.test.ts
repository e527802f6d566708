import { describe, expect, it } from "vitest";
import { handlerErrorResponse as errorResponse } from "@/lib/api/handler-error";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import { createKey } from "./create";
import {
  auditOf,
  ctxAs,
  everythingStored,
  failure,
  inject,
  keyTestbed,
  writes,
} from "@/tests/support/key-testbed";

const bed = keyTestbed();
const keysPath = () => `/v1/service-accounts/${bed.serviceAccountId}/api-keys`;

describe("createKey", () => {
  it("creates the key once, audits attempt, completion and the reveal, and keeps the secret nowhere", async () => {
    const ctx = ctxAs("admin");
    const input = {
      name: "tts-worker",
      permissions: ["text_to_speech" as const],
      characterLimit: 1000,
      allowedIps: ["10.0.0.0/24"],
    };
    const { key, secret } = await createKey(bed.deps, ctx, bed.serviceAccountId, input);

    expect(secret).toMatch(/^sk_[0-9a-f]{48}$/);
    expect(key).toMatchObject({
      serviceAccountId: bed.serviceAccountId,
      name: "tts-worker",
      hint: secret.slice(-4),
      enabled: true,
      permissions: ["text_to_speech"],
      characterLimit: 1000,
      allowedIps: ["10.0.0.0/24"],
      rotation: null,
    });
    expect(writes(bed).map((r) => [r.method, r.path])).toEqual([["POST", keysPath()]]);

    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["key_created", "pending"],
      ["key_created", "ok"],
      ["key_secret_revealed", "ok"],
    ]);
    expect(rows[0]).toMatchObject({
      actorEmail: "admin@example.com",
      actorRole: "admin",
      ip: "203.0.113.9",
      userAgent: "vitest",
      serviceAccountId: bed.serviceAccountId,
      targetName: "tts-worker",
    });
    expect(rows[0]!.changes).toEqual({
      name: { before: null, after: "tts-worker" },
      permissions: { before: null, after: ["text_to_speech"] },
      characterLimit: { before: null, after: 1000 },
      allowedIps: { before: null, after: ["10.0.0.0/24"] },
    });
    expect(rows[2]).toMatchObject({ keyId: key.id, targetName: "tts-worker" });
    // The completion names the key it made, so the key's own history (its page) finds its creation.
    expect(rows[1]).toMatchObject({
      keyId: key.id,
      changes: { createdKeyId: { before: null, after: key.id } },
    });
    // Today's key writes are on the primary connection, and every row (the completion too) says so.
    expect(rows.map((r) => r.connectionId)).toEqual(Array(3).fill(primaryConnectionId()));

    const stored = await everythingStored(bed);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(3, 20));
    expect(stored).not.toMatch(/sk_[0-9a-f]{8}/);
  });

  it("does not retry a create the upstream made but answered 500 for: one request, one key, found by re-reading, a 502 saying so", async () => {
    const ctx = ctxAs("admin");
    inject(bed, "POST", keysPath(), { kind: "status", status: 500, after: true });
    const error = await failure(
      createKey(bed.deps, ctx, bed.serviceAccountId, { name: "once", permissions: "all" }),
    );

    expect(writes(bed)).toHaveLength(1);
    expect(await bed.deps.upstream.listKeys(bed.serviceAccountId)).toHaveLength(1);
    const res = errorResponse(error, "req-x");
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "upstream_error", outcome: "applied" });
    expect(body.error.upstreamRequestId).toBe(writes(bed)[0]!.requestId);
    expect(
      (await auditOf(bed, ctx)).map((r) => [r.action, r.outcome, r.errorCode, r.upstreamStatus]),
    ).toEqual([
      ["key_created", "pending", null, null],
      ["key_created", "applied", "unavailable", 500],
    ]);
  });

  it.each([
    ["429 with Retry-After", { kind: "status", status: 429, retryAfter: 7 } as const, 429, "rate_limited"],
    ["503", { kind: "status", status: 503 } as const, 503, "upstream_unavailable"],
    ["a timeout", { kind: "hang" } as const, 504, "upstream_timeout"],
  ])(
    "surfaces %s with its own status, once, with nothing revealed (nothing was made)",
    async (_label, fault, status, code) => {
      const ctx = ctxAs("admin");
      inject(bed, "POST", keysPath(), fault);
      const error = await failure(
        createKey(bed.deps, ctx, bed.serviceAccountId, { name: "k", permissions: "all" }),
      );
      const res = errorResponse(error, "req-y");
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
      if (status === 429) expect(res.headers.get("retry-after")).toBe("7");
      expect(writes(bed)).toHaveLength(1);
      expect((await auditOf(bed, ctx)).map((r) => r.action)).toEqual(["key_created", "key_created"]);
    },
  );
});
