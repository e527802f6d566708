// The log against its anchors: what the chain cannot tell on its own (verify.ts) is told here. Every
// anchor in the file must still hold: its last row is there with the hash it had. Checking every
// anchor, not only the last, matters: rows cut off at 14:10 and signed again by the 15:00 anchor make
// the last anchor agree with the shorter log, but not the 14:00 one. A line that is not ours (bad
// signature, another key, not an anchor) is refused and reported; it never vouches for anything.
import "server-only";
import { count, inArray, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { readAnchorLines } from "./anchor-file";
import { readAnchorLine, type Anchor } from "./anchor-format";
import type { AnchorSetup } from "./anchor-key";

export type AnchorProblem =
  | { kind: "file_unreadable"; message: string }
  | {
      kind: "refused_line";
      line: number;
      reason: "unreadable" | "other_key" | "bad_signature";
      message: string;
    }
  | { kind: "missing_rows"; from: number; to: number; anchorAt: string; message: string }
  | { kind: "rewritten"; rowId: number; anchorAt: string; message: string };

export interface AnchorCheck {
  /** "off": no key to check with; "none": no anchor yet; "ok"/"failed": the log against every anchor. */
  state: "off" | "none" | "ok" | "failed";
  source: AnchorSetup["source"];
  /** Anchors whose signature checked out. */
  anchors: number;
  last: Pick<Anchor, "at" | "rows" | "lastId" | "lastHash"> | null;
  problems: AnchorProblem[];
}

const REFUSED_WORDS = {
  unreadable: "it is not an anchor Keydesk wrote",
  other_key: "it was signed by another key than this Keydesk's",
  bad_signature: "its signature does not match its content (forged or edited)",
} as const;

/** Rows ids looked up per query. */
const LOOKUP_BATCH = 1_000;

export async function checkAnchors(db: Db, setup: AnchorSetup): Promise<AnchorCheck> {
  const base = { source: setup.source, anchors: 0, last: null, problems: [] };
  if (!setup.publicKey || !setup.keyId) return { ...base, state: "off" };
  let lines;
  try {
    lines = await readAnchorLines(setup.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const message = `The anchor file could not be read (${code}); set KEYDESK_AUDIT_ANCHOR_FILE or fix its permissions.`;
    return { ...base, state: "failed", problems: [{ kind: "file_unreadable", message }] };
  }
  const read = lines.map((l) => readAnchorLine(l.text, l.line, setup.publicKey!, setup.keyId!));
  const problems: AnchorProblem[] = read.flatMap((r) =>
    r.ok
      ? []
      : [
          {
            kind: "refused_line" as const,
            line: r.line,
            reason: r.reason,
            message: `Anchor line ${r.line} refused: ${REFUSED_WORDS[r.reason]}.`,
          },
        ],
  );
  const anchors = read.flatMap((r) => (r.ok ? [r.anchor] : []));
  const last = anchors.at(-1) ?? null;
  problems.push(...(await againstTheLog(db, anchors, last)));
  return {
    ...base,
    state: anchors.length === 0 && problems.length === 0 ? "none" : problems.length ? "failed" : "ok",
    anchors: anchors.length,
    last: last && { at: last.at, rows: last.rows, lastId: last.lastId, lastHash: last.lastHash },
    problems,
  };
}

async function againstTheLog(db: Db, anchors: Anchor[], last: Anchor | null): Promise<AnchorProblem[]> {
  const ids = [...new Set(anchors.flatMap((a) => (a.lastId === null ? [] : [a.lastId])))];
  const hashes = new Map<number, string>();
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const found = await db
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .where(inArray(auditLog.id, ids.slice(i, i + LOOKUP_BATCH)));
    for (const row of found) hashes.set(row.id, row.hash);
  }
  const gone = anchors.filter((a) => a.lastId !== null && !hashes.has(a.lastId));
  const changed = anchors.filter(
    (a) => a.lastId !== null && hashes.has(a.lastId) && hashes.get(a.lastId) !== a.lastHash,
  );
  const problems: AnchorProblem[] = [];
  // The anchor that saw the most rows says the most about what is gone.
  const widest = gone.reduce<Anchor | null>((w, a) => (w && w.rows >= a.rows ? w : a), null);
  if (widest) problems.push(await missingRows(db, widest, widest === last));
  // The earliest anchor whose row changed: the rewrite began at or before that row.
  const earliest = changed.reduce<Anchor | null>((e, a) => (e && e.lastId! <= a.lastId! ? e : a), null);
  if (earliest) {
    const now = hashes.get(earliest.lastId!)!;
    problems.push({
      kind: "rewritten",
      rowId: earliest.lastId!,
      anchorAt: earliest.at,
      message: `Row ${earliest.lastId} was rewritten: the anchor of ${earliest.at} recorded its hash as ${earliest.lastHash}, the log now has ${now}.`,
    });
  }
  return problems;
}

async function missingRows(db: Db, anchor: Anchor, isLast: boolean): Promise<AnchorProblem> {
  const [counted] = await db.select({ n: count() }).from(auditLog).where(lte(auditLog.id, anchor.lastId!));
  const present = Number(counted?.n ?? 0);
  const which = isLast ? "the last anchor" : "an earlier anchor";
  const said = `${which} (at ${anchor.at}) counted ${anchor.rows} rows ending with hash ${anchor.lastHash}`;
  if (present < anchor.rows) {
    const from = present + 1;
    const span = from === anchor.rows ? `Row ${from} missing` : `Rows ${from}–${anchor.rows} missing`;
    return { kind: "missing_rows", from, to: anchor.rows, anchorAt: anchor.at, message: `${span}: ${said}.` };
  }
  // As many rows as before up to that id, but not that row: rows were put in its place.
  return {
    kind: "missing_rows",
    from: anchor.rows,
    to: anchor.rows,
    anchorAt: anchor.at,
    message: `Row id ${anchor.lastId} is missing: ${said}.`,
  };
}
