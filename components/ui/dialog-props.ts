import type { ReactNode } from "react";

/** What every dialog is given (components/ui/dialog.tsx); kept apart so its inside can share it without importing it. */
export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** A wider dialog, for tables and two-column forms (on phones every dialog is full-screen). */
  wide?: boolean;
}
