// GET /api/ready with its real checks, in demo mode over an embedded database in a folder of its
// own: the database answers a query and the embedded emulator an authenticated read.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "keydesk-ready-"));
Object.assign(process.env, { KEYDESK_DATA_DIR: dataDir, ELEVENLABS_API_KEY: "" });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("is ready in demo mode once the database is open", { timeout: 120_000 }, async () => {
  const { getDatabase } = await import("@/lib/db");
  // Opening a new embedded database takes longer than a readiness check may; until then it is not ready.
  await getDatabase();
  const { readyResponse } = await import("./routes");
  const res = await readyResponse();
  expect(await res.json()).toEqual({ status: "ready" });
  expect(res.status).toBe(200);
});
