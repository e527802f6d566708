// The API's shapes under the names this folder uses (lib/connection-keys/types.ts is browser-safe).
export type {
  ConnectionKeysAnswer,
  ConnectionKeyView,
  CreatedConnectionKeyAnswer as CreatedConnectionKey,
  RotatedConnectionKeyAnswer as RotatedConnectionKey,
} from "@/lib/connection-keys/types";
