// Which key a request names: its id from the path and, where the provider has groups (ElevenLabs'
// service accounts), its group from `?group=`. Required where there are groups, refused where there
// are none, so a request never means something other than it says.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import type { KeyRef, ProviderCapabilities } from "@/lib/providers/types";

export function keyRefOf(caps: ProviderCapabilities, keyId: string, group: string | undefined): KeyRef {
  if (caps.groups && group === undefined) {
    const message = `Name the key's ${caps.groups.label} (?group=).`;
    throw new ApiError("validation_failed", `group: ${message}`, { fields: [{ path: ["group"], message }] });
  }
  if (!caps.groups && group !== undefined) {
    const message = `${caps.label} keys have no groups: leave out ?group=.`;
    throw new ApiError("validation_failed", `group: ${message}`, { fields: [{ path: ["group"], message }] });
  }
  return { id: keyId, group: group === undefined ? null : { id: group } };
}
