// Disabling a key of another connection from a search's results, in react-query (the dialog's own
// module: not in the page's first load). The search itself is use-find-key.ts.
import { useMutation } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { DisableElsewhereBody } from "./disable-schema";
import type { OtherKey } from "./types";

/** "Disable now" on a key of another connection than the primary one. */
export function useDisableElsewhere() {
  return useMutation({
    mutationFn: (body: DisableElsewhereBody) =>
      apiJson<{ key: OtherKey }>("/api/find-key/disable", { method: "POST", body }).then((r) => r.key),
  });
}
