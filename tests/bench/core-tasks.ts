// `npm run bench:core-tasks [-- --ui current|before] [--dir <built checkout>] [--rounds 5]`
// Issue 13's measurement: clicks, key presses and time for the three core tasks.
//   (a) admin: create a key with three permissions, a monthly character limit and an IP allowlist;
//   (b) support: disable a leaked key from its secret (paste it on Find a key, disable with a reason);
//   (c) reviewer: which keys can write voices? (All keys, Has permission = Voices (write), the matrix).
// Starts the ElevenLabs emulator (demo workspace) and `next start` of a built checkout (this one,
// or --dir, e.g. a worktree of commit 07ecdf7 built with `npx next build`, run with --ui before),
// signs in each role and drives Chromium through each task as a person would (core-tasks-flows.ts),
// counting every click and key press (core-tasks-person.ts). Time runs from the first page load
// (the overview) until the answer is on screen; one warm-up run each, then the median of --rounds.
// After every run the end state is checked upstream (core-tasks-checks.ts); a wrong end state
// stops the benchmark. Prints numbers; asserts nothing about time.
import type { BrowserContext } from "@playwright/test";
import { arg, median } from "@/tests/support/next-server";
import {
  checkCreated,
  checkDisabled,
  checkVoicesWriters,
  leakableKey,
  NEW_KEY_PERMISSIONS,
} from "./core-tasks-checks";
import { FLOWS, type Ui } from "./core-tasks-flows";
import { Person } from "./core-tasks-person";
import { startWorld } from "./core-tasks-servers";

const ui = arg("ui", "current") as Ui;
if (!(ui in FLOWS)) throw new Error(`--ui is before or current, not ${ui}`);
const dir = arg("dir", ".");
const rounds = Number(arg("rounds", "5"));
const flows = FLOWS[ui];

interface Result {
  task: string;
  clicks: Set<number>;
  keys: Set<number>;
  ms: number[];
}

/** Runs one task warm-up + rounds times, each in a fresh tab of the role's signed-in context. */
async function measure(
  task: string,
  context: BrowserContext,
  run: (person: Person, i: number) => Promise<void>,
  prepare: (i: number) => Promise<void> = async () => {},
): Promise<Result> {
  const result: Result = { task, clicks: new Set(), keys: new Set(), ms: [] };
  for (let i = 0; i <= rounds; i++) {
    await prepare(i);
    const page = await context.newPage();
    const person = new Person(page);
    const started = performance.now();
    await run(person, i);
    const ms = performance.now() - started;
    await page.close();
    if (i === 0) continue; // warm-up: server caches, compiled routes, the browser's cache
    result.ms.push(ms);
    // The same every run for a fixed flow; a set, so a run that differed would show.
    result.clicks.add(person.clicks);
    result.keys.add(person.keys);
  }
  return result;
}

const world = await startWorld(dir);
const store = world.emulator.store;
try {
  const account = "Production TTS backend";
  const keyInput = (i: number) => ({
    account,
    name: `bench-key-${i}`,
    limit: "250000",
    allowlistEntry: "203.0.113.0/24",
  });
  const create = await measure("(a) create a key (admin)", world.contexts.admin, async (person, i) => {
    await flows.createKey(person, keyInput(i));
    checkCreated(store, keyInput(i));
  });

  let leaked = { keyId: "", secret: "" };
  const disable = await measure(
    "(b) disable a leaked key (support)",
    world.contexts.support,
    async (person, i) => {
      await flows.disableLeaked(person, `leaked-key-${i}`);
      checkDisabled(store, leaked.keyId);
    },
    async (i) => {
      // The person copied the secret from where it leaked: it is on the clipboard before the task.
      leaked = leakableKey(store, `leaked-key-${i}`);
      const scratch = await world.contexts.support.newPage();
      await scratch.goto("/robots.txt");
      await scratch.evaluate((secret) => navigator.clipboard.writeText(secret), leaked.secret);
      await scratch.close();
    },
  );

  let writers = 0;
  const answer = await measure(
    "(c) which keys can write voices? (reviewer)",
    world.contexts.reviewer,
    async (person) => {
      writers = checkVoicesWriters(store, await flows.voicesWriters(person));
    },
  );

  console.log(
    `\nCore tasks, UI "${ui}" (${dir}): median of ${rounds} runs after a warm-up, from the first page load to the answer on screen`,
  );
  console.log(`(a) permissions ${NEW_KEY_PERMISSIONS.join(", ")}; (c) ${writers} keys listed\n`);
  const rows = [create, disable, answer].map((r) => [
    r.task,
    [...r.clicks].join(" / "),
    [...r.keys].join(" / "),
    `${Math.round(median(r.ms))} ms`,
    r.ms.map((ms) => Math.round(ms)).join(", "),
  ]);
  const header = ["task", "clicks", "key presses", "median time", "each run (ms)"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
} finally {
  await world.close();
}
