// Leak reports from any other scanner, signed with HMAC-SHA256 under KEYDESK_LEAK_WEBHOOK_SECRET (no
// session, no same-origin check: an outside system calls it; 404 when no secret is set).
import { connectionDeps, database, keyDepsOfSearch } from "@/lib/api/deps";
import { env } from "@/lib/env";
import { answerLeakReport, genericEndpoint, leakDepsFrom } from "@/lib/leaks";
import { recordHttpRequest } from "@/lib/log/metrics";

const open = async () => {
  const [keys, connections] = await Promise.all([keyDepsOfSearch(), connectionDeps()]);
  return { keys, connections };
};

export async function POST(req: Request): Promise<Response> {
  const started = performance.now();
  const spec = genericEndpoint(env().KEYDESK_LEAK_WEBHOOK_SECRET, leakDepsFrom(open, database));
  const response = await answerLeakReport(spec, req);
  recordHttpRequest("POST", "/api/leaks/generic", response.status, (performance.now() - started) / 1000);
  return response;
}
