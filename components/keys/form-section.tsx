import type { ReactNode } from "react";

/**
 * One part of a one-screen form (name, permissions, limit, allowlist): a heading the form can move
 * focus to when the part needs fixing (its id is `${id}-heading`), and its fields. No scroll box of its own: the dialog scrolls.
 */
export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0"
    >
      <h3 id={`${id}-heading`} tabIndex={-1} className="text-base font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}
