// Signing in to a benchmark's Keydesk over HTTP, as the sign-in form does, with demo mode's accounts
// (README: "Modes"). Each sign-in can come from an address of its own on the loopback network
// (127.0.0.x): better-auth limits sign-ins per address per minute, and a benchmark that opens many
// sessions is not a guesser.
import { request } from "node:http";

export const DEMO_EMAILS = ["admin@demo.keydesk", "support@demo.keydesk", "reviewer@demo.keydesk"];
const DEMO_PASSWORD = "keydesk-demo";

/** Signs in; the session cookie and the milliseconds the answer took. */
export function signIn(
  url: string,
  email: string,
  from = "127.0.0.1",
): Promise<{ cookie: string; ms: number }> {
  const target = new URL("/api/auth/sign-in/email", url);
  const body = JSON.stringify({ email, password: DEMO_PASSWORD });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        localAddress: from,
        headers: {
          "content-type": "application/json",
          origin: url,
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const cookie = res.headers["set-cookie"]?.[0]?.split(";")[0];
          if (res.statusCode !== 200 || !cookie)
            reject(new Error(`sign-in as ${email}: HTTP ${res.statusCode}`));
          else resolve({ cookie, ms: performance.now() - started });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
