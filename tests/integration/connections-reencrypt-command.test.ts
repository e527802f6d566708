// `npm run connections:reencrypt` itself, as an operator runs it: a PGlite data folder with
// credentials under the old key, the command with the old and the new key in its environment, and
// afterwards every credential opens with the new key alone. Without the old key it changes nothing.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { encryptionKey } from "@/lib/connections/crypto";
import { insertConnection, listStoredConnections } from "@/lib/connections/store";
import { openDatabase } from "@/lib/db/database";

const run = promisify(execFile);
const OLD = Buffer.alloc(32, 11);
const NEW = Buffer.alloc(32, 22);

async function reencrypt(dataDir: string, extra: Record<string, string>) {
  return run(
    join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "lib/connections/reencrypt-cli.ts"],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        KEYDESK_DATA_DIR: dataDir,
        ...extra,
      },
      timeout: 60_000,
    },
  ).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe("npm run connections:reencrypt", () => {
  it("moves every credential to the new key in the data folder's database", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "keydesk-reencrypt-"));
    const old = encryptionKey(OLD);
    const fresh = encryptionKey(NEW);
    const before = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    for (const n of [1, 2])
      await insertConnection(
        before.db,
        { current: old, all: [old] },
        {
          id: `conn_${n}`,
          name: `Portal ${n}`,
          provider: "docspace",
          baseUrl: "https://portal.example.com",
          credential: `portal-credential-${n}`,
          createdBy: null,
        },
      );
    await before.close();

    const refused = await reencrypt(dataDir, { KEYDESK_ENCRYPTION_KEY: NEW.toString("hex") });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Set KEYDESK_ENCRYPTION_KEY_OLD/);

    const done = await reencrypt(dataDir, {
      KEYDESK_ENCRYPTION_KEY: NEW.toString("base64"),
      KEYDESK_ENCRYPTION_KEY_OLD: OLD.toString("hex"),
    });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(
      `Re-encrypted 2 connection credential(s) under key ${fresh.id}; 0 were already under it.`,
    );
    expect(`${done.stdout}${done.stderr}`).not.toContain("portal-credential");

    const after = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    try {
      const stored = await listStoredConnections(after.db, { current: fresh, all: [fresh] });
      expect(await Promise.all(stored.map((c) => c.credential()))).toEqual([
        "portal-credential-1",
        "portal-credential-2",
      ]);
    } finally {
      await after.close();
    }
  }, 120_000);
});
