// The ElevenLabs emulator's control routes: the common ones (../common/control.ts), its seeds, and
//   POST   /__emulator/usage     {"keyId", "characterCount"} sets a key's usage this month
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { handleControl, type Send } from "../common/control";
import type { FaultQueue } from "../common/faults";
import type { RequestLog } from "../common/request-log";
import type { Seed } from "./seed";
import type { EmulatorStore } from "./store";

interface ElevenLabsControl {
  store: EmulatorStore;
  faults: FaultQueue;
  log: RequestLog;
  reset: (seed: Seed) => void;
}

const seedSchema: z.ZodType<Seed> = z.union([
  z.enum(["demo", "demo-eu", "empty"]),
  z.object({
    serviceAccounts: z.number().int().min(0).max(1000),
    keysPerAccount: z.number().int().min(0).max(500),
  }),
]);

const usageSchema = z.object({ keyId: z.string().min(1), characterCount: z.number().int().min(0) });

export function handleElevenLabsControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  ctx: ElevenLabsControl,
): Promise<void> {
  return handleControl(req, res, path, requestId, {
    faults: ctx.faults,
    log: ctx.log,
    seedSchema,
    defaultSeed: "demo",
    reset: (seed) => {
      ctx.reset(seed);
      return { serviceAccounts: ctx.store.serviceAccounts.size, keys: ctx.store.keyCount };
    },
    notFound: (send) => send(404, { detail: "Not Found" }),
    extra: async (route: string, body: () => Promise<unknown>, send: Send) => {
      if (route !== "POST /__emulator/usage") return false;
      const usage = usageSchema.safeParse(await body());
      if (!usage.success) {
        send(400, { error: z.prettifyError(usage.error) });
        return true;
      }
      const key = ctx.store.findKeyById(usage.data.keyId);
      if (!key) send(404, { error: `No key ${usage.data.keyId}` });
      else {
        key.character_count = usage.data.characterCount;
        send(200, { keyId: key.key_id, characterCount: key.character_count });
      }
      return true;
    },
  });
}
