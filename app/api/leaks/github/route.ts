// GitHub's secret-scanning partner messages (no session: the ECDSA signature is the proof; no
// same-origin check: GitHub calls it). lib/leaks does the work; see lib/leaks/DECISIONS.md.
import { connectionDeps, database, keyDepsOfSearch } from "@/lib/api/deps";
import { answerLeakReport, githubEndpoint, leakDepsFrom, processGithubKeys } from "@/lib/leaks";
import { recordHttpRequest } from "@/lib/log/metrics";

const open = async () => {
  const [keys, connections] = await Promise.all([keyDepsOfSearch(), connectionDeps()]);
  return { keys, connections };
};

export async function POST(req: Request): Promise<Response> {
  const started = performance.now();
  const response = await answerLeakReport(
    githubEndpoint(processGithubKeys(), leakDepsFrom(open, database)),
    req,
  );
  recordHttpRequest("POST", "/api/leaks/github", response.status, (performance.now() - started) / 1000);
  return response;
}
