import type { FieldErrors } from "react-hook-form";
import type { KeyFormInput } from "./key-form.schema";

/** One message for the allowlist: the list's own error, or a pointer to the rows the editor marks. */
export function allowlistError(errors: FieldErrors<KeyFormInput>): string | undefined {
  const e = errors.allowedIps as unknown as
    | ({ message?: string; root?: { message?: string } } & Record<number, { message?: string } | undefined>)
    | undefined;
  if (!e) return undefined;
  if (e.message) return e.message;
  if (e.root?.message) return e.root.message;
  const first = Object.keys(e).find((k) => /^\d+$/.test(k));
  return first !== undefined ? (e[Number(first)]?.message ?? "Fix the entries marked above.") : undefined;
}

export const KEY_FORM_FIELDS = ["name", "permissions", "characterLimit", "allowedIps"] as const;
