/** The reason a Disable now dialog starts with: editable, and on the audit log as typed. */
export const LEAK_REASON = "leaked publicly";
