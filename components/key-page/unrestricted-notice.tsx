import type { ReactNode } from "react";
import { visibleText } from "@/lib/format";

/** A key that may do everything: said in a box of its own, in words (not colour alone). */
export function UnrestrictedNotice({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-semibold">Unrestricted</p>
      <p className="mt-0.5">{children}</p>
    </div>
  );
}

/** Values the upstream sent that this Keydesk does not know (a newer upstream's): shown as they came. */
export function UnknownValues({ values }: { values: readonly string[] }) {
  if (values.length === 0) return null;
  return (
    <p className="text-sm text-slate-700">
      Also granted, not known to this Keydesk (so not described):{" "}
      {values.map((v, i) => (
        <span key={v}>
          {i > 0 ? ", " : ""}
          <code className="font-mono text-xs">{visibleText(v)}</code>
        </span>
      ))}
    </p>
  );
}
