// The admin key and created secrets never reach the browser or the server's log, even when the
// upstream fails in every way it can.
import { readFileSync } from "node:fs";
import { emulator, expect, test } from "./support/emulator";
import { E2E } from "./support/servers";

test("no page or log line carries the admin key or a secret, whatever the upstream does", async ({ page }) => {
  const { "service-account-user-id": saId } = await emulator.admin<{ "service-account-user-id": string }>("POST", "/v1/service-accounts", {
    name: "Secrets probe",
  });
  const { "xi-api-key": secret } = await emulator.admin<{ "xi-api-key": string }>("POST", `/v1/service-accounts/${saId}/api-keys`, {
    name: "probe",
    permissions: "all",
  });
  const pages: string[] = [];
  for (const fault of [
    { kind: "status", status: 500 },
    { kind: "status", status: 429, retryAfter: 60 },
    { kind: "malformed" },
    { kind: "drop" },
  ] as const) {
    await emulator.inject("GET", "/v1/service-accounts", fault, 3);
    const response = await page.goto("/");
    pages.push((await response?.text()) ?? "");
    await emulator.clearFaults();
  }
  pages.push((await (await page.goto("/"))?.text()) ?? "");
  expect(pages.at(-1)).toContain("probe");

  const log = readFileSync(E2E.consoleLog, "utf8");
  expect(log).toContain("Ready");
  for (const text of [...pages, log]) {
    expect(text).not.toContain(E2E.adminKey);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/sk_[0-9a-f]{48}/);
  }
});
