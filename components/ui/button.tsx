import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

/**
 * Every button's look in one place. Also for a link that looks like a button:
 * `<Link className={buttonVariants({ variant: "secondary" })}>`.
 * The filled and bordered variants carry their own rounding, so a link-like button's focus ring stays square.
 */
export const buttonVariants = cva("disabled:opacity-60", {
  variants: {
    variant: {
      primary: "rounded-md bg-indigo-600 font-semibold text-white hover:bg-indigo-700",
      secondary: "rounded-md border border-slate-300 font-medium text-slate-700 hover:bg-slate-100",
      danger: "rounded-md bg-red-700 font-semibold text-white hover:bg-red-800",
      // Reads as a link inside text: pair it with size "inline".
      link: "font-medium text-indigo-700 underline",
    },
    size: {
      md: "px-3 py-2 text-sm",
      // Beside each row of a table (users).
      sm: "px-2.5 py-1 text-sm",
      // Inside a dense table cell (keys) or a list of entries.
      xs: "px-2 py-1 text-xs",
      // No box of its own: takes the surrounding text's size.
      inline: "",
    },
  },
  defaultVariants: { variant: "primary", size: "md" },
});

export type ButtonVariantProps = VariantProps<typeof buttonVariants>;

export interface ButtonProps extends ComponentProps<"button">, ButtonVariantProps {
  /** Required: a button inside a form submits unless it says otherwise, so each one says what it is. */
  type: "button" | "submit" | "reset";
}

/** A native `<button>` with one of the shared looks; every other attribute passes through unchanged. */
export function Button({ type, variant, size, className, ...props }: ButtonProps) {
  return <button type={type} className={buttonVariants({ variant, size, className })} {...props} />;
}
