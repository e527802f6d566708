// Leak reports from scanners (issue 14), below the route over real HTTP: GitHub's keys served by a
// local keys URL with generated P-256 key pairs, the primary ElevenLabs workspace and a DocSpace
// portal on their emulators, a throwaway PGlite database, and the alert bus subscribed to. A signed
// report of a real secret disables its key upstream (the emulator then refuses the secret), writes
// the audit rows with the reason and publishes the alert; a forged, unsigned, unknown-key, replayed,
// oversized or non-JSON message changes nothing. The token is nowhere in the database or the log.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import type { Connection } from "@/lib/connections/types";
import type { ConnectionDeps } from "@/lib/connections/list";
import { like } from "drizzle-orm";
import { auditLog, leakReport, rateLimit, schema } from "@/lib/db/schema";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { createUpstream } from "@/lib/elevenlabs/client";
import { createKey, type KeyDeps } from "@/lib/keys";
import { answerLeakReport, type EndpointSpec } from "@/lib/leaks/endpoint";
import { genericEndpoint } from "@/lib/leaks/generic";
import { githubEndpoint } from "@/lib/leaks/github";
import { githubKeys } from "@/lib/leaks/github-keys";
import { signatureHeader } from "@/lib/leaks/hmac-signature";
import { MAX_PER_WINDOW } from "@/lib/leaks/rate-limit";
import { logger } from "@/lib/log/logger";
import { call } from "@/tests/support/emulator-calls";
import {
  githubHeaders,
  makeKeyPair,
  startGithubKeysServer,
  type GithubKeysServer,
} from "@/tests/support/github-keys-server";
import { ADMIN_KEY, ctxAs, keyTestbed } from "@/tests/support/key-testbed";

const bed = keyTestbed();
const DOCSPACE_ADMIN = "docspace_leaks_admin";
const WEBHOOK_SECRET = "leak-webhook-secret-for-tests-0123456789";
let docspace: DocspaceEmulator;
let keysServer: GithubKeysServer;
let autoDisable = true;
/** Every secret these tests report: none may reach the database or the log. */
const reported: string[] = [];
const alerts: AlertEvent[] = [];
const logged: unknown[] = [];
let stopAlerts: (() => void) | undefined;

function connection(
  id: string,
  provider: Connection["provider"],
  baseUrl: string,
  credential: string,
): Connection {
  return {
    id,
    name: `${id} name`,
    provider,
    baseUrl,
    source: "file",
    credentialHint: "",
    createdAt: null,
    credential: async () => credential,
  };
}

function rest(): Pick<EndpointSpec, "db" | "deps"> {
  const connections: ConnectionDeps = {
    db: bed.deps.db,
    keys: () => {
      throw new Error("no stored connections here");
    },
    fixed: async () => [
      connection("env-elevenlabs", "elevenlabs", bed.emulator.url, ADMIN_KEY),
      connection("file-portal", "docspace", docspace.url, DOCSPACE_ADMIN),
    ],
    check: async () => ({ ok: true, summary: "" }),
  };
  return {
    db: async () => bed.deps.db,
    deps: async () => ({ keys: deps, connections, autoDisable }),
  };
}

let github: EndpointSpec;
/** The testbed's database and emulator, with a time limit that tolerates a loaded machine. */
let deps: KeyDeps;

function post(spec: EndpointSpec, body: string | Buffer, headers: Record<string, string>): Promise<Response> {
  return answerLeakReport(
    spec,
    new Request("http://keydesk.test/api/leaks/github", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : new Uint8Array(body),
    }),
  );
}

/** A new key on the primary workspace, and its secret (remembered as reported). */
async function leakedKey(name = "ci-bot"): Promise<{ keyId: string; secret: string }> {
  const { key, secret } = await createKey(deps, ctxAs("admin"), bed.serviceAccountId, {
    name,
    permissions: "all",
  });
  reported.push(secret);
  return { keyId: key.id, secret };
}

const message = (token: string, url = "https://github.com/octo/repo/blob/abc/.env") =>
  JSON.stringify([{ token, type: "elevenlabs_api_key", url, source: "content" }]);

async function keyEnabled(keyId: string): Promise<boolean> {
  const keys = await deps.upstream.listKeys(bed.serviceAccountId);
  return keys.find((k) => k.id === keyId)!.enabled;
}

/** What changes when a report is acted on: audit rows, leak records, writes upstream, alerts. */
async function footprint() {
  return {
    audit: (await bed.deps.db.select().from(auditLog)).length,
    leaks: (await bed.deps.db.select().from(leakReport)).length,
    writes: bed.emulator.log.list().filter((r) => r.method !== "GET").length,
    alerts: alerts.length,
  };
}

async function everyTable(): Promise<string> {
  const rows = await Promise.all(Object.values(schema).map((table) => bed.deps.db.select().from(table)));
  return JSON.stringify(rows);
}

beforeAll(async () => {
  deps = {
    db: bed.deps.db,
    upstream: createUpstream({ baseUrl: bed.emulator.url, apiKey: ADMIN_KEY, timeoutMs: 10_000 }),
  };
  docspace = await startDocspaceEmulator({ adminKeys: [DOCSPACE_ADMIN], seed: "empty", control: true });
  keysServer = await startGithubKeysServer();
  stopAlerts = onAlert((event) => {
    alerts.push(event);
  });
  for (const level of ["info", "warn", "error"] as const)
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
      logged.push(args);
    }) as never);
});
afterAll(async () => {
  stopAlerts?.();
  vi.restoreAllMocks();
  await Promise.all([docspace?.close(), keysServer?.close()]);
});
beforeEach(() => {
  autoDisable = true;
  alerts.length = 0;
  // A cache per test, as a fresh process would have.
  github = githubEndpoint(githubKeys({ url: keysServer.url, minRefetchMs: 60_000 }), rest());
});
afterEach(async () => {
  const stored = await everyTable();
  const log = JSON.stringify(logged);
  for (const secret of reported) {
    expect(stored).not.toContain(secret);
    expect(log).not.toContain(secret);
  }
});

describe("POST /api/leaks/github", () => {
  it("disables the reported key upstream, audits it with the reason, records it and alerts", async () => {
    const { keyId, secret } = await leakedKey("ci-bot");
    const url = "https://github.com/octo/repo/blob/abc/.env";
    const body = message(secret, url);

    const res = await post(github, body, githubHeaders(keysServer.published[0]!, body));

    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer).toEqual([
      {
        token_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        token_type: "elevenlabs_api_key",
        label: "true_positive",
        outcome: "disabled",
      },
    ]);
    expect(JSON.stringify(answer)).not.toContain(secret);
    // Off upstream: the emulator refuses the secret itself now.
    expect(await keyEnabled(keyId)).toBe(false);
    const refused = await call(bed.emulator, "GET", "/v1/service-accounts", { key: secret });
    expect(refused.body.detail.status).toBe("invalid_api_key");

    const rows = (await bed.deps.db.select().from(auditLog)).filter(
      (r) => r.action === "key_disabled" && r.keyId === keyId,
    );
    const reason = `reported public by GitHub secret scanning: ${url}`;
    // The attempt carries the reason; its completion names it and says how it ended.
    expect(rows.map((r) => [r.outcome, r.actorEmail, r.actorUserId, r.reason])).toEqual([
      ["pending", "GitHub secret scanning", "scanner:github", reason],
      ["ok", "GitHub secret scanning", "scanner:github", null],
    ]);
    expect(rows[1]!.completes).toBe(rows[0]!.id);
    const records = await bed.deps.db.select().from(leakReport);
    expect(records.at(-1)).toMatchObject({
      scanner: "github",
      connectionId: "env-elevenlabs",
      groupId: bed.serviceAccountId,
      keyId,
      keyName: "ci-bot",
      url,
      source: "content",
      tokenType: "elevenlabs_api_key",
      outcome: "disabled",
    });
    // The leak itself, and the disable it caused (every audited disable raises key_disabled: lib/alerts).
    expect(alerts.filter((a) => a.kind === "leak_reported")).toEqual([
      expect.objectContaining({
        kind: "leak_reported",
        severity: "warning",
        title: "Key “ci-bot” was disabled: reported public by GitHub secret scanning",
        body: `Found at ${url}`,
        target: { connectionId: "env-elevenlabs", group: bed.serviceAccountId, keyId, name: "ci-bot" },
      }),
    ]);
    expect(alerts.filter((a) => a.kind === "key_disabled")).toEqual([
      expect.objectContaining({
        title: "Key “ci-bot” was disabled by GitHub secret scanning",
        target: expect.objectContaining({ keyId, name: "ci-bot" }),
      }),
    ]);
    expect(alerts).toHaveLength(2);
  });

  it("refuses a forged signature, an unknown key identifier, an unsigned message and a replay, changing nothing", async () => {
    const { keyId, secret } = await leakedKey("forged-target");
    const body = message(secret);
    const genuine = keysServer.published[0]!;
    const impostor = makeKeyPair();
    const before = await footprint();

    // Signed by another key, under the genuine key's identifier.
    const forged = await post(github, body, {
      ...githubHeaders(impostor, body),
      "github-public-key-identifier": genuine.id,
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe("unauthenticated");
    // The genuine signature over another body.
    const swapped = await post(
      github,
      message(secret, "https://github.com/other"),
      githubHeaders(genuine, body),
    );
    expect(swapped.status).toBe(401);
    // A key GitHub never published.
    const unknown = await post(github, body, githubHeaders(impostor, body));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.message).toContain("unknown key identifier");
    // No signature at all; a signature that is not base64.
    expect((await post(github, body, { "content-type": "application/json" })).status).toBe(401);
    expect(
      (
        await post(github, body, {
          ...githubHeaders(genuine, body),
          "github-public-key-signature": "not base64!",
        })
      ).status,
    ).toBe(401);

    expect(await footprint()).toEqual(before);
    expect(await keyEnabled(keyId)).toBe(true);

    // The genuine message is taken once; the same bytes again are a replay.
    expect((await post(github, body, githubHeaders(genuine, body))).status).toBe(200);
    const afterFirst = await footprint();
    const replay = await post(github, body, githubHeaders(genuine, body));
    expect(replay.status).toBe(409);
    expect(await footprint()).toEqual(afterFirst);
  });

  it("refuses an oversized body (413), a body that is not JSON (415, 422) and a wrong shape (422), changing nothing", async () => {
    const { keyId, secret } = await leakedKey("shape-target");
    const pair = keysServer.published[0]!;
    const before = await footprint();

    const huge = Buffer.alloc(1024 * 1024 + 1, " ");
    expect((await post(github, huge, githubHeaders(pair, huge))).status).toBe(413);
    const text = message(secret);
    expect(
      (await post(github, text, { ...githubHeaders(pair, text), "content-type": "text/plain" })).status,
    ).toBe(415);
    const broken = `${message(secret)}]`;
    const notJson = await post(github, broken, githubHeaders(pair, broken));
    expect(notJson.status).toBe(422);
    const wrongShape = JSON.stringify({ token: secret });
    const shape = await post(github, wrongShape, githubHeaders(pair, wrongShape));
    expect(shape.status).toBe(422);
    expect(await shape.text()).not.toContain(secret);

    expect(await footprint()).toEqual(before);
    expect(await keyEnabled(keyId)).toBe(true);
  });

  it("reads the keys URL again for a new key identifier (GitHub rotated), but at most once a minute", async () => {
    const { secret } = await leakedKey("rotation-target");
    const body = message(secret);
    const first = keysServer.published[0]!;
    let now = Date.now();
    const spec = githubEndpoint(
      githubKeys({ url: keysServer.url, minRefetchMs: 60_000, now: () => now }),
      rest(),
    );
    // The cache learns the keys on the first message.
    const unknownBody = message("not-a-key-of-ours-000000000000000000");
    expect((await post(spec, unknownBody, githubHeaders(first, unknownBody))).status).toBe(200);
    const reads = keysServer.reads;

    const rotated = makeKeyPair();
    keysServer.published = [rotated, first];
    try {
      // Within the minute, a flood of unknown identifiers reads nothing (the rotated key too waits).
      for (let i = 0; i < 3; i++)
        expect((await post(spec, body, githubHeaders(makeKeyPair(), body))).status).toBe(401);
      expect((await post(spec, body, githubHeaders(rotated, body))).status).toBe(401);
      expect(keysServer.reads).toBe(reads);
      // A minute on: the next unknown identifier reads once, then the flood reads nothing again.
      now += 61_000;
      for (let i = 0; i < 5; i++)
        expect((await post(spec, body, githubHeaders(makeKeyPair(), body))).status).toBe(401);
      expect(keysServer.reads).toBe(reads + 1);
      // The rotated key came with that read: its message is taken.
      const res = await post(spec, body, githubHeaders(rotated, body));
      expect(res.status).toBe(200);
      expect((await res.json())[0].outcome).toBe("disabled");
      expect(keysServer.reads).toBe(reads + 1);
    } finally {
      keysServer.published = [first];
    }
  });

  it("answers 503 when the keys URL cannot be read and the key is not known yet", async () => {
    const spec = githubEndpoint(githubKeys({ url: "http://127.0.0.1:1/keys", timeoutMs: 500 }), rest());
    const body = message("a-token-nobody-has-000000000000000000");
    const res = await post(spec, body, githubHeaders(keysServer.published[0]!, body));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
  });

  it("with auto-disable off, records and alerts as urgent without disabling", async () => {
    autoDisable = false;
    const { keyId, secret } = await leakedKey("kept-on");
    const body = message(secret);
    const res = await post(github, body, githubHeaders(keysServer.published[0]!, body));
    expect((await res.json())[0]).toMatchObject({ label: "true_positive", outcome: "not_disabled" });
    expect(await keyEnabled(keyId)).toBe(true);
    expect(alerts).toEqual([expect.objectContaining({ kind: "leak_reported", severity: "urgent" })]);
  });

  it("never disables on a guess: a DocSpace secret (no hash, only its last characters) is an urgent possible match", async () => {
    const res0 = await fetch(`${docspace.url}/api/2.0/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${DOCSPACE_ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "portal-key", permissions: ["files:read"] }),
    });
    const { response } = (await res0.json()) as { response: { id: string; key: string } };
    reported.push(response.key);
    const body = message(response.key);
    const writesBefore = docspace.log.list().filter((r) => r.method !== "GET").length;

    const res = await post(github, body, githubHeaders(keysServer.published[0]!, body));

    const [entry] = await res.json();
    expect(entry).toEqual(expect.objectContaining({ outcome: "possible_match", candidates: 1 }));
    expect(entry.label).toBeUndefined();
    expect(docspace.log.list().filter((r) => r.method !== "GET").length).toBe(writesBefore);
    expect(alerts).toEqual([expect.objectContaining({ severity: "urgent", kind: "leak_reported" })]);
  });

  it("a token matching no key is a false positive with no alert; a URL holding the token is stored without it", async () => {
    const token = `zz_${randomUUID().replace(/-/g, "")}`;
    reported.push(token);
    const body = message(token, `https://paste.example/raw?t=${token}`);
    const res = await post(github, body, githubHeaders(keysServer.published[0]!, body));
    expect((await res.json())[0]).toMatchObject({ label: "false_positive", outcome: "no_match" });
    expect(alerts).toEqual([]);
    const [record] = (await bed.deps.db.select().from(leakReport)).slice(-1);
    expect(record).toMatchObject({
      outcome: "no_match",
      keyId: null,
      url: "https://paste.example/raw?t=[redacted]",
    });
  });
});

describe("POST /api/leaks/generic", () => {
  const generic = () => genericEndpoint(WEBHOOK_SECRET, rest());

  it("takes a report signed with the webhook secret, and disables the key", async () => {
    const { keyId, secret } = await leakedKey("generic-target");
    const body = JSON.stringify([{ token: secret, url: "https://gitlab.example/x" }]);
    const res = await post(generic(), body, {
      "content-type": "application/json",
      "keydesk-signature": signatureHeader(WEBHOOK_SECRET, body),
    });
    expect(res.status).toBe(200);
    expect((await res.json())[0].outcome).toBe("disabled");
    expect(await keyEnabled(keyId)).toBe(false);
    const [attempt] = (await bed.deps.db.select().from(auditLog)).filter(
      (r) => r.action === "key_disabled" && r.keyId === keyId,
    );
    expect(attempt).toMatchObject({
      actorEmail: "Leak scanner",
      reason: "reported public by Leak scanner: https://gitlab.example/x",
    });
  });

  it("refuses another secret, an old signature and a missing one; answers 404 when no secret is set", async () => {
    const { keyId, secret } = await leakedKey("generic-refused");
    const body = JSON.stringify([{ token: secret }]);
    const before = await footprint();
    const json = { "content-type": "application/json" };
    const other = await post(generic(), body, {
      ...json,
      "keydesk-signature": signatureHeader("another-secret-of-32-characters-or-more", body),
    });
    expect(other.status).toBe(401);
    const stale = await post(generic(), body, {
      ...json,
      "keydesk-signature": signatureHeader(WEBHOOK_SECRET, body, Date.now() - 10 * 60_000),
    });
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.message).toContain("five minutes");
    expect((await post(generic(), body, json)).status).toBe(401);
    const off = await post(genericEndpoint(undefined, rest()), body, {
      ...json,
      "keydesk-signature": signatureHeader(WEBHOOK_SECRET, body),
    });
    expect(off.status).toBe(404);
    expect(await footprint()).toEqual(before);
    expect(await keyEnabled(keyId)).toBe(true);
  });
});

describe("the rate limit", () => {
  afterAll(async () => {
    await bed.deps.db.delete(rateLimit).where(like(rateLimit.key, "leaks:%"));
  });

  it("answers 429 with Retry-After past 120 messages a minute from one address, before reading the body", async () => {
    const { keyId, secret } = await leakedKey("flooded");
    const body = message(secret);
    let status = 0;
    let calls = 0;
    let last: Response | null = null;
    while (calls < 200 && status !== 429) {
      last = await post(github, body, { "content-type": "application/json" });
      status = last.status;
      calls++;
    }
    expect(status).toBe(429);
    expect(calls).toBeLessThanOrEqual(MAX_PER_WINDOW + 1);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even a genuine message waits now.
    expect((await post(github, body, githubHeaders(keysServer.published[0]!, body))).status).toBe(429);
    expect(await keyEnabled(keyId)).toBe(true);
  });
});
