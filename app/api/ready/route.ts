// GET /api/ready: the database and the upstream answer (public, the status only). See lib/ops/routes.ts.
import { readyResponse } from "@/lib/ops/routes";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readyResponse();
}
