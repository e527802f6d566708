/** A reviewer's page offers no control: said once, so its absence does not look like a fault. */
export function NoActionsNote() {
  return <p className="text-sm text-slate-600">Your role can read this key but not change it.</p>;
}
