import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "rounded-md bg-indigo-600 font-semibold text-white hover:bg-indigo-700",
  secondary: "rounded-md border border-slate-300 font-medium text-slate-700 hover:bg-slate-100",
  danger: "rounded-md bg-red-700 font-semibold text-white hover:bg-red-800",
  // Reads as a link inside text: pair it with size "inline".
  link: "font-medium text-indigo-700 underline",
};

const SIZES = {
  md: "px-3 py-2 text-sm",
  // Beside each row of a table (users).
  sm: "px-2.5 py-1 text-sm",
  // Inside a dense table cell (keys) or a list of entries.
  xs: "px-2 py-1 text-xs",
  // No box of its own: takes the surrounding text's size.
  inline: "",
};

export interface ButtonVariantProps {
  variant?: keyof typeof VARIANTS | null;
  size?: keyof typeof SIZES | null;
}

/**
 * Every button's look in one place. Also for a link that looks like a button:
 * `<Link className={buttonVariants({ variant: "secondary" })}>`.
 * The filled and bordered variants carry their own rounding, so a link-like button's focus ring stays square.
 * A plain lookup (what class-variance-authority did here, without its code in every page's first
 * load): the shared base, the variant's classes, the size's, then the caller's, empty ones left out.
 */
export function buttonVariants({
  variant,
  size,
  className,
}: ButtonVariantProps & { className?: string } = {}): string {
  return ["disabled:opacity-60", VARIANTS[variant ?? "primary"], SIZES[size ?? "md"], className]
    .filter(Boolean)
    .join(" ");
}

export interface ButtonProps extends ComponentProps<"button">, ButtonVariantProps {
  /** Required: a button inside a form submits unless it says otherwise, so each one says what it is. */
  type: "button" | "submit" | "reset";
}

/** A native `<button>` with one of the shared looks; every other attribute passes through unchanged. */
export function Button({ type, variant, size, className, ...props }: ButtonProps) {
  return <button type={type} className={buttonVariants({ variant, size, className })} {...props} />;
}
