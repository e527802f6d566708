// Connections: the upstream accounts Keydesk manages (lib/connections/README in DECISIONS.md).
export { addConnection, removeConnection, renameConnection, testConnection } from "./actions";
export { assertCanUseConnection, canUseConnection, connectionLimits, setConnectionLimits } from "./access";
export { fixedConnections, findConnection, listConnections, type ConnectionDeps } from "./list";
export { connectionView } from "./view";
export type { Connection, ConnectionView } from "./types";
