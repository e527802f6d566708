// Demo mode's connections: the four emulators start inside the process on loopback, each answers a
// key list over real HTTP (through the product's own provider adapters) with its own seed, one
// that cannot start is left out with one log line while the others work, and no credential ever
// reaches a ConnectionView.
import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { applySeed as applyElevenLabsSeed } from "@/lib/emulator/elevenlabs/seed";
import { EmulatorStore } from "@/lib/emulator/elevenlabs/store";
import { applySeed as applyDocspaceSeed } from "@/lib/emulator/docspace/seed";
import { DocspaceStore } from "@/lib/emulator/docspace/store";
import { applySeed as applyVoiceableSeed } from "@/lib/emulator/voiceable/seed";
import { VoiceableStore } from "@/lib/emulator/voiceable/store";

// Demo mode: no admin key, no connections file (read once by lib/env, before anything reads it).
Object.assign(process.env, { ELEVENLABS_API_KEY: "", KEYDESK_CONNECTIONS_FILE: "" });

const FOUR = ["demo-elevenlabs", "demo-elevenlabs-eu", "demo-docspace", "demo-voiceable"];

/** Each seed's key names, read from a store the seed filled: what the emulator must answer. */
function seededNames(): Record<string, string[]> {
  const eleven = (seed: "demo" | "demo-eu") => {
    const store = new EmulatorStore();
    applyElevenLabsSeed(store, seed);
    return [...store.serviceAccounts.values()].flatMap((sa) => [...sa.keys.values()].map((k) => k.name));
  };
  const docspace = new DocspaceStore();
  applyDocspaceSeed(docspace, "demo");
  const voiceable = new VoiceableStore();
  applyVoiceableSeed(voiceable, "demo");
  return {
    "demo-elevenlabs": eleven("demo"),
    "demo-elevenlabs-eu": eleven("demo-eu"),
    "demo-docspace": [...docspace.keys.values()].map((k) => k.name),
    "demo-voiceable": [...voiceable.keys.values()].map((k) => k.name),
  };
}

let busy: Server | undefined;
afterAll(() => busy?.close());

describe("demo mode's connections", () => {
  // First, while nothing has started yet: the default workspace's port is taken.
  it("leaves out one emulator that cannot start, with one log line, and starts the other three", async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy!.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    const { demoConnections } = await import("@/lib/connections/demo");
    const { readEnv } = await import("@/lib/env");
    const { logger } = await import("@/lib/log/logger");
    const warn = vi.spyOn(logger, "warn");
    try {
      const started = await demoConnections(readEnv({ KEYDESK_DEMO_EMULATOR_PORT: String(port) }));
      expect(started.map((c) => c.id)).toEqual(FOUR.slice(1));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(
        /^Keydesk demo mode: Demo workspace \(emulator\) did not start/,
      );
      expect(String(warn.mock.calls[0]![0])).not.toContain("demo_admin_");
    } finally {
      warn.mockRestore();
      await new Promise((resolve) => busy!.close(resolve));
      busy = undefined;
    }
  }, 60_000);

  it("are the four emulators, listed as source demo, each answering its own seed over HTTP", async () => {
    const { fixedConnections } = await import("@/lib/connections");
    const { getProvider } = await import("@/lib/providers");
    const connections = await fixedConnections();
    expect(connections.map((c) => [c.id, c.provider, c.source])).toEqual([
      ["demo-elevenlabs", "elevenlabs", "demo"],
      ["demo-elevenlabs-eu", "elevenlabs", "demo"],
      ["demo-docspace", "docspace", "demo"],
      ["demo-voiceable", "voiceable", "demo"],
    ]);
    expect(connections.find((c) => c.id === "demo-elevenlabs-eu")!.name).toMatch(/EU workspace/);
    const expected = seededNames();
    const ports = new Set<string>();
    for (const c of connections) {
      expect(c.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+(\/api\/v1)?$/);
      ports.add(new URL(c.baseUrl).port);
      const client = getProvider(c.provider).connect({
        baseUrl: c.baseUrl,
        credential: await c.credential(),
        timeoutMs: 10_000,
      });
      const names = (await client.list()).map((k) => k.name);
      expect(names.length, c.id).toBeGreaterThanOrEqual(3);
      expect(names.sort(), c.id).toEqual([...expected[c.id]!].sort());
    }
    expect(ports.size).toBe(4);
    // The two ElevenLabs workspaces are told apart by their data, not only by their names.
    expect(expected["demo-elevenlabs"]).not.toEqual(expected["demo-elevenlabs-eu"]);
  }, 60_000);

  it("start once per process, and the default one is the one getUpstream talks to", async () => {
    const { fixedConnections } = await import("@/lib/connections");
    const { getUpstream } = await import("@/lib/elevenlabs/upstream");
    const { ensureDemoEmulator } = await import("@/lib/elevenlabs/demo");
    const [first, again] = [await fixedConnections(), await fixedConnections()];
    expect(again.map((c) => c.baseUrl)).toEqual(first.map((c) => c.baseUrl));
    await getUpstream();
    expect(first[0]!.baseUrl).toBe((await ensureDemoEmulator(0)).url.replace(/\/$/, ""));
  });

  it("never put a credential in a ConnectionView", async () => {
    const { connectionView, fixedConnections } = await import("@/lib/connections");
    const connections = await fixedConnections();
    const views = JSON.stringify(connections.map(connectionView));
    for (const c of connections) {
      const credential = await c.credential();
      expect(credential).toMatch(/^demo_admin_/);
      expect(views).not.toContain(credential);
      expect(views).not.toContain(credential.slice(0, 24));
    }
    for (const view of JSON.parse(views) as Record<string, unknown>[])
      expect(Object.keys(view).sort()).toEqual(
        ["baseUrl", "createdAt", "credentialHint", "id", "name", "provider", "source"].sort(),
      );
  });
});
