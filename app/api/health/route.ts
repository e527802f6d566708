// GET /api/health: alive (public, touches neither the database nor the upstream). See lib/ops/routes.ts.
import { healthResponse } from "@/lib/ops/routes";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return healthResponse();
}
