// A JSON body a route takes but does not require (DELETE's `{ reason? }`, a rotation's options):
// none at all is `{}`; one that is sent gets what withRole gives a required body (JSON only, the
// size limit, no text PostgreSQL cannot hold, the schema's 422 naming the field).
import "server-only";
import type { z } from "zod";
import type { ZodMiniType } from "zod/mini";
import { ApiError, fromZod } from "@/lib/http/api-error";
import { findBadText } from "@/lib/text/safe-text";
import { readLimited } from "./with-role";

export async function optionalJsonBody<S extends z.ZodType | ZodMiniType>(
  req: Request,
  schema: S,
): Promise<z.infer<S>> {
  const text = await readLimited(req);
  let value: unknown = {};
  if (text.trim() !== "") {
    if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? ""))
      throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError("validation_failed", "body: not valid JSON", {
        fields: [{ path: [], message: "Not valid JSON" }],
      });
    }
  }
  const bad = findBadText(value);
  if (bad[0])
    throw new ApiError("validation_failed", `${bad[0].path.join(".") || "body"}: ${bad[0].message}`, {
      fields: bad,
    });
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, "body");
  return parsed.data as z.infer<S>;
}
