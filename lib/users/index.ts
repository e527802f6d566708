// Keydesk's own users: list, add, change role, disable/enable, reset password. Server-only.
import "server-only";
export { listUsers, getUser } from "./list";
export { createUser } from "./create";
export { changeUser } from "./change";
export { changeRole } from "./role";
export { setDisabled } from "./disabled";
export { resetPassword } from "./password";
export type { UserSummary, UserActionContext } from "./types";
