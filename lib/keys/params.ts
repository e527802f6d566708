// The ids in /api/service-accounts/:saId/keys/:keyId. Opaque upstream strings: only their size
// and that they are there are checked here (the upstream answers 404 for one it does not know).
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";

const id = safeText().min(1, "Missing id").max(200, "That id is too long");

export const serviceAccountParamsSchema = z.object({ saId: id });
export const keyParamsSchema = z.object({ saId: id, keyId: id });
