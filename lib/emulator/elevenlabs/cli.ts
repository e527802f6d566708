// `npm run emulator -- --port 4010 --admin-key <key> [--seed demo|empty|200x50] [--control]
//                      [--host 127.0.0.1] [--max-service-accounts 20]`
import { parseArgs } from "node:util";
import type { Seed } from "./seed";
import { startEmulator } from "./server";

const USAGE =
  "usage: npm run emulator -- --port 4010 --admin-key <key> [--seed demo|empty|<accounts>x<keys>] [--control] [--host 127.0.0.1] [--max-service-accounts 20]";

function parseSeed(text: string): Seed {
  if (text === "demo" || text === "empty") return text;
  const bulk = /^(\d+)x(\d+)$/.exec(text);
  if (bulk) return { serviceAccounts: Number(bulk[1]), keysPerAccount: Number(bulk[2]) };
  throw new Error(`--seed must be demo, empty or <accounts>x<keys> (like 200x50), not "${text}"`);
}

function parsePort(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${flag} must be a port number (0-65535), not "${text}"`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "admin-key": { type: "string", multiple: true },
      seed: { type: "string", default: "demo" },
      control: { type: "boolean", default: false },
      "max-service-accounts": { type: "string", default: "20" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const adminKeys = values["admin-key"] ?? [];
  if (adminKeys.length === 0)
    throw new Error("--admin-key is required (the workspace admin key clients must send)");
  const emulator = await startEmulator({
    adminKeys,
    seed: parseSeed(values.seed),
    control: values.control,
    host: values.host,
    port: parsePort(values.port, "--port"),
    maxServiceAccounts: parsePort(values["max-service-accounts"], "--max-service-accounts"),
  });
  console.log(
    `ElevenLabs emulator listening on ${emulator.url} (${emulator.store.serviceAccounts.size} service accounts, ${emulator.store.keyCount} keys${values.control ? ", control routes on" : ""})`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
});
