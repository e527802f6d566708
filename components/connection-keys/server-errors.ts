// A refused write, back on the form: each field error the server named goes on its field; what is
// left (an upstream failure, say) is a message with the request ids. Nothing typed is cleared.
import type { UseFormSetError } from "react-hook-form";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { formFieldOf, type KeyFormValues } from "./key-form.schema";

/** Places the field errors; answers the message to show above the buttons, or null when all were placed. */
export function placeServerError(
  error: unknown,
  capabilities: ProviderCapabilities,
  setError: UseFormSetError<KeyFormValues>,
  notDone: string,
): string | null {
  if (error instanceof ApiRequestError && error.fields.length > 0) {
    const unplaced: string[] = [];
    for (const f of error.fields) {
      const field = formFieldOf(capabilities, f.path);
      if (field) setError(field, { type: "server", message: f.message });
      else unplaced.push(`${f.path.join(".")}: ${f.message}`);
    }
    if (unplaced.length === 0) return null;
    return `${notDone} ${unplaced.join("; ")}`;
  }
  return `${notDone} ${errorDetails(error)}`;
}
