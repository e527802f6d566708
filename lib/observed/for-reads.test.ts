import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import type { Db } from "@/lib/db/database";
import { observeOrWarn, withOrigins } from "./for-reads";
import { fakeAccount, fakeKey } from "@/tests/support/fake-workspace";

afterEach(() => void vi.restoreAllMocks());

describe("observation on a read", () => {
  it("does not break the read when the database fails: one warning line, no key data, origins null", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    // As Drizzle throws it: the statement and its parameters in the message, the driver's error as the cause.
    const failing = new Error(
      'Failed query: insert into "key_snapshot" values ($1) params: key-secret-name,sa-7-k3',
      { cause: Object.assign(new Error("terminating connection"), { code: "57P01" }) },
    );
    const broken = new Proxy(
      {},
      {
        get: () => () => {
          throw failing;
        },
      },
    ) as unknown as Db;
    const key = fakeKey("sa-7-k3", "sa-7", { name: "key-secret-name" });

    const origins = await observeOrWarn(broken, [fakeAccount("sa-7", [key])], undefined, {});
    expect(origins).toBeNull();
    expect(withOrigins([key], origins)).toEqual([{ ...key, origin: null }]);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]![0]);
    expect(line).toMatch(/^Keydesk: could not compare .* \(Error 57P01\)\.$/);
    expect(line).not.toMatch(/sa-7|key-secret-name|\n/);
  });
});
