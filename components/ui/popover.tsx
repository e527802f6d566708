"use client";
// A panel that opens from a button and stays until dismissed (Escape, a click outside, or the
// button again): filters, a column chooser, a date picker. Focus moves into it and back (Radix).
import * as RadixPopover from "@radix-ui/react-popover";
import type { ReactElement, ReactNode } from "react";

export function Popover({
  trigger,
  label,
  children,
  open,
  onOpenChange,
  align = "start",
}: {
  /** The button that opens it (takes a ref). */
  trigger: ReactElement;
  /** The panel's accessible name, e.g. "Columns". */
  label: string;
  children: ReactNode;
  /** Leave both out for a popover that manages itself. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  align?: "start" | "center" | "end";
}) {
  return (
    <RadixPopover.Root open={open} onOpenChange={onOpenChange}>
      <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content
          aria-label={label}
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className="z-50 w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-900 shadow-lg"
        >
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}

/** A button inside a popover that closes it (after its own onClick). */
export const PopoverClose = RadixPopover.Close;
