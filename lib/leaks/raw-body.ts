// A scanner's body exactly as it came (the signature is over these bytes), read up to the limit
// every Keydesk body has (1 MiB, lib/api/with-role.ts) and refused with a 413 past it, whatever
// Content-Length claims.
import "server-only";
import { ApiError } from "@/lib/http/api-error";

/** The same limit as lib/api/with-role.ts's MAX_BODY_BYTES (lib/api is wiring; lib/ does not import it). */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new ApiError(
    "payload_too_large",
    "The request body is larger than 1 MiB; Keydesk does not take bodies that big.",
  );

export async function readRawBody(req: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (Number(req.headers.get("content-length")) > limit) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
