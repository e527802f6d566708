// GET /api/health and GET /api/ready as the handlers answer them: the status only, never a reason,
// and never cached. The checks are passed in here; the real ones run in ready-demo.test.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { healthResponse, readyResponse } from "./routes";

afterEach(() => vi.restoreAllMocks());

describe("GET /api/health", () => {
  it("answers 200 with the status alone, not cached", async () => {
    const res = healthResponse();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("GET /api/ready", () => {
  it("answers 200 ready when the checks pass", async () => {
    const res = await readyResponse({ database: async () => {}, upstream: async () => {} });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 not_ready with no reason, URL, key or error text when a check fails", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const res = await readyResponse({
      database: async () => {
        throw new Error("connect ECONNREFUSED postgres://keydesk:hunter2@db.internal:5432/keydesk");
      },
      upstream: async () => {
        throw new Error("the upstream answered 401");
      },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: "not_ready" });
  });

  it("tells the server log which check failed (a line per newly failing check, not one per probe)", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    // logger.error(fields, message): the message is the last argument.
    const message = (call: unknown[]) => String(call.at(-1));
    const passing = { database: async () => {}, upstream: async () => {} };
    await readyResponse(passing);
    const failing = {
      database: async () => {},
      upstream: async () => {
        throw new Error("the upstream answered 503");
      },
    };
    await readyResponse(failing);
    await readyResponse(failing);
    const lines = log.mock.calls.map(message);
    expect(lines.filter((line) => line.includes("upstream"))).toHaveLength(1);
    expect(lines.some((line) => line.includes("database"))).toBe(false);
    // Passing again, then failing again: logged again.
    await readyResponse(passing);
    await readyResponse(failing);
    expect(log.mock.calls.map(message).filter((line) => line.includes("upstream"))).toHaveLength(2);
  });
});
