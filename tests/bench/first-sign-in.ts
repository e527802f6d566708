// `npx tsx tests/bench/first-sign-in.ts [--before <checkout>] [--rounds 3] [--no-template]`
// Keydesk's start-up as a person meets it, in the default setup (`npm start`'s standalone server,
// demo mode, PGlite): from starting the server to the first 200 from /sign-in, then the first
// sign-in, on a new data folder; then the same server's later sign-ins (the floor: what a sign-in
// costs once everything is loaded); then a restart on the same folder and its /sign-in. --before:
// another built checkout (e.g. the base commit) measured alongside. Rounds are interleaved; medians
// printed. Needs `npx next build`. Prints numbers; asserts nothing.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { DEMO_EMAILS, signIn } from "@/tests/support/bench-sign-in";
import { freePort } from "@/tests/support/free-port";
import { arg, median } from "@/tests/support/next-server";
import { freshDataDir, removeDir, startStandalone } from "@/tests/support/standalone-server";

const rounds = Number(arg("rounds", "3"));
// The image's data folder template (Dockerfile), made in this checkout's build as the image build makes
// it; `--no-template` measures a first start that makes its folder itself (initdb and migrations).
if (!process.argv.includes("--no-template")) {
  const made = spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", "lib/ops/prepare-data-dir-cli.ts", ".next/standalone/data-template"],
    { stdio: "inherit" },
  );
  if (made.status !== 0) throw new Error("could not make the data folder template");
} else rmSync(".next/standalone/data-template", { recursive: true, force: true });
const before = arg("before", "");
const targets: Record<string, string> = { keydesk: "." };
if (before) targets["before"] = before;
const results: Record<string, number[]> = {};
const note = (label: string, value: number) => (results[label] ??= []).push(value);

for (let round = 0; round < rounds; round++) {
  for (const [name, dir] of Object.entries(targets)) {
    const dataDir = freshDataDir();
    try {
      const server = await startStandalone(dir, await freePort(), dataDir);
      try {
        note(`${name} sign-in page, new folder`, server.signInPageMs);
        note(`${name} first sign-in`, (await signIn(server.url, DEMO_EMAILS[0]!, "127.0.0.2")).ms);
        const later: number[] = [];
        for (let i = 0; i < 5; i++)
          later.push((await signIn(server.url, DEMO_EMAILS[i % 3]!, `127.0.0.${3 + i}`)).ms);
        note(`${name} later sign-in`, median(later));
      } finally {
        await server.stop();
      }
      const again = await startStandalone(dir, await freePort(), dataDir);
      try {
        note(`${name} sign-in page, restart`, again.signInPageMs);
        note(`${name} first sign-in, restart`, (await signIn(again.url, DEMO_EMAILS[1]!, "127.0.0.9")).ms);
      } finally {
        await again.stop();
      }
    } finally {
      removeDir(dataDir);
    }
  }
}

console.log(`${rounds} interleaved round(s); medians, ms`);
const m = (label: string) => median(results[label]!);
for (const name of Object.keys(targets)) {
  const floor = m(`${name} later sign-in`);
  console.log(
    `${name === "keydesk" ? "Keydesk (this checkout)" : `Keydesk (${before})`}: ` +
      `/sign-in after start ${m(`${name} sign-in page, new folder`).toFixed(0)} (new data folder), ` +
      `${m(`${name} sign-in page, restart`).toFixed(0)} (restart); ` +
      `first sign-in ${m(`${name} first sign-in`).toFixed(0)} (new folder, ${(m(`${name} first sign-in`) / floor).toFixed(1)}x), ` +
      `${m(`${name} first sign-in, restart`).toFixed(0)} (restart); later sign-in ${floor.toFixed(0)}`,
  );
}
