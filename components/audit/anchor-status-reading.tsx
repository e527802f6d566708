/** The anchoring line while its status is being read (components/audit/verify-anchor-status.tsx). */
export const AnchorStatusReading = () => (
  <p className="text-xs text-slate-500">Reading the anchoring setup…</p>
);
