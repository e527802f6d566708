// Keydesk's hook on this process's HTTP servers, installed once from instrumentation.ts: before
// Next.js sees a request, it answers a path Next.js cannot decode (400, not a 500), admits the rest
// through the shutdown drain (drain.ts: counted in flight, or a 503 once Keydesk is shutting down)
// and stamps them with their client's address and origin (request-stamp.ts). It wraps Server#emit because
// that is the one place that sees both the socket and the request before any listener does, under
// `next start` and the standalone server alike; both run Keydesk in the process that owns the socket.
// (In demo mode the embedded emulator's server is stamped too; it ignores the headers.)
import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { env } from "@/lib/env";
import { admitRequest } from "./drain";
import { malformedPathAnswer } from "./malformed-path";
import { compileTrust, ensureProcessToken, stampRequest } from "./request-stamp";

const INSTALLED = Symbol.for("keydesk.requestStampInstalled");

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

function wrap(proto: { emit: Emit } & Record<symbol, unknown>, trust: ReturnType<typeof compileTrust>): void {
  if (Object.hasOwn(proto, INSTALLED)) return;
  const original = proto.emit;
  proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      const res = args[1] as ServerResponse;
      const answer = malformedPathAnswer(req.url ?? "/");
      if (answer) {
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return true;
      }
      if (!admitRequest(this, req, res)) return true;
      stampRequest(req, trust);
    }
    return original.call(this, event, ...args);
  };
  proto[INSTALLED] = true;
}

export function installRequestStamp(): void {
  ensureProcessToken();
  const trust = compileTrust(env().KEYDESK_TRUSTED_PROXIES);
  wrap(http.Server.prototype as never, trust);
  // https.Server does not inherit from http.Server; Next.js uses it for `--experimental-https`.
  wrap(https.Server.prototype as never, trust);
}
