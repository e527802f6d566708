// What POST /api/doctor/diagnose takes. Bounded: the pasted error up to 20 kB (more is a 422 naming
// `pasted`; NUL and lone surrogates are refused before this, by withRole, naming the field too),
// an IP address, an operation from the table. zod/mini (the panel carries it to the browser).
import * as z from "@/lib/text/zod-mini";
import { parseIpAddress } from "@/lib/ip/cidr";
import { safeText } from "@/lib/text/safe-text";
import { findOperation } from "./operations";

export const PASTED_MAX = 20_000;

const idSchema = safeText({ error: "Give an id" }).check(
  z.minLength(1, "Give an id"),
  z.maxLength(200, "That id is too long"),
);

export const diagnoseSchema = z.strictObject({
  connectionId: idSchema,
  keyId: idSchema,
  /** The service account (primary connection) or the key's group; required for the primary one. */
  saId: z.optional(z.nullable(idSchema)),
  pasted: z.optional(
    z.nullable(
      safeText({ error: "Paste the error as text" }).check(
        z.maxLength(PASTED_MAX, `Paste at most ${PASTED_MAX.toLocaleString("en-US")} characters`),
      ),
    ),
  ),
  ip: z.optional(
    z.nullable(
      safeText({ error: "Enter an IP address" }).check(
        z.trim(),
        z.maxLength(45, "That is not an IP address"),
        z.refine(
          (ip) => ip === "" || parseIpAddress(ip) !== null,
          "Enter one IPv4 or IPv6 address, without a range",
        ),
      ),
    ),
  ),
  operation: z.optional(
    z.nullable(
      safeText().check(
        z.refine((id) => id === "" || findOperation(id) !== null, "Choose an operation from the list"),
      ),
    ),
  ),
});
export type DiagnoseBody = z.infer<typeof diagnoseSchema>;
