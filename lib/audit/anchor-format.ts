// One anchor: the audit log's length and last row at a moment, signed with Ed25519, written as one
// JSON line. The signature covers a fixed text (below), not the JSON, so the line's spelling (key
// order, spaces) does not matter and a field cannot be moved between meanings.
import "server-only";
import { sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import { GENESIS_HASH } from "./hash";

export interface AnchorFacts {
  /** When it was signed (ISO). */
  at: string;
  /** Rows in the log then. */
  rows: number;
  /** The id of the last row then (null: the log was empty). */
  lastId: number | null;
  /** That row's hash (GENESIS_HASH for an empty log). */
  lastHash: string;
}

export interface Anchor extends AnchorFacts {
  v: 1;
  /** Which key signed it (anchorKeyId). */
  keyId: string;
  /** Base64 Ed25519 signature over signedText. */
  signature: string;
}

export function signedText(facts: AnchorFacts & { keyId: string }): string {
  return [
    "keydesk audit anchor v1",
    `at=${facts.at}`,
    `rows=${facts.rows}`,
    `lastId=${facts.lastId ?? ""}`,
    `lastHash=${facts.lastHash}`,
    `keyId=${facts.keyId}`,
  ].join("\n");
}

export function signAnchor(facts: AnchorFacts, privateKey: KeyObject, keyId: string): Anchor {
  const signature = sign(null, Buffer.from(signedText({ ...facts, keyId })), privateKey).toString("base64");
  return { v: 1, ...facts, keyId, signature };
}

/** The line written to the file (and sent to the alert channels). */
export function anchorLine(anchor: Anchor): string {
  const { v, at, rows, lastId, lastHash, keyId, signature } = anchor;
  return JSON.stringify({ v, at, rows, lastId, lastHash, keyId, signature });
}

const anchorShape = z
  .object({
    v: z.literal(1),
    at: z.iso.datetime(),
    rows: z.number().int().min(0),
    lastId: z.number().int().min(1).nullable(),
    lastHash: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .refine(
    (a) => (a.rows === 0) === (a.lastId === null) && (a.lastId !== null || a.lastHash === GENESIS_HASH),
  );

export type ReadAnchor =
  | { ok: true; line: number; anchor: Anchor }
  | { ok: false; line: number; reason: "unreadable" | "other_key" | "bad_signature" };

/** One line of the file, checked: its shape, then that our key signed exactly these facts. */
export function readAnchorLine(text: string, line: number, publicKey: KeyObject, keyId: string): ReadAnchor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, line, reason: "unreadable" };
  }
  const shaped = anchorShape.safeParse(parsed);
  if (!shaped.success) return { ok: false, line, reason: "unreadable" };
  const anchor = shaped.data;
  if (anchor.keyId !== keyId) return { ok: false, line, reason: "other_key" };
  const good = verify(
    null,
    Buffer.from(signedText(anchor)),
    publicKey,
    Buffer.from(anchor.signature, "base64"),
  );
  return good ? { ok: true, line, anchor } : { ok: false, line, reason: "bad_signature" };
}
