import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { admitRequest, drain, exemptFromDrain, inFlightCount, isDraining, whenQuiet } from "./drain";

// Each test starts with a process that is not draining.
beforeEach(() => void delete (globalThis as Record<symbol, unknown>)[Symbol.for("keydesk.drain")]);

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

/** A server whose requests wait until released; every request goes through admitRequest, as under the hook. */
async function slowServer() {
  const waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    if (!admitRequest(server, req, res)) return;
    waiting.push(() => res.end("done"));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, releaseAll: () => waiting.splice(0).forEach((f) => f()), waiting };
}

function get(url: string): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: new http.Agent({ keepAlive: true }) }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      })
      .on("error", reject);
  });
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

/** A response that records what was written to it. */
function fakeResponse() {
  const written: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      Object.assign(written, { status, headers });
      return res;
    },
    end(body: string) {
      written.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, written };
}

describe("the drain", () => {
  it("lets a request in flight finish, with Connection: close, then resolves", async () => {
    const { server, url, releaseAll, waiting } = await slowServer();
    const answer = get(`${url}/slow`);
    await until(() => waiting.length === 1);
    expect(inFlightCount()).toBe(1);

    const drained = drain(60_000);
    expect(isDraining()).toBe(true);
    expect(server.listening).toBe(false); // no new connections
    releaseAll();
    expect(await drained).toEqual({ finished: 1, abandoned: 0 });
    expect(await answer).toMatchObject({ status: 200, connection: "close", body: "done" });
    expect(inFlightCount()).toBe(0);
  });

  it("answers a request that still arrives 503 with Connection: close", async () => {
    const { server } = await slowServer();
    await drain(1000);
    const { res, written } = fakeResponse();
    expect(admitRequest(server, {} as IncomingMessage, res)).toBe(false);
    expect(written.status).toBe(503);
    expect(written.headers).toMatchObject({ connection: "close", "content-type": "application/json" });
    expect(JSON.parse(written.body!)).toMatchObject({ error: { code: "unavailable" } });
  });

  it("gives up on requests still in flight when the grace period ends, and says how many", async () => {
    const { url, waiting } = await slowServer();
    void get(`${url}/never`).catch(() => undefined);
    await until(() => waiting.length === 1);
    expect(await drain(20)).toEqual({ finished: 0, abandoned: 1 });
  });

  it("leaves an exempt server (demo mode's emulator) answering", async () => {
    const { server } = await slowServer();
    exemptFromDrain((server.address() as AddressInfo).port);
    await drain(1000);
    const { res, written } = fakeResponse();
    expect(admitRequest(server, {} as IncomingMessage, res)).toBe(true);
    expect(written.status).toBeUndefined();
  });
});

describe("whenQuiet", () => {
  it("waits while a request is in flight and for the quiet time after it ends", async () => {
    const { url, releaseAll, waiting } = await slowServer();
    const answered = get(url);
    await until(() => waiting.length === 1);
    let quiet = false;
    void whenQuiet(300, 10_000).then(() => (quiet = true));
    await new Promise((r) => setTimeout(r, 600));
    expect(quiet, "not while a request is in flight").toBe(false);
    const ended = Date.now();
    releaseAll();
    await answered;
    await until(() => quiet);
    expect(Date.now() - ended).toBeGreaterThanOrEqual(250);
  });

  it("resolves after at most its limit even when requests keep coming", async () => {
    const { url, waiting, releaseAll } = await slowServer();
    const answered = get(url);
    await until(() => waiting.length === 1);
    const started = Date.now();
    await whenQuiet(300, 500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(inFlightCount()).toBe(1);
    releaseAll();
    await answered;
  });
});
