// Test-only routes, refused unless the emulator was started with --control:
//   POST   /__emulator/reset     {"seed": "demo" | "empty" | {"serviceAccounts": n, "keysPerAccount": m}}
//   GET    /__emulator/requests  the request log (secrets masked); DELETE clears it
//   POST   /__emulator/faults    {"method", "path", "count", "fault": {...}}; GET lists; DELETE clears
//   POST   /__emulator/usage     {"keyId", "characterCount"} sets a key's usage this month
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { FaultQueue } from "./faults";
import { parseBody, readBody, sendJson } from "./http";
import type { RequestLog } from "./request-log";
import type { Seed } from "./seed";
import type { EmulatorStore } from "./store";

interface ControlContext {
  store: EmulatorStore;
  faults: FaultQueue;
  log: RequestLog;
  reset: (seed: Seed) => void;
}

const seedSchema = z.union([
  z.enum(["demo", "empty"]),
  z.object({
    serviceAccounts: z.number().int().min(0).max(1000),
    keysPerAccount: z.number().int().min(0).max(500),
  }),
]);

const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("latency"), ms: z.number().int().min(0).max(600_000) }),
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(400).max(599),
    body: z.unknown().optional(),
    retryAfter: z.number().int().min(0).optional(),
    after: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("hang"), after: z.boolean().optional() }),
  z.object({ kind: z.literal("drop"), after: z.boolean().optional() }),
  z.object({ kind: z.literal("malformed"), after: z.boolean().optional() }),
]);

const faultRuleSchema = z.object({
  method: z.string().min(1),
  path: z.string().startsWith("/"),
  count: z.number().int().min(1).default(1),
  fault: faultSchema,
});

const usageSchema = z.object({ keyId: z.string().min(1), characterCount: z.number().int().min(0) });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const read = await readBody(req);
  if (!read.ok) return undefined;
  const parsed = parseBody("application/json", read.bytes);
  return parsed.kind === "value" ? parsed.value : parsed.kind === "none" ? {} : undefined;
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  ctx: ControlContext,
): Promise<void> {
  const send = (status: number, body: unknown) => sendJson(res, status, body, requestId);
  const invalid = (error: z.ZodError) => send(400, { error: z.prettifyError(error) });
  const route = `${req.method} ${path}`;

  switch (route) {
    case "POST /__emulator/reset": {
      const body = z.object({ seed: seedSchema.default("demo") }).safeParse(await readJson(req));
      if (!body.success) return invalid(body.error);
      ctx.reset(body.data.seed);
      return send(200, { serviceAccounts: ctx.store.serviceAccounts.size, keys: ctx.store.keyCount });
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
    case "POST /__emulator/usage": {
      const body = usageSchema.safeParse(await readJson(req));
      if (!body.success) return invalid(body.error);
      const key = ctx.store.findKeyById(body.data.keyId);
      if (!key) return send(404, { error: `No key ${body.data.keyId}` });
      key.character_count = body.data.characterCount;
      return send(200, { keyId: key.key_id, characterCount: key.character_count });
    }
    default:
      return send(404, { detail: "Not Found" });
  }
}
