// The per-connection keys feature: list, create, change (settings and on/off), delete and rotate a
// connection's keys, whatever its provider, each write on the audit log. Server-only; the browser
// takes types.ts and schema.ts.
import "server-only";
export { listConnectionKeys } from "./list";
export { createConnectionKey } from "./create";
export { changeConnectionKey } from "./change";
export { deleteConnectionKey } from "./delete";
export { rotateConnectionKey } from "./rotate";
export type * from "./types";
