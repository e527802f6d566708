// The toast after a key write went through (components/ui/notify.ts): a few words, the key's name
// and what happened to it, for the person who has moved on (the dialog closed, the row moved).
// sonner's list is a polite live region, so a screen reader hears it once. Only successes: a
// refusal stays in the dialog, beside what to fix. notify loads sonner lazily, so importing this
// adds nothing to a page's first load.
import { notify } from "@/components/ui/notify";
import { visibleText } from "@/lib/format";

export type KeyWrite =
  | "created"
  | "saved"
  | "enabled"
  | "disabled"
  | "deleted"
  | "rotated"
  | "rotation started"
  | "rotation finished";

/** "Key “prod-tts” disabled". */
export function keyWriteText(name: string, what: KeyWrite): string {
  const shown = `“${visibleText(name)}”`;
  switch (what) {
    case "rotation started":
      return `Rotation of key ${shown} started`;
    case "rotation finished":
      return `Rotation of key ${shown} finished`;
    default:
      return `Key ${shown} ${what}`;
  }
}

export function toastKeyWrite(name: string, what: KeyWrite): void {
  notify.success(keyWriteText(name, what));
}
