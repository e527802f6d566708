// Service accounts' keys: list, create, change, delete, rotate; each change audited. Server-only.
import "server-only";
export { listServiceAccounts, listServiceAccountViews, listKeys, readKey } from "./list";
export { createKey, type NewKeyResult } from "./create";
export { updateKey, changeKey } from "./update";
export { deleteKey, removeKey } from "./delete";
export { rotateKey } from "./rotate";
export { createServiceAccount } from "./service-accounts";
export { serviceAccountParamsSchema, keyParamsSchema } from "./schema";
export type { KeyActionContext, KeyDeps } from "./types";
