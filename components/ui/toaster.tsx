"use client";
// sonner's toaster with Keydesk's settings, loaded by toast-host.tsx when the page is idle.
import { Toaster as Sonner } from "sonner";

export function Toaster() {
  return (
    <Sonner
      // Follows the system like the rest of the console (app/globals.css).
      theme="system"
      position="bottom-right"
      closeButton
      // Long enough to read a key's name; hovering or focusing a toast keeps it.
      duration={6000}
      toastOptions={{ className: "text-sm" }}
    />
  );
}
