// Connections: the upstream accounts Keydesk manages (their choices: DECISIONS.md).
export { addConnection, removeConnection, renameConnection, testConnection } from "./actions";
export { assertCanUseConnection, canUseConnection, connectionLimits, setConnectionLimits } from "./access";
export { setUserConnectionLimits } from "./limits";
export { fixedConnections, findConnection, listConnections, type ConnectionDeps } from "./list";
export { connectionView } from "./view";
export { connectionNames } from "./names";
export { assertCanUsePrimaryConnection, canUsePrimaryConnection, NO_WORKSPACE_ACCESS } from "./primary";
export { connectionKeys, keyClientOf, type ConnectionKeys } from "./key-client";
export { readAllConnections, type ConnectionRead, type ConnectionReadError } from "./read-all";
export type { Connection, ConnectionView } from "./types";
