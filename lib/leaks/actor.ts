// Who acts on a leak report: the scanner itself, on the audit record ("GitHub secret scanning"),
// with support's rights (disable with a reason; nothing else), across every connection (no
// per-user connection limits apply to it: its id has none). Never a person's session.
import "server-only";
import type { RequestInfo } from "@/lib/http/request-info";
import type { KeyActionContext } from "@/lib/keys";
import { SCANNER_NAMES, type Scanner } from "./types";

export function scannerContext(scanner: Scanner, info: RequestInfo): KeyActionContext {
  return {
    actor: {
      id: `scanner:${scanner}`,
      email: SCANNER_NAMES[scanner],
      name: SCANNER_NAMES[scanner],
      role: "support",
    },
    info,
  };
}
