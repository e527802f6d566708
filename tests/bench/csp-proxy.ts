// The time proxy.ts (a nonce CSP per page, the signed-out redirect) adds to a page request,
// against a real `next start` in demo mode: p50 of the same page on this build and, with
// --base-dir, on a build without proxy.ts (e.g. the base commit in a temp folder); and the
// proxy's own answer (a signed-out page request redirected before any page renders) against a
// route that never runs it (an API 404). Prints; asserts nothing.
// Run: npx tsx tests/bench/csp-proxy.ts [--base-dir /tmp/base-checkout] [--n 300] [--port 3191]
import { freePort } from "@/tests/support/free-port";
import { arg, percentile, startNext } from "@/tests/support/next-server";

const n = Number(arg("n", "300"));
const port = Number(arg("port", "")) || (await freePort());

async function p50(url: string, headers: Record<string, string> = {}): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n + 30; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (i >= 30) samples.push(performance.now() - started);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    0.5,
  );
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
async function measure(dir: string): Promise<number> {
  const server = await startNext(dir, port);
  const page = await p50(`${server.url}/sign-in`);
  const redirect = await p50(`${server.url}/inventory`);
  const api = await p50(`${server.url}/api/no-such-route`);
  await server.stop();
  console.log(
    `${dir}: GET /sign-in p50 ${fmt(page)} · signed-out GET /inventory p50 ${fmt(redirect)} · GET /api/no-such-route p50 ${fmt(api)}   (${n} each)`,
  );
  return page;
}

// proxy.ts's own work (a nonce, the policy, the forwarded headers), in process, for a signed-in page request.
const { NextRequest } = await import("next/server");
const { proxy } = await import("@/proxy");
const inProcess: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const req = new NextRequest("http://127.0.0.1:3000/inventory", {
    headers: { cookie: "better-auth.session_token=x", accept: "text/html" },
  });
  const started = performance.now();
  proxy(req);
  if (i >= 1000) inProcess.push(performance.now() - started);
}
console.log(
  `proxy() alone, in process: p50 ${(
    percentile(
      inProcess.sort((a, b) => a - b),
      0.5,
    ) * 1000
  ).toFixed(1)} µs   (19,000 calls)`,
);

const withProxy = await measure(".");
const baseDir = arg("base-dir", "");
if (baseDir) {
  const without = await measure(baseDir);
  console.log(
    `added to a page request by this build (proxy.ts's nonce CSP): p50 ${fmt(withProxy - without)}`,
  );
}
