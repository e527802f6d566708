// The ElevenLabs emulator of one benchmark: its own process (as `npm run emulator` runs it) in its
// own process group, with the control routes (latency faults), ready when they answer. stop() ends
// that group only, never anyone else's processes.
import { spawn } from "node:child_process";

export interface BenchEmulator {
  url: string;
  stop(): void;
}

export async function startBenchEmulator(options: {
  /** elevenlabs unless given */
  provider?: "elevenlabs" | "docspace" | "voiceable";
  port: number;
  adminKey: string;
  /** demo, empty or <accounts>x<keys> */
  seed: string;
  maxServiceAccounts?: number;
}): Promise<BenchEmulator> {
  const child = spawn(
    "npx",
    [
      "tsx",
      "lib/emulator/cli.ts",
      ...(options.provider ? ["--provider", options.provider] : []),
      ...["--port", String(options.port), "--admin-key", options.adminKey, "--seed", options.seed],
      "--control",
      ...(options.maxServiceAccounts ? ["--max-service-accounts", String(options.maxServiceAccounts)] : []),
    ],
    { stdio: "ignore", detached: true },
  );
  const url = `http://127.0.0.1:${options.port}`;
  const ready = () =>
    fetch(`${url}/__emulator/faults`).then(
      (r) => r.ok,
      () => false,
    );
  for (let i = 0; i < 240 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 250));
  if (!(await ready())) {
    process.kill(-child.pid!, "SIGTERM");
    throw new Error(`the emulator did not start on ${url}`);
  }
  return { url, stop: () => process.kill(-child.pid!, "SIGTERM") };
}
