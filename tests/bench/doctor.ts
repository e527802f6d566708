// `npm run bench:doctor [-- --rounds 15]` (needs a build: `npx next build`)
// The key doctor on a 10,000-key workspace (200 service accounts x 50 keys): the time from asking
// "why is this key failing?" (a disabled key, ElevenLabs' error pasted) to the diagnosis, p50 over
// rounds, three ways:
//   - the API as the panel calls it (POST /api/doctor/diagnose);
//   - the page in Chromium: the panel's "Check the key" clicked, to the diagnosis on screen;
//   - the floors, in the same rounds: the whole workspace's list read directly (what the inventory
//     reads), and the key's service account's list read directly (what the doctor reads).
// Real `next start`, real HTTP. Prints numbers with the ratio to the floors; asserts nothing.
import { startHarness } from "@/tests/support/console-harness";
import { freePort } from "@/tests/support/free-port";
import { arg, median } from "@/tests/support/next-server";

const rounds = Number(arg("rounds", "15"));
const ADMIN_KEY = "adm_bench_workspace_admin_key";
const PASTED = JSON.stringify({ detail: { status: "invalid_api_key", message: "Invalid API key" } });

/** In the page: "Check the key" clicked, to the first cause ("Most likely") on screen, in ms. */
const CLICK_TO_DIAGNOSIS = `new Promise((resolve) => {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Check the key");
  const started = performance.now();
  button.click();
  const check = () => {
    const shown = [...document.querySelectorAll("ol[aria-label='Likely causes'] li span")].some((e) => e.textContent === "Most likely");
    if (shown) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  check();
})`;

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

async function timedRead(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { "xi-api-key": ADMIN_KEY } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  JSON.parse(await response.text());
  return performance.now() - started;
}

const harness = await startHarness({
  seed: { serviceAccounts: 200, keysPerAccount: 50 },
  port: await freePort(),
});
try {
  // A key in the middle of the workspace, switched off upstream (an outside change).
  const accounts = [...harness.emulator.store.serviceAccounts.values()];
  const account = accounts[Math.floor(accounts.length / 2)]!;
  const key = [...account.keys.values()][0]!;
  key.is_disabled = true;
  const saId = account.service_account_user_id;
  const connectionId = "env-elevenlabs";
  const context = await harness.signedIn();
  const api = context.request;
  const headers = { origin: harness.base };
  const body = { connectionId, keyId: key.key_id, saId, pasted: PASTED };
  // Warm-up: modules load; the service account's first read takes its baseline.
  for (let i = 0; i < 2; i++) {
    const res = await api.post("/api/doctor/diagnose", { headers, data: body });
    if (!res.ok()) throw new Error(`diagnose: HTTP ${res.status()} ${await res.text()}`);
  }

  const workspaceFloor: number[] = [];
  const accountFloor: number[] = [];
  const apiTimes: number[] = [];
  const pageTimes: number[] = [];
  let first = "";
  for (let r = 0; r < rounds; r++) {
    workspaceFloor.push(await timedRead(`${harness.emulator.url}/v1/service-accounts`));
    accountFloor.push(await timedRead(`${harness.emulator.url}/v1/service-accounts/${saId}/api-keys`));
    const started = performance.now();
    const res = await api.post("/api/doctor/diagnose", { headers, data: body });
    const answer = (await res.json()) as { diagnosis: { causes: { kind: string }[] } };
    apiTimes.push(performance.now() - started);
    first = answer.diagnosis.causes[0]?.kind ?? "none";

    const page = await context.newPage();
    // The page itself reads the whole workspace (its header and sections): not part of the measure.
    await page.goto(`/service-accounts/${encodeURIComponent(saId)}/keys/${encodeURIComponent(key.key_id)}`, {
      timeout: 180_000,
    });
    await page.getByLabel("The error the caller got (optional)").fill(PASTED);
    // Clicked and watched in the page itself, frame by frame: Playwright's own polling would add its
    // intervals to the time.
    pageTimes.push((await page.evaluate(CLICK_TO_DIAGNOSIS)) as number);
    await page.close();
  }
  const wf = median(workspaceFloor);
  const af = median(accountFloor);
  console.log(`key doctor, 10,000 keys, a disabled key (first cause: ${first}), p50 of ${rounds}:`);
  console.log(`  floor: whole workspace list read directly (10,000 keys)   ${fmt(wf)}`);
  console.log(`  floor: its service account's list read directly (50 keys)  ${fmt(af)}`);
  console.log(
    `  API: POST /api/doctor/diagnose                              ${fmt(median(apiTimes))}  ratio ${ratio(median(apiTimes), wf)} (workspace) ${ratio(median(apiTimes), af)} (account)`,
  );
  console.log(
    `  page: "Check the key" clicked to the diagnosis on screen     ${fmt(median(pageTimes))}  ratio ${ratio(median(pageTimes), wf)} (workspace)  (${pageTimes.map(fmt).join(", ")})`,
  );
} finally {
  await harness.close();
}
