// The admin key and created secrets never reach the browser or the server's log, even when the
// upstream fails in every way it can.
import { readFileSync } from "node:fs";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test("no page or log line carries the admin key or a secret, whatever the upstream does", async ({
  page,
}) => {
  const { "service-account-user-id": saId } = await emulator.admin<{ "service-account-user-id": string }>(
    "POST",
    "/v1/service-accounts",
    {
      name: "Secrets probe",
    },
  );
  const { "xi-api-key": secret } = await emulator.admin<{ "xi-api-key": string }>(
    "POST",
    `/v1/service-accounts/${saId}/api-keys`,
    {
      name: "probe",
      permissions: "all",
    },
  );
  const pages: string[] = [];
  for (const fault of [
    { kind: "status", status: 500 },
    { kind: "status", status: 429, retryAfter: 60 },
    { kind: "malformed" },
    { kind: "drop" },
  ] as const) {
    await emulator.inject("GET", "/v1/service-accounts", fault, 3);
    const response = await page.goto("/service-accounts");
    pages.push((await response?.text()) ?? "");
    await emulator.clearFaults();
  }
  pages.push((await (await page.goto("/service-accounts"))?.text()) ?? "");
  expect(pages.at(-1)).toContain("probe");

  const log = readFileSync(E2E.consoleLog, "utf8");
  expect(log).toContain("Ready");
  for (const text of [...pages, log]) {
    expect(text).not.toContain(E2E.adminKey);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/sk_[0-9a-f]{48}/);
  }
});

test("no JSON answer carries a key's secret hash (it would confirm a guessed secret offline)", async ({
  page,
}) => {
  const accounts = (
    await emulator.admin<{
      "service-accounts": {
        service_account_user_id: string;
        "api-keys": { key_id: string; hashed_xi_api_key: string }[];
      }[];
    }>("GET", "/v1/service-accounts")
  )["service-accounts"];
  const hashes = accounts.flatMap((a) => a["api-keys"].map((k) => k.hashed_xi_api_key));
  const account = accounts.find((a) => a["api-keys"].length > 0)!;
  const key = account["api-keys"][0]!;
  const origin = new URL(E2E.consoleUrl).origin;
  const answers = [
    await page.request.get("/api/service-accounts"),
    await page.request.get("/api/inventory"),
    await page.request.get(`/api/service-accounts/${account.service_account_user_id}/keys`),
    await page.request.get("/api/inventory/export?format=json"),
    // A 409 carries the key as it is now.
    await page.request.patch(`/api/service-accounts/${account.service_account_user_id}/keys/${key.key_id}`, {
      data: { name: "x-conflict", expected: { name: "not-its-name" } },
      headers: { origin },
    }),
  ];
  expect(answers.at(-1)!.status()).toBe(409);
  for (const answer of answers) {
    const text = await answer.text();
    expect(text).not.toMatch(/hashedSecret|hashed_xi_api_key/);
    for (const hash of hashes) expect(text).not.toContain(hash);
  }
});
