// How many password guesses at one account reach the password check, against a real `next start`
// in demo mode: wrong passwords for reviewer@demo.keydesk, `--concurrency` in flight for
// `--seconds`, in mixed body types (JSON, form, multipart, text/plain) with a made-up
// X-Forwarded-For each. A 401 is a guess whose password was checked. Prints; asserts nothing.
// Run: npx tsx tests/bench/sign-in-guesses.ts [--dir /tmp/base-checkout] [--seconds 60] [--concurrency 20] [--port 3190]
import { freePort } from "@/tests/support/free-port";
import { arg, startNext } from "@/tests/support/next-server";

const dir = arg("dir", ".");
const seconds = Number(arg("seconds", "60"));
const concurrency = Number(arg("concurrency", "20"));
const server = await startNext(dir, Number(arg("port", "")) || (await freePort()));
const email = "reviewer@demo.keydesk";

let sent = 0;
const statuses = new Map<number, number>();

function guess(i: number): Promise<Response> {
  const headers: Record<string, string> = {
    origin: server.url,
    "x-forwarded-for": `203.0.${(i >> 8) & 255}.${i & 255}`,
  };
  const password = `wrong-guess-${i}`;
  const url = `${server.url}/api/auth/sign-in/email`;
  switch (i % 4) {
    case 0:
      return fetch(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
    case 1:
      return fetch(url, { method: "POST", headers, body: new URLSearchParams({ email, password }) });
    case 2: {
      const form = new FormData();
      form.set("email", email);
      form.set("password", password);
      return fetch(url, { method: "POST", headers, body: form });
    }
    default:
      return fetch(url, {
        method: "POST",
        headers: { ...headers, "content-type": "text/plain" },
        body: JSON.stringify({ email, password }),
      });
  }
}

const ends = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (Date.now() < ends) {
      const res = await guess(sent++);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }),
);
await server.stop();

const checked = statuses.get(401) ?? 0;
console.log(`build: ${dir}`);
console.log(
  `${sent} guesses in ${seconds} s, ${concurrency} at a time; answers: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
);
console.log(
  `reached the password check: ${checked} in ${seconds} s = ${Math.round((checked * 3600) / seconds)} per hour at this rate`,
);
// A build with the per-account pause lets MAX_FAILURES through per window, however long the run:
// with the default 15-minute pause, that is 5 per 900 s, 20 an hour (a shorter run overstates it).
console.log(
  "(with a per-account pause of 5 failures per 15 minutes, at most 20 per hour can reach it, whatever the rate)",
);
