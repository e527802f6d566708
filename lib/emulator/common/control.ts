// Test-only routes every emulator offers, refused unless it was started with --control:
//   POST   /__emulator/reset     {"seed": ...} (the provider's seeds)
//   GET    /__emulator/requests  the request log (secrets masked); DELETE clears it
//   POST   /__emulator/faults    {"method", "path", "count", "fault": {...}}; GET lists; DELETE clears
// A provider may add routes of its own (`extra`).
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { faultRuleSchema, type FaultQueue } from "./faults";
import { decodeUtf8, readBody, sendJson } from "./http";
import type { RequestLog } from "./request-log";

export type Send = (status: number, body: unknown) => void;

export interface ControlContext<S> {
  faults: FaultQueue;
  log: RequestLog;
  seedSchema: z.ZodType<S>;
  defaultSeed: S;
  /** Resets to the seed (clearing faults and the log) and says what is there now. */
  reset(seed: S): unknown;
  /** A provider's own control routes; true when it answered. */
  extra?(route: string, body: () => Promise<unknown>, send: Send): Promise<boolean>;
  /** The answer to an unknown control route: the provider's own 404. */
  notFound(send: Send): void;
}

/** The body as JSON (none is `{}`), or undefined when it is not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const read = await readBody(req);
  if (!read.ok) return undefined;
  if (read.bytes.length === 0) return {};
  const text = decodeUtf8(read.bytes);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function handleControl<S>(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  ctx: ControlContext<S>,
): Promise<void> {
  const send: Send = (status, body) => sendJson(res, status, body, requestId);
  const invalid = (error: z.ZodError) => send(400, { error: z.prettifyError(error) });
  const route = `${req.method} ${path}`;

  switch (route) {
    case "POST /__emulator/reset": {
      const body = z
        .object({ seed: ctx.seedSchema.optional() })
        .transform(({ seed }) => seed ?? ctx.defaultSeed)
        .safeParse(await readJson(req));
      if (!body.success) return invalid(body.error);
      return send(200, ctx.reset(body.data));
    }
    case "GET /__emulator/requests":
      return send(200, { requests: ctx.log.list() });
    case "DELETE /__emulator/requests":
      ctx.log.clear();
      return send(200, { cleared: true });
    case "GET /__emulator/faults":
      return send(200, { faults: ctx.faults.list() });
    case "POST /__emulator/faults": {
      const body = faultRuleSchema.safeParse(await readJson(req));
      if (!body.success) return invalid(body.error);
      const { count, ...rule } = body.data;
      return send(200, { fault: ctx.faults.add({ ...rule, remaining: count }) });
    }
    case "DELETE /__emulator/faults":
      ctx.faults.clear();
      return send(200, { cleared: true });
    default:
      if (ctx.extra && (await ctx.extra(route, () => readJson(req), send))) return;
      return ctx.notFound(send);
  }
}
