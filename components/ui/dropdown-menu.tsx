"use client";
// A menu of actions behind one button ("More actions" on a row, the account menu): arrow keys
// move, typing jumps, Escape closes and focus returns to the button (Radix).
import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import type { ReactElement, ReactNode } from "react";

export function DropdownMenu({
  trigger,
  children,
  align = "end",
}: {
  /** The button that opens it (takes a ref); give it a name that says whose actions these are. */
  trigger: ReactElement;
  /** DropdownMenuItem, DropdownMenuLabel and DropdownMenuSeparator. */
  children: ReactNode;
  align?: "start" | "center" | "end";
}) {
  return (
    <RadixMenu.Root>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg"
        >
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}

export function DropdownMenuItem({
  onSelect,
  children,
  destructive = false,
  disabled = false,
}: {
  onSelect: () => void;
  children: ReactNode;
  /** Deletes, disables or revokes something: shown in red. */
  destructive?: boolean;
  disabled?: boolean;
}) {
  return (
    <RadixMenu.Item
      onSelect={onSelect}
      disabled={disabled}
      className={`flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 ${destructive ? "text-red-700" : "text-slate-800"}`}
    >
      {children}
    </RadixMenu.Item>
  );
}

export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  return (
    <RadixMenu.Label className="px-2 py-1 text-xs font-medium text-slate-600">{children}</RadixMenu.Label>
  );
}

export function DropdownMenuSeparator() {
  return <RadixMenu.Separator className="my-1 h-px bg-slate-200" />;
}
