// How the audit log holds up at 100,000 rows in PGlite: the first page, a filtered page, a deep
// keyset page and a full chain verify. Prints numbers; asserts nothing.
//   npx tsx --conditions=react-server tests/bench/audit-query.ts
// (`--conditions=react-server` resolves `server-only` to its empty export, as Next does on the server.)
import { performance } from "node:perf_hooks";
import { openDatabase } from "@/lib/db/database";
import { queryAudit } from "@/lib/audit/query";
import { seedAudit } from "@/lib/audit/seed";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { AuditEntryInput } from "@/lib/audit/types";

const ROWS = 100_000;
const SEED_CHUNK = 10_000;
const ACTIONS = ["key.update", "key.create", "key.delete", "key.reveal", "auth.sign_in"];

async function timed<T>(label: string, run: () => Promise<T>, describe: (r: T) => string): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(
    `${label.padEnd(34)} ${(performance.now() - start).toFixed(1).padStart(9)} ms   ${describe(result)}`,
  );
  return result;
}

const database = await openDatabase({ kind: "pglite", dataDir: null });
const { db } = database;
const base = Date.UTC(2025, 0, 1);

await timed(
  `seed ${ROWS.toLocaleString("en")} rows`,
  async () => {
    for (let start = 0; start < ROWS; start += SEED_CHUNK) {
      const chunk = Array.from({ length: SEED_CHUNK }, (_, n): AuditEntryInput & { at: string } => {
        const i = start + n;
        return {
          at: new Date(base + i * 30_000).toISOString(),
          action: ACTIONS[i % ACTIONS.length]!,
          actor: {
            userId: `u${i % 40}`,
            email: `user${i % 40}@example.com`,
            role: i % 40 === 0 ? "admin" : "editor",
          },
          ip: "203.0.113.9",
          userAgent: "bench",
          requestId: `req-${i}`,
          target: { serviceAccountId: `sa_${i % 25}`, keyId: `key_${i % 2_000}`, name: `Key ${i % 2_000}` },
          changes: { enabled: { before: i % 2 === 0, after: i % 2 !== 0 } },
          reason: null,
          outcome: "ok",
        };
      });
      await seedAudit(db, chunk);
    }
  },
  () => "",
);

const first = await timed(
  "first page (50, newest first)",
  () => queryAudit(db, { limit: 50 }),
  (p) => `${p.entries.length} entries`,
);
await timed(
  "filtered (actor + action)",
  () => queryAudit(db, { actor: "user7@", action: "key.delete", limit: 50 }),
  (p) => `${p.entries.length} entries`,
);
await timed(
  "filtered (target name substring)",
  () => queryAudit(db, { target: "key 1999", limit: 50 }),
  (p) => `${p.entries.length} entries`,
);
await timed(
  "filtered (one-day time range)",
  () => queryAudit(db, { from: "2025-01-10T00:00:00Z", to: "2025-01-10T23:59:59Z", limit: 50 }),
  (p) => `${p.entries.length} entries`,
);
await timed(
  "deep keyset page (before id 1,000)",
  () => queryAudit(db, { before: 1_000, limit: 50 }),
  (p) => `${p.entries.length} entries, first id ${p.entries[0]?.id}`,
);
await timed(
  "second page from cursor",
  () => queryAudit(db, { before: first.nextCursor ?? undefined, limit: 50 }),
  (p) => `${p.entries.length} entries`,
);
await timed(
  "verify full chain",
  () => verifyAuditChain(db),
  (r) => JSON.stringify(r),
);

await database.close();
