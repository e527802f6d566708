// Keydesk's own users: list, add, change role, disable/enable, send a password link; invites. Server-only.
import "server-only";
export { listUsers, getUser } from "./list";
export { createUser } from "./create";
export { changeUser } from "./change";
export { changeRole } from "./role";
export { setDisabled } from "./disabled";
export { sendPasswordLink } from "./password";
export { acceptInvite, lookupInvite, INVITE_REFUSALS, type IssuedInvite, type InviteLookup } from "./invites";
export type { UserSummary, UserActionContext } from "./types";
