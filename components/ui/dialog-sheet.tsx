"use client";
// The inside of components/ui/dialog.tsx, loaded apart from it (see there). Radix gives the modal
// behaviour: focus moves in and stays in, the page behind is hidden from screen readers and does
// not scroll, Escape asks the owner to close (onClose; the owner decides by changing `open`), and
// focus returns to the element that had it before. A click on the backdrop does nothing, as with
// the native <dialog> this replaced: a stray click must not throw away a half-filled form.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useState } from "react";
import type { DialogProps } from "./dialog-props";

export function DialogSheet({ open, onClose, title, description, children, wide = false }: DialogProps) {
  // Radix gives focus back to its own Trigger, which these dialogs do not use (their owners open
  // them): remember what had focus when the dialog appeared, and give focus back to that.
  const [opener] = useState(() =>
    typeof document !== "undefined" && document.activeElement instanceof HTMLElement
      ? document.activeElement
      : null,
  );
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <RadixDialog.Portal>
        {/* Black, not slate: the palette turns over in dark mode (globals.css), black does not. */}
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <RadixDialog.Content
          // Without a description there is nothing to point at (and Radix would warn).
          {...(description ? {} : { "aria-describedby": undefined })}
          onInteractOutside={(event) => event.preventDefault()}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
          // Phones: the whole screen, scrolling inside. From 640 px: a centred box, as before.
          className={`fixed inset-0 z-50 overflow-y-auto bg-white text-slate-900 shadow-xl sm:inset-auto sm:top-1/2 sm:left-1/2 sm:max-h-[90vh] sm:w-[calc(100%-2rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-lg sm:border sm:border-slate-200 ${wide ? "sm:max-w-3xl" : "sm:max-w-md"}`}
        >
          <div className="space-y-4 p-4 sm:p-6">
            <RadixDialog.Title className="text-heading font-semibold tracking-tight">
              {title}
            </RadixDialog.Title>
            {description ? (
              <RadixDialog.Description asChild>
                <div className="text-sm text-slate-700">{description}</div>
              </RadixDialog.Description>
            ) : null}
            {children}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
