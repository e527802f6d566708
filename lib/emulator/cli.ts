// `npm run emulator -- [--provider elevenlabs|docspace|voiceable] --port 4010 --admin-key <key>
//                      [--seed demo|empty] [--control] [--host 127.0.0.1]`
// (ElevenLabs also takes `--seed <accounts>x<keys>`, `--max-service-accounts 20` and
// `--trust-forwarded-for`.)
import { parseCliArgs, USAGE, type CliPlan } from "./cli-args";
import { startDocspaceEmulator } from "./docspace/server";
import { startEmulator as startElevenLabs } from "./elevenlabs/server";
import { startVoiceableEmulator } from "./voiceable/server";

interface Started {
  close(): Promise<void>;
  /** The line that says it is up; scripts wait for "listening". */
  banner: string;
}

async function start(plan: Extract<CliPlan, { kind: "start" }>): Promise<Started> {
  const { adminKeys, control, host, port } = plan;
  const controlNote = control ? ", control routes on" : "";
  switch (plan.provider) {
    case "elevenlabs": {
      const emulator = await startElevenLabs({
        adminKeys,
        seed: plan.seed,
        control,
        host,
        port,
        maxServiceAccounts: plan.maxServiceAccounts,
        // Off unless asked, or --control (which has always let tests speak for another address).
        trustForwardedFor: plan.trustForwardedFor || control,
      });
      return {
        close: emulator.close,
        banner: `ElevenLabs emulator listening on ${emulator.url} (${emulator.store.serviceAccounts.size} service accounts, ${emulator.store.keyCount} keys${controlNote})`,
      };
    }
    case "docspace": {
      const seed = plan.seed === "empty" ? "empty" : "demo";
      const emulator = await startDocspaceEmulator({ adminKeys, seed, control, host, port });
      return {
        close: emulator.close,
        banner: `DocSpace emulator listening on ${emulator.url} (API keys at /api/2.0/keys, ${emulator.store.keys.size} keys${controlNote})`,
      };
    }
    case "voiceable": {
      const seed = plan.seed === "empty" ? "empty" : "demo";
      const emulator = await startVoiceableEmulator({ adminKeys, seed, control, host, port });
      return {
        close: emulator.close,
        banner: `Voiceable emulator listening on ${emulator.url} (base URL ${emulator.url}/api/v1, ${emulator.store.keys.size} keys${controlNote})`,
      };
    }
  }
}

async function main() {
  const plan = parseCliArgs(process.argv.slice(2));
  if (plan.kind === "help") {
    console.log(USAGE);
    return;
  }
  const emulator = await start(plan);
  console.log(emulator.banner);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
});
