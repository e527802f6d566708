// Which key signs the audit anchors, which checks them, and where they go (lib/audit/DECISIONS.md).
// Real mode: KEYDESK_AUDIT_ANCHOR_KEY, or nothing is anchored (a verify can still check a file with
// KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY alone). Demo mode with no key: one is made on first use and kept
// in the data folder (0600), as lib/auth/secret.ts keeps the demo sign-in secret, and every page
// that shows anchoring says it is a demo key. The private key lives in a KeyObject only: it is never
// turned back into text here, so it cannot reach a log line, a row or an alert.
import "server-only";
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, decodeEd25519Key, env, isDemoMode, type Env } from "@/lib/env";

export interface AnchorSetup {
  /** Signs new anchors; null: this instance does not anchor. */
  signingKey: KeyObject | null;
  /** Checks the anchors in the file; null: nothing to check them with. */
  publicKey: KeyObject | null;
  /** The public key's short fingerprint, written into each anchor (null without a key). */
  keyId: string | null;
  /** Where: "env" (the variables), "demo" (made in the data folder), "none". */
  source: "env" | "demo" | "none";
  /** The JSON-lines file anchors are appended to and read from. */
  file: string;
  /** Minutes between scheduled anchors; 0: only when asked. */
  everyMinutes: number;
}

export const DEMO_ANCHOR_KEY_FILE = "demo-audit-anchor-key.pem";
export const DEFAULT_ANCHOR_FILE = "audit-anchors.jsonl";

/** The first 16 hex digits of the SHA-256 of the public key's DER: which key signed an anchor. */
export function anchorKeyId(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("hex")
    .slice(0, 16);
}

/** Builds a setup from keys (tests call it directly). */
export function anchorSetupOf(
  signingKey: KeyObject | null,
  publicKey: KeyObject | null,
  file: string,
  source: AnchorSetup["source"],
  everyMinutes = 60,
): AnchorSetup {
  const checking = publicKey ?? (signingKey ? createPublicKey(signingKey) : null);
  return {
    signingKey,
    publicKey: checking,
    keyId: checking ? anchorKeyId(checking) : null,
    source: checking ? source : "none",
    file,
    everyMinutes,
  };
}

/** This process's anchoring, from the environment (demo mode makes its key on first call). */
export function anchorSetup(e: Env = env()): AnchorSetup {
  const dir = resolve(e.KEYDESK_DATA_DIR);
  // turbopackIgnore: a file of the running server's, never part of the build; without it the build's
  // file tracer copied the whole project (sources, tests) into the standalone server and its image.
  const file = resolve(
    /*turbopackIgnore: true*/ e.KEYDESK_AUDIT_ANCHOR_FILE ?? join(dir, DEFAULT_ANCHOR_FILE),
  );
  const minutes = e.KEYDESK_AUDIT_ANCHOR_MINUTES;
  if (e.KEYDESK_AUDIT_ANCHOR_KEY)
    return anchorSetupOf(
      e.KEYDESK_AUDIT_ANCHOR_KEY,
      e.KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY ?? null,
      file,
      "env",
      minutes,
    );
  if (e.KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY)
    return anchorSetupOf(null, e.KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY, file, "env", minutes);
  if (!isDemoMode(e)) return anchorSetupOf(null, null, file, "none", minutes);
  return anchorSetupOf(demoKey(dir), null, file, "demo", minutes);
}

function demoKey(dir: string): KeyObject {
  const path = join(dir, DEMO_ANCHOR_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync("ed25519");
    // `wx`: two processes starting at once never overwrite each other's key.
    try {
      writeFileSync(path, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const key = decodeEd25519Key(readFileSync(path, "utf8"), "private");
  if (!key)
    throw new ConfigError(
      `${path} does not hold an Ed25519 private key; delete it and Keydesk makes a new one.`,
    );
  return key;
}
