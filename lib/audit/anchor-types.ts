// Audit anchoring as the browser sees it (no server code here): the verify answer's anchor part and
// the page's status line. The server's own types are in anchor-check.ts and anchor-status.ts.

export type AnchorMode = "on" | "demo" | "check_only" | "off";

export interface AnchorStatus {
  /** "on": signed with KEYDESK_AUDIT_ANCHOR_KEY; "demo": with the demo key in the data folder;
   * "check_only": a public key only (anchors are checked, not made here); "off": neither. */
  mode: AnchorMode;
  /** Minutes between anchors (0: only when asked on the Jobs page, or not at all). */
  everyMinutes: number;
  /** When the newest anchor in the file was signed (null: none, or it does not check out). */
  lastAt: string | null;
}

export interface AnchorProblemView {
  kind: "file_unreadable" | "refused_line" | "missing_rows" | "rewritten";
  message: string;
}

export interface AnchorCheckView {
  state: "off" | "none" | "ok" | "failed";
  source: "env" | "demo" | "none";
  anchors: number;
  last: { at: string; rows: number; lastId: number | null; lastHash: string } | null;
  problems: AnchorProblemView[];
}
