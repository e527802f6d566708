// The anchor file: one JSON line per anchor, appended, never rewritten by Keydesk. It is meant to
// live where the database's owner cannot quietly edit it (another volume, a log shipper, an
// append-only mount); the alert channels get every line too.
import "server-only";
import { appendFile, mkdir, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";

/** Appends one line (the file and its folder are made if missing; the file readable by Keydesk's user only). */
export async function appendAnchorLine(file: string, line: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${line}\n`, { mode: 0o600 });
}

/** Far beyond any real file (a line an hour is ~2 MB a year): a bigger one is not read into memory. */
export const MAX_ANCHOR_FILE_BYTES = 64 * 1024 * 1024;

/** The file's non-empty lines with their 1-based line numbers; none when the file does not exist; EFBIG past the limit. */
export async function readAnchorLines(file: string): Promise<{ line: number; text: string }[]> {
  let content: string;
  try {
    if ((await stat(file)).size > MAX_ANCHOR_FILE_BYTES)
      throw Object.assign(new Error("The anchor file is too large"), { code: "EFBIG" });
    content = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return content
    .split("\n")
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .filter((l) => l.text !== "");
}
