// Outside-change detection for every connection other than the primary workspace: observe a read,
// record Keydesk's own writes. Server-only.
import "server-only";
export { observeConnection, observeConnectionOrWarn, type ConnectionReadTimes } from "./observe";
export { recordConnectionChangesQuietly, type ConnectionOwnChange } from "./own-change";
export type { ObservedConnection } from "./space";
