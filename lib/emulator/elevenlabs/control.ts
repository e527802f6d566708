// The ElevenLabs emulator's control routes: the common ones (../common/control.ts), its seeds, and
//   POST   /__emulator/usage     {"keyId", "characterCount"} sets a key's usage this month
//   POST   /__emulator/disable   {"keyId", "reason"} disables a key as ElevenLabs itself does, with a
//                                `disable_reason` the public API cannot set (a leak found, a plan
//                                downgraded, a trial ended, the key's own self-disable)
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { handleControl, type Send } from "../common/control";
import type { FaultQueue } from "../common/faults";
import type { RequestLog } from "../common/request-log";
import type { Seed } from "./seed";
import type { EmulatorStore, KeyRecord } from "./store";

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
const disableSchema = z.object({
  keyId: z.string().min(1),
  reason: z.enum(["trial_ended", "subscription_downgrade", "exposed_publicly", "self_disabled"]),
});

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
      if (route === "POST /__emulator/usage") {
        await changeKey(ctx.store, usageSchema, await body(), send, (key, { characterCount }) => {
          key.character_count = characterCount;
          return { keyId: key.key_id, characterCount: key.character_count };
        });
        return true;
      }
      if (route === "POST /__emulator/disable") {
        await changeKey(ctx.store, disableSchema, await body(), send, (key, { reason }) => {
          key.is_disabled = true;
          key.disable_reason = reason;
          return { keyId: key.key_id, isDisabled: true, disableReason: reason };
        });
        return true;
      }
      return false;
    },
  });
}

/** Validates a control body naming a key, finds the key and changes it: 400, 404 or 200. */
async function changeKey<T extends { keyId: string }>(
  store: EmulatorStore,
  schema: z.ZodType<T>,
  raw: unknown,
  send: Send,
  change: (key: KeyRecord, input: T) => unknown,
): Promise<void> {
  const input = schema.safeParse(raw);
  if (!input.success) return send(400, { error: z.prettifyError(input.error) });
  const key = store.findKeyById(input.data.keyId);
  if (!key) return send(404, { error: `No key ${input.data.keyId}` });
  send(200, change(key, input.data));
}
