// The flags of `npm run emulator`, read into a plan before anything starts, so every mistake is
// named with its flag. ElevenLabs is the default provider: the command from before there were
// three emulators still starts the same one.
import { parseArgs } from "node:util";
import type { Seed as ElevenLabsSeed } from "./elevenlabs/seed";

export const PROVIDERS = ["elevenlabs", "docspace", "voiceable"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const USAGE =
  "usage: npm run emulator -- [--provider elevenlabs|docspace|voiceable] --port 4010 --admin-key <key> [--seed demo|empty] [--control] [--host 127.0.0.1]\n" +
  "       elevenlabs only: [--seed <accounts>x<keys>] [--max-service-accounts 20] [--trust-forwarded-for]";

export type CliPlan =
  | { kind: "help" }
  | {
      kind: "start";
      provider: Provider;
      adminKeys: string[];
      /** ElevenLabs' seeds; the other providers take "demo" or "empty" only. */
      seed: ElevenLabsSeed;
      control: boolean;
      host: string;
      port: number;
      maxServiceAccounts: number;
      /** ElevenLabs only (tests): the caller's address is X-Forwarded-For's first entry. */
      trustForwardedFor: boolean;
    };

function parseSeed(text: string, provider: Provider): ElevenLabsSeed {
  if (text === "demo" || text === "empty") return text;
  if (provider !== "elevenlabs") throw new Error(`--seed must be demo or empty, not "${text}"`);
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

function parseProvider(text: string): Provider {
  const provider = PROVIDERS.find((p) => p === text);
  if (!provider)
    throw new Error(
      `--provider must be ${PROVIDERS.join(", ").replace(/, (?=\w+$)/, " or ")}, not "${text}"`,
    );
  return provider;
}

export function parseCliArgs(argv: string[]): CliPlan {
  const { values } = parseArgs({
    args: argv,
    options: {
      provider: { type: "string", default: "elevenlabs" },
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "admin-key": { type: "string", multiple: true },
      seed: { type: "string", default: "demo" },
      control: { type: "boolean", default: false },
      "max-service-accounts": { type: "string" },
      "trust-forwarded-for": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return { kind: "help" };
  const provider = parseProvider(values.provider);
  const adminKeys = values["admin-key"] ?? [];
  if (adminKeys.length === 0)
    throw new Error("--admin-key is required (the admin credential clients must send)");
  const maxServiceAccounts = values["max-service-accounts"];
  if (maxServiceAccounts !== undefined && provider !== "elevenlabs")
    throw new Error("--max-service-accounts is for --provider elevenlabs only");
  if (values["trust-forwarded-for"] && provider !== "elevenlabs")
    throw new Error("--trust-forwarded-for is for --provider elevenlabs only");
  return {
    kind: "start",
    provider,
    adminKeys,
    seed: parseSeed(values.seed, provider),
    control: values.control,
    host: values.host,
    port: parsePort(values.port, "--port"),
    maxServiceAccounts: parsePort(maxServiceAccounts ?? "20", "--max-service-accounts"),
    trustForwardedFor: values["trust-forwarded-for"],
  };
}
