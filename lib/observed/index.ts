// Changes made outside Keydesk: the last inventory seen, compared with each new read, with what
// differs (and Keydesk did not do) written to the audit log. Server-only.
import "server-only";
export { observeInventory, type ObserveOptions } from "./observe";
export { observeOrWarn, withOrigins } from "./for-reads";
export { recordOwnChange, recordOwnChangeIn, recordOwnChangeQuietly, type OwnChange } from "./own-change";
export { safeName, stateOfKey, type KeyState } from "./state";
export { OBSERVED_CHANGE, INVENTORY_BASELINE } from "./rows";
export { OBSERVATION_LOCK } from "./lock";
export { GUARD_WINDOW_MS } from "./guard";
export { knownKeyIds } from "./store";
export {
  observeConnection,
  observeConnectionOrWarn,
  recordConnectionChangesQuietly,
  type ConnectionOwnChange,
  type ConnectionReadTimes,
  type ObservedConnection,
} from "./connections";
