// First-load JavaScript of every Keydesk page against a bare Next.js page built in the same run
// (tests/support/bare-next.ts): the gzip size of the scripts each page's HTML loads (what the page
// needs before it works), and the ratio to the bare page's. Real `next start` against the emulator,
// signed in as an admin. Prints; asserts nothing. Needs a build of this checkout (`npx next build`).
//   npx tsx --conditions=react-server tests/bench/first-load-js.ts [--files]
// (--files: also each script of each page with its gzip size, to see what a page pulls in.)
// Sizes do not vary between runs (the same files are served each time), so one round is enough;
// the bare app is built fresh by this run, with this checkout's own `next`.
import { gzipSync } from "node:zlib";
import type { APIRequestContext } from "@playwright/test";
import { startBareNext } from "@/tests/support/bare-next";
import { startHarness } from "@/tests/support/console-harness";
import { freePort } from "@/tests/support/free-port";

/**
 * Every page a person can open; `:first` is the first service account, `:key` its first key,
 * `:invite` a fresh one-time link. A connection's own pages are not measured: the harness has only
 * the ElevenLabs workspace of ELEVENLABS_API_KEY, whose keys live under /service-accounts.
 */
const PAGES = [
  "/sign-in",
  "/",
  "/service-accounts",
  "/service-accounts/:first",
  "/service-accounts/:first/keys/:key",
  "/inventory",
  "/find",
  "/audit",
  "/users",
  "/connections",
  "/account",
  "/invite/:invite",
  "/account/confirm-sso",
  "/account/confirm-sso/done",
];
/** The goal of issue 11: at most this many times the bare page's first-load JS. */
const GOAL = 1.15;

interface Weight {
  gzip: number;
  raw: number;
  files: number;
  each: { src: string; gzip: number }[];
}
const LIST_FILES = process.argv.includes("--files");

/**
 * The scripts the HTML itself loads. Chunks Next prefetches for links, a dialog's code loaded when
 * it opens, and the polyfills modern browsers skip (`noModule`) are not counted.
 */
async function firstLoadJs(request: APIRequestContext, base: string, path: string): Promise<Weight | number> {
  const res = await request.get(new URL(path, base).toString(), { maxRedirects: 0 });
  if (res.status() !== 200) return res.status();
  const srcs = new Set(
    [...(await res.text()).matchAll(/<script[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/nomodule/i.test(tag))
      .map((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1])
      .filter((src): src is string => Boolean(src)),
  );
  const weight: Weight = { gzip: 0, raw: 0, files: srcs.size, each: [] };
  for (const src of srcs) {
    const body = await (await request.get(new URL(src, base).toString())).body();
    const gzip = gzipSync(body, { level: 6 }).length;
    weight.raw += body.length;
    weight.gzip += gzip;
    weight.each.push({ src, gzip });
  }
  return weight;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);

// The bare page reads nothing upstream; its route handler (unused here) gets an address nobody answers.
const bare = await startBareNext(await freePort(), { url: "http://127.0.0.1:9", adminKey: "unused" });
const harness = await startHarness({
  seed: { serviceAccounts: 4, keysPerAccount: 50 },
  port: await freePort(),
});
try {
  const admin = await harness.signedIn();
  const anonymous = await harness.browser.newContext();
  const floor = await firstLoadJs(anonymous.request, bare.url, "/");
  if (typeof floor === "number") throw new Error(`the bare page answered HTTP ${floor}`);

  const accounts = (await (
    await fetch(`${harness.emulator.url}/v1/service-accounts`, {
      headers: { "xi-api-key": "adm_bench_workspace_admin_key" },
    })
  ).json()) as { "service-accounts": { service_account_user_id: string }[] };
  const first = accounts["service-accounts"][0]!.service_account_user_id;
  const keys = (await (
    await fetch(`${harness.emulator.url}/v1/service-accounts/${first}/api-keys`, {
      headers: { "xi-api-key": "adm_bench_workspace_admin_key" },
    })
  ).json()) as { "api-keys": { key_id: string }[] };
  const key = keys["api-keys"][0]!.key_id;
  // A new user's one-time link leads to the set-a-password form (an unknown token shows only a refusal).
  const added = await admin.request.post(`${harness.base}/api/users`, {
    headers: { origin: harness.base },
    data: { email: "bench-invite@example.com", name: "Bench invite", role: "reviewer" },
  });
  const invite = added.ok()
    ? new URL(((await added.json()) as { invite: { url: string } }).invite.url).pathname.split("/").pop()!
    : "no-such-token";

  console.log("First-load JavaScript per page: the scripts its HTML loads, gzip level 6");
  console.log(
    `  ${"bare Next page".padEnd(26)} ${kib(floor.gzip)} KiB gzip   ${kib(floor.raw)} KiB raw   ${floor.files} files`,
  );
  if (LIST_FILES) for (const { src, gzip } of floor.each) console.log(`      ${kib(gzip)} KiB  ${src}`);
  let worst = { path: "", ratio: 0 };
  for (const template of PAGES) {
    const path = template.replace(":first", first).replace(":key", key).replace(":invite", invite);
    const signedIn = !["/sign-in", "/invite/:invite"].includes(template);
    const weight = await firstLoadJs((signedIn ? admin : anonymous).request, harness.base, path);
    if (typeof weight === "number") {
      console.log(`  ${template.padEnd(26)} HTTP ${weight} (skipped)`);
      continue;
    }
    const ratio = weight.gzip / floor.gzip;
    if (ratio > worst.ratio) worst = { path: template, ratio };
    console.log(
      `  ${template.padEnd(26)} ${kib(weight.gzip)} KiB gzip   ${kib(weight.raw)} KiB raw   ${String(weight.files).padStart(2)} files   ${ratio.toFixed(2)}x ${ratio <= GOAL ? "" : `(goal <= ${GOAL}x)`}`,
    );
    if (LIST_FILES)
      for (const { src, gzip } of weight.each.sort((a, b) => b.gzip - a.gzip))
        console.log(`      ${kib(gzip)} KiB  ${src}`);
  }
  console.log(`\nWorst page: ${worst.path} at ${worst.ratio.toFixed(2)}x the bare page (goal <= ${GOAL}x).`);
  console.log("  /pending is not measured: only a single sign-on user still waiting for a role can open it.");
  await admin.close();
  await anonymous.close();
} finally {
  await harness.close();
  await bare.stop();
}
process.exit(0);
