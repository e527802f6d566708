// Prometheus metrics, for a scraper with KEYDESK_METRICS_TOKEN (no session; see lib/log/metrics-endpoint.ts).
import { env } from "@/lib/env";
import { metricsAnswer } from "@/lib/log/metrics-endpoint";

export const GET = (req: Request) => metricsAnswer(req, env().KEYDESK_METRICS_TOKEN);
