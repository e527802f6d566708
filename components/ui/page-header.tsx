import type { ReactNode } from "react";

// The type scale's steps (app/globals.css says which is for what).
const TITLE_SIZES = {
  // Every page of the console, sign-in and the one-time link pages.
  md: "text-title",
  // The small step-up popups, whose window is narrow.
  sm: "text-heading",
} as const;

export interface PageHeaderProps {
  /** The page's one `<h1>`. */
  title: ReactNode;
  /** A line (or a few) under the title saying what the page is for. */
  description?: ReactNode;
  /** Controls for the whole page, set beside the title, on its last line. */
  actions?: ReactNode;
  size?: keyof typeof TITLE_SIZES;
}

/** The top of a page: its title, what it is for, and the actions that concern the whole page. */
export function PageHeader({ title, description, actions, size = "md" }: PageHeaderProps) {
  const heading = (
    <div>
      <h1 className={`${TITLE_SIZES[size]} font-semibold tracking-tight`}>{title}</h1>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
    </div>
  );
  if (!actions) return heading;
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      {heading}
      {actions}
    </div>
  );
}

export interface SectionHeadingProps {
  children: ReactNode;
  id?: string;
  level?: 2 | 3;
}

/** A section's heading inside a page: the scale's second step, an <h2> unless told otherwise. */
export function SectionHeading({ children, id, level = 2 }: SectionHeadingProps) {
  const Tag = level === 2 ? "h2" : "h3";
  const size = level === 2 ? "text-heading" : "text-base";
  return (
    <Tag id={id} className={`${size} font-semibold tracking-tight`}>
      {children}
    </Tag>
  );
}
