// What the Audit log page says about anchoring before anyone presses Verify: whether this Keydesk
// signs anchors (and with a demo key or a real one), how often, and when the last one was written.
// Browser-safe shape (AnchorStatus); the file's path is not sent (it names the server's folders).
import "server-only";
import { readAnchorLines } from "./anchor-file";
import { readAnchorLine } from "./anchor-format";
import type { AnchorSetup } from "./anchor-key";
import type { AnchorStatus } from "./anchor-types";

export async function anchorStatus(setup: AnchorSetup, signs: boolean): Promise<AnchorStatus> {
  const mode = !setup.publicKey
    ? "off"
    : !signs || !setup.signingKey
      ? "check_only"
      : setup.source === "demo"
        ? "demo"
        : "on";
  let lastAt: string | null = null;
  if (setup.publicKey && setup.keyId) {
    const lines = await readAnchorLines(setup.file).catch(() => []);
    const newest = lines.at(-1);
    const read = newest && readAnchorLine(newest.text, newest.line, setup.publicKey, setup.keyId);
    lastAt = read && read.ok ? read.anchor.at : null;
  }
  return { mode, everyMinutes: mode === "on" || mode === "demo" ? setup.everyMinutes : 0, lastAt };
}
