// The one reader of process.env. Everything else imports `env` (or `readEnv` in tests), so a bad
// value is caught once, at start, with a message that names the variable and what it should be.
import "server-only";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import proxyaddr from "proxy-addr";
import { z } from "zod";
import { errorBrand, hasBrand } from "@/lib/branded-error";
import { parseRoleMap } from "@/lib/roles";

const CONFIG_ERROR = errorBrand("ConfigError");

/** Keydesk is not set up to do this (a missing or wrong variable): a 503 naming what to set. */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly [CONFIG_ERROR] = true;

  /** `instanceof` across duplicated copies of this module (see lib/branded-error.ts). */
  static is(value: unknown): value is ConfigError {
    return hasBrand(value, CONFIG_ERROR);
  }
}

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

/**
 * A 256-bit key as 64 hex digits or base64 of 32 bytes (`openssl rand -base64 32`), decoded. Anything
 * else is refused with what to give instead; the value itself is never quoted.
 */
export function decodeEncryptionKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === 32) return bytes;
  }
  return null;
}

const encryptionKey = z.string().transform((text, ctx) => {
  const key = decodeEncryptionKey(text);
  if (key) return key;
  ctx.addIssue({
    code: "custom",
    message: "must be 32 bytes as 64 hex digits or base64 (make one with: openssl rand -base64 32)",
  });
  return z.NEVER;
});

/** DER prefixes that make a raw 32-byte Ed25519 key into PKCS#8 (private) or SPKI (public). */
const ED25519_DER_PREFIX = {
  private: Buffer.from("302e020100300506032b657004220420", "hex"),
  public: Buffer.from("302a300506032b6570032100", "hex"),
};

/**
 * An Ed25519 key (lib/audit/anchor*.ts) as PEM (PKCS#8 private, SPKI public; `\n` may stand for the
 * line breaks) or base64 (its DER, or the raw 32 bytes), or null. The text is never quoted back.
 */
export function decodeEd25519Key(text: string, kind: "private" | "public"): KeyObject | null {
  const trimmed = text.trim().replace(/\\n/g, "\n");
  try {
    let key: KeyObject;
    if (trimmed.startsWith("-----BEGIN")) {
      // A private key where the public one belongs would be taken (and derived from) silently.
      if (kind === "public" && trimmed.includes("PRIVATE KEY")) return null;
      key = kind === "private" ? createPrivateKey(trimmed) : createPublicKey(trimmed);
    } else {
      if (!/^[A-Za-z0-9+/_-]+=*$/.test(trimmed)) return null;
      const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
      const der = bytes.length === 32 ? Buffer.concat([ED25519_DER_PREFIX[kind], bytes]) : bytes;
      key =
        kind === "private"
          ? createPrivateKey({ key: der, format: "der", type: "pkcs8" })
          : createPublicKey({ key: der, format: "der", type: "spki" });
    }
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

const ed25519Key = (kind: "private" | "public") =>
  z.string().transform((text, ctx) => {
    const key = decodeEd25519Key(text, kind);
    if (key) return key;
    ctx.addIssue({
      code: "custom",
      message:
        kind === "private"
          ? "must be an Ed25519 private key: PKCS#8 PEM or base64 (make one with: openssl genpkey -algorithm ed25519)"
          : "must be an Ed25519 public key: SPKI PEM or base64 (openssl pkey -in <private key> -pubout)",
    });
    return z.NEVER;
  });

/** GitHub's keys URL in production: https, or loopback http (lib/leaks). */
const LEAK_KEYS_URL_IN_PRODUCTION = /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/i;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** The port `npm start` serves on when no -p is given (Next.js's own variable). */
    PORT: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number")
        .default("3000"),
    ),
    /** The workspace admin key. Set: real mode against ElevenLabs. Unset: demo mode. */
    ELEVENLABS_API_KEY: z.preprocess(emptyAsUnset, z.string().trim().min(1).optional()),
    /** The API's base URL (a region, or an emulator). */
    ELEVENLABS_BASE_URL: z.preprocess(
      emptyAsUnset,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.elevenlabs.io" })
        .default("https://api.elevenlabs.io"),
    ),
    /** How long one upstream call may take before it is abandoned. */
    ELEVENLABS_TIMEOUT_MS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: "must be a whole number of milliseconds" })
        .int("must be a whole number of milliseconds")
        .min(100, "must be at least 100 (ms)")
        .max(600_000, "must be at most 600000 (ms)")
        .default(10_000),
    ),
    /** Port of the embedded emulator in demo mode (0: any free port). */
    KEYDESK_DEMO_EMULATOR_PORT: z.preprocess(
      emptyAsUnset,
      z.coerce.number().int("must be a port number").min(0).max(65535, "must be a port number").default(0),
    ),
    /** A PostgreSQL server (postgres://…). Unset: PGlite in KEYDESK_DATA_DIR. */
    DATABASE_URL: z.preprocess(
      emptyAsUnset,
      z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
    ),
    /** Where Keydesk keeps its local data (the embedded database, the demo sign-in secret). */
    KEYDESK_DATA_DIR: z.preprocess(emptyAsUnset, z.string().default("./.data")),
    /** Signs session cookies. Required in real mode (and the same on every instance); demo mode makes one. */
    KEYDESK_AUTH_SECRET: z.preprocess(
      emptyAsUnset,
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    /** Keydesk's public URL, e.g. https://keydesk.example.com; https makes session cookies Secure. */
    KEYDESK_URL: z.preprocess(
      emptyAsUnset,
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    ),
    /** Real mode: the first admin, created at start when no admin exists yet. */
    KEYDESK_ADMIN_EMAIL: z.preprocess(emptyAsUnset, z.email("must be an email address").optional()),
    KEYDESK_ADMIN_PASSWORD: z.preprocess(emptyAsUnset, z.string().optional()),
    /** Sessions end after this long without use. */
    KEYDESK_SESSION_IDLE_MINUTES: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number()
        .int("must be a whole number of minutes")
        .min(5, "must be at least 5")
        .max(10_080, "must be at most 10080 (a week)")
        .default(240),
    ),
    /**
     * Reverse proxies whose X-Forwarded-For/-Host/-Proto Keydesk believes: addresses or CIDR ranges,
     * comma-separated (proxy-addr's syntax). Empty: none; the client is the socket's peer.
     */
    KEYDESK_TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .superRefine((entries, ctx) => {
        for (const entry of entries) {
          try {
            proxyaddr.compile(entry);
          } catch {
            ctx.addIssue({
              code: "custom",
              message: `"${entry}" is not an IP address or CIDR range (use a comma-separated list such as 10.0.0.0/8, 192.0.2.1)`,
            });
          }
        }
      }),
    /** How long sign-in pauses for an account after too many failures (lib/auth/sign-in-throttle.ts). */
    KEYDESK_SIGN_IN_PAUSE_SECONDS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number()
        .int("must be a whole number of seconds")
        .min(10, "must be at least 10")
        .max(86_400, "must be at most 86400 (a day)")
        .default(900),
    ),
    /** Roles that must use two-factor sign-in (comma-separated, e.g. "admin,support"); empty: nobody is required to. */
    KEYDESK_REQUIRE_2FA: z.preprocess(
      (value) =>
        typeof value === "string"
          ? value
              .split(",")
              .map((r) => r.trim())
              .filter((r) => r !== "")
          : [],
      z.array(
        z.enum(["admin", "support", "reviewer"], {
          error: "must list roles among admin, support and reviewer, separated by commas",
        }),
      ),
    ),
    /** How recent a sign-in the dangerous actions need (deleting keys, granting "all", bulk changes, role changes,
     * full exports). Five minutes; the browser tests shorten or lengthen it. */
    KEYDESK_STEP_UP_SECONDS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number()
        .int("must be a whole number of seconds")
        .min(1, "must be at least 1")
        .max(86_400, "must be at most 86400 (a day)")
        .default(300),
    ),
    /** Bearer token for GET /api/metrics (Prometheus). Unset: the endpoint answers 404, as if it did not exist. */
    KEYDESK_METRICS_TOKEN: z.preprocess(
      emptyAsUnset,
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    /** How often the watch job reads every connection (minutes; 0: never, lib/jobs). */
    KEYDESK_WATCH_INTERVAL_MINUTES: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: "must be a whole number of minutes" })
        .int("must be a whole number of minutes")
        .min(0, "must be at least 0 (0: the watch job does not run)")
        .max(720, "must be at most 720 (12 hours)")
        .default(5),
    ),
    /** On SIGTERM or SIGINT, how long requests in flight may take to finish (and write their audit rows) before exit. */
    KEYDESK_SHUTDOWN_GRACE_SECONDS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: "must be a whole number of seconds" })
        .int("must be a whole number of seconds")
        .min(0, "must be at least 0")
        .max(3600, "must be at most 3600 (an hour)")
        .default(25),
    ),
    /**
     * How long the inventory, the overview and Find a key reuse one read of every key (milliseconds;
     * 0: never). Any write through Keydesk ends the reuse at once (lib/inventory/shared-read.ts).
     */
    KEYDESK_SHARED_READ_MS: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: "must be a whole number of milliseconds" })
        .int("must be a whole number of milliseconds")
        .min(0, "must be at least 0")
        .max(60_000, "must be at most 60000 (a minute)")
        .default(5_000),
    ),
    /**
     * Encrypts connection credentials at rest (AES-256-GCM, lib/connections/crypto.ts): 32 random bytes,
     * base64 or hex. Unset in demo mode: one is made and kept in the data folder.
     */
    KEYDESK_ENCRYPTION_KEY: z.preprocess(emptyAsUnset, encryptionKey.optional()),
    /** The key credentials were encrypted under before KEYDESK_ENCRYPTION_KEY, while they are re-encrypted
     * (`npm run connections:reencrypt`); still read, never written with. */
    KEYDESK_ENCRYPTION_KEY_OLD: z.preprocess(emptyAsUnset, encryptionKey.optional()),
    /**
     * `true`: connections may point at this machine (loopback) and private networks (10/8, 172.16/12,
     * 192.168/16, fc00::/7…), plain http allowed there: a DocSpace portal on an intranet. `false`: never.
     * Unset: demo mode allows loopback (its emulators), real mode neither (lib/http/upstream-address*.ts).
     */
    KEYDESK_ALLOW_PRIVATE_UPSTREAMS: z.preprocess(
      emptyAsUnset,
      z
        .enum(["true", "false"], { error: "must be true or false" })
        .transform((text) => text === "true")
        .optional(),
    ),
    /** A JSON file of connections declared by infrastructure as code (lib/connections/file.ts). */
    KEYDESK_CONNECTIONS_FILE: z.preprocess(emptyAsUnset, z.string().trim().min(1).optional()),
    /** Set by Next.js while it builds; nothing is started then. */
    NEXT_PHASE: z.string().optional(),
    /** Single sign-on: one OpenID Connect provider, found through `<issuer>/.well-known/openid-configuration`. */
    KEYDESK_OIDC_ISSUER: z.preprocess(
      emptyAsUnset,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://id.example.com" })
        .optional(),
    ),
    KEYDESK_OIDC_CLIENT_ID: z.preprocess(emptyAsUnset, z.string().trim().min(1).optional()),
    KEYDESK_OIDC_CLIENT_SECRET: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
    /** The provider's name on the sign-in button ("Sign in with …"). */
    KEYDESK_OIDC_NAME: z.preprocess(
      emptyAsUnset,
      z.string().trim().min(1).max(40, "must be at most 40 characters").default("SSO"),
    ),
    KEYDESK_OIDC_SCOPES: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .transform((text) => text.split(/[\s,]+/).filter(Boolean))
        .refine((scopes) => scopes.includes("openid"), "must include openid")
        .default(["openid", "email", "profile"]),
    ),
    /** The claim whose value(s) pick a new single sign-on user's role (a dotted path reads a nested claim). */
    KEYDESK_OIDC_ROLE_CLAIM: z.preprocess(emptyAsUnset, z.string().trim().min(1).max(200).default("groups")),
    /** `group=role,…`: which claim values give which role; a user whom nothing maps waits for an admin. */
    KEYDESK_OIDC_ROLE_MAP: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .transform((text, ctx) => {
          const parsed = parseRoleMap(text);
          if ("map" in parsed) return parsed.map;
          ctx.addIssue({ code: "custom", message: parsed.problem });
          return z.NEVER;
        })
        .default([]),
    ),
    /** `off`: only single sign-on (the password form is gone and its endpoint refuses). */
    KEYDESK_PASSWORD_SIGN_IN: z.preprocess(
      emptyAsUnset,
      z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
    ),
    // --- Leak reports from scanners (lib/leaks, issue 14) ---
    /** Where GitHub's secret-scanning public keys are read (cached; read again when an unknown key id arrives). */
    KEYDESK_GITHUB_KEYS_URL: z.preprocess(
      emptyAsUnset,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
        .default("https://api.github.com/meta/public_keys/secret_scanning"),
    ),
    /** `off`: a reported key is recorded and alerted, but not disabled. */
    KEYDESK_LEAK_AUTO_DISABLE: z.preprocess(
      emptyAsUnset,
      z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
    ),
    /** Signs reports to POST /api/leaks/generic (HMAC-SHA256). Unset: that endpoint answers 404. */
    KEYDESK_LEAK_WEBHOOK_SECRET: z.preprocess(
      emptyAsUnset,
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    // --- Audit anchoring (lib/audit/anchor*.ts, lib/audit/DECISIONS.md, issue 14) ---
    /** How often the audit-anchor job signs the log's length and last hash (minutes; 0: only when asked). */
    KEYDESK_AUDIT_ANCHOR_MINUTES: z.preprocess(
      emptyAsUnset,
      z.coerce
        .number({ error: "must be a whole number of minutes" })
        .int("must be a whole number of minutes")
        .min(0, "must be at least 0 (0: the audit-anchor job runs only when asked)")
        .max(720, "must be at most 720 (12 hours)")
        .default(60),
    ),
    /** Signs the anchors (Ed25519). Unset: demo mode makes one in the data folder; real mode does not anchor. */
    KEYDESK_AUDIT_ANCHOR_KEY: z.preprocess(emptyAsUnset, ed25519Key("private").optional()),
    /** Checks the anchors (an instance or auditor without the private key); derived from the private key otherwise. */
    KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY: z.preprocess(emptyAsUnset, ed25519Key("public").optional()),
    /** The file anchors are appended to, one JSON line each (an absolute path: the standalone server works from its own folder). Unset: audit-anchors.jsonl in KEYDESK_DATA_DIR. */
    KEYDESK_AUDIT_ANCHOR_FILE: z.preprocess(emptyAsUnset, z.string().trim().min(1).optional()),
  })
  .superRefine((e, ctx) => {
    // Rules across variables, each reported on the variable to fix.
    if (e.KEYDESK_OIDC_ISSUER) {
      for (const name of ["KEYDESK_OIDC_CLIENT_ID", "KEYDESK_OIDC_CLIENT_SECRET"] as const) {
        if (!e[name])
          ctx.addIssue({ code: "custom", path: [name], message: "required when KEYDESK_OIDC_ISSUER is set" });
      }
    }
    // Whoever answers the keys URL can sign leak reports: in production only https, or this machine
    // itself (loopback: a stand-in for GitHub in the browser tests, which run production builds).
    if (e.NODE_ENV === "production" && !LEAK_KEYS_URL_IN_PRODUCTION.test(e.KEYDESK_GITHUB_KEYS_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["KEYDESK_GITHUB_KEYS_URL"],
        message: "must be an https URL in production (or http on this machine: 127.0.0.1, localhost, [::1])",
      });
    }
    // Anchors signed with one key and checked with another would all look forged.
    if (e.KEYDESK_AUDIT_ANCHOR_KEY && e.KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY) {
      const derived = createPublicKey(e.KEYDESK_AUDIT_ANCHOR_KEY).export({ format: "der", type: "spki" });
      if (!derived.equals(e.KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY.export({ format: "der", type: "spki" })))
        ctx.addIssue({
          code: "custom",
          path: ["KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY"],
          message: "is not the public half of KEYDESK_AUDIT_ANCHOR_KEY (leave it unset: it is derived)",
        });
    }
    if (e.KEYDESK_PASSWORD_SIGN_IN === "off" && !e.KEYDESK_OIDC_ISSUER) {
      ctx.addIssue({
        code: "custom",
        path: ["KEYDESK_PASSWORD_SIGN_IN"],
        message: "can only be off when single sign-on is set up (KEYDESK_OIDC_ISSUER)",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function readEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Keydesk's environment has invalid values:\n${problems.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** This process's environment with `overrides`, for a child process it starts (lib/start.ts). */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

export function isDemoMode(e: Env = env()): boolean {
  return e.ELEVENLABS_API_KEY === undefined;
}

export function isBuildPhase(e: Env = env()): boolean {
  return e.NEXT_PHASE === "phase-production-build";
}

/**
 * A variable named by configuration rather than by Keydesk (KEYDESK_CONNECTIONS_FILE's
 * `credentialEnv`): read here too, so this stays the one reader of process.env.
 */
export function namedVariable(
  name: string,
  source: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = source[name];
  return value === "" ? undefined : value;
}
