// KEYDESK_CONNECTIONS_FILE on a server of its own: a good file's connections show as managed by
// file and cannot be renamed or removed; a file naming a variable that is not set stops the server
// at start with the entry and the field named.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { expect, test } from "@/tests/support/emulator-fixture";
import { startOwnServer } from "@/tests/support/own-server";
import { signIn } from "@/tests/support/sign-in";

const FILE = resolve(E2E.dataDir, "connections-file.json");
const TOKEN = E2E.docspaceAdminKey;

// Each test starts a server of its own (a new database, the first admin): more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

function writeFile(credentialEnv: string) {
  mkdirSync(E2E.dataDir, { recursive: true });
  writeFileSync(
    FILE,
    JSON.stringify({
      connections: [
        { name: "Declared portal", provider: "docspace", baseUrl: E2E.docspaceUrl, credentialEnv },
      ],
    }),
  );
}

test("a declared connection is managed by file: listed, tested, never renamed or removed", async ({
  page,
}) => {
  writeFile("E2E_PORTAL_TOKEN");
  const server = await startOwnServer("connections-file", E2E.connectionsFilePort, {
    KEYDESK_CONNECTIONS_FILE: FILE,
    E2E_PORTAL_TOKEN: TOKEN,
  });
  try {
    await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD, server.url);
    await page.goto(`${server.url}/connections`);
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: "Declared portal" }) });
    await expect(row).toContainText("Managed by file");
    await expect(row).toContainText(`…${TOKEN.slice(-4)}`);
    await expect(row.getByRole("button", { name: "Rename Declared portal" })).toHaveCount(0);
    await expect(row.getByRole("button", { name: "Remove Declared portal" })).toHaveCount(0);
    await row.getByRole("button", { name: "Test Declared portal" }).click();
    await expect(page.getByRole("status")).toContainText("Declared portal works: 12 keys.");
    const headers = { origin: server.url };
    const rename = await page.request.patch(`${server.url}/api/connections/file-declared-portal`, {
      headers,
      data: { name: "Mine" },
    });
    expect(rename.status()).toBe(409);
    expect((await rename.json()).error.message).toContain("KEYDESK_CONNECTIONS_FILE");
    expect(
      (await page.request.delete(`${server.url}/api/connections/file-declared-portal`, { headers })).status(),
    ).toBe(409);
    expect(await page.content()).not.toContain(TOKEN);
  } finally {
    await server.stop();
  }
  expect(readFileSync(`${E2E.logDir}/connections-file-server.log`, "utf8")).not.toContain(TOKEN);
});

test("a file naming a variable that is not set stops the server at start, naming the entry and field", async () => {
  writeFile("E2E_PORTAL_TOKEN_MISSING");
  const started = await startOwnServer("connections-file-bad", E2E.connectionsFilePort + 1, {
    KEYDESK_CONNECTIONS_FILE: FILE,
  }).catch((error: unknown) => error as Error);
  if (!(started instanceof Error)) await started.stop();
  expect(String(started)).toMatch(/exited \(1\)/);
  expect(readFileSync(`${E2E.logDir}/connections-file-bad-server.log`, "utf8")).toContain(
    "Keydesk cannot start: KEYDESK_CONNECTIONS_FILE (" +
      FILE +
      '): connections[0] ("Declared portal").credentialEnv: the environment variable E2E_PORTAL_TOKEN_MISSING is not set',
  );
});
