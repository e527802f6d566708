// Which requests are the dangerous ones that need a recent sign-in (requireRecentSignIn in
// step-up.ts): deleting a key, a key with "all" permissions (created, or granted in a change), any
// change made by a bulk run, a role change, every export, and adding or removing a connection or
// changing whose connections a user may use. The handlers ask these questions.

/** The header the inventory's bulk dialog sends with each of its PATCHes (one per key). */
export const BULK_HEADER = "x-keydesk-bulk";

/** A key created with, or changed to, every permission. */
export function grantsAll(body: object): boolean {
  return (body as { permissions?: unknown }).permissions === "all";
}

/**
 * One PATCH of a bulk run. The dialog says so itself: a page that leaves the header out makes the
 * same single changes anyone with the role may make one at a time, so nothing is gained by lying.
 */
export function isBulkRequest(req: Request): boolean {
  return req.headers.get(BULK_HEADER) === "1";
}

export function changesRole(body: object): boolean {
  return "role" in body && (body as { role?: unknown }).role !== undefined;
}
