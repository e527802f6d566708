// Accounts the Voiceable emulator can start from. The demo account shows every case Keydesk must
// draw (a private key without limits, one limited to assistants, one with transient assistants,
// a public key for any website, one for a local dev server); deterministic: ids 1-8 and dates
// relative to now on every start.
import { seededRandom } from "../common/random";
import type { NewKey, VoiceableStore } from "./store";

export type Seed = "demo" | "empty";

const HOUR = 3_600_000;

interface DemoKey extends Partial<Omit<NewKey, "name" | "keyType">> {
  name: string;
  keyType: NewKey["keyType"];
  /** Hours before now. */
  createdAgo: number;
  /** Hours before now; the creation time when left out. */
  updatedAgo?: number;
}

const DEMO: DemoKey[] = [
  { name: "Backend (all access)", keyType: "private", createdAgo: 240 * 24, updatedAgo: 240 * 24 },
  {
    name: "Support line assistants",
    keyType: "private",
    allowedAssistants: ["asst_support_en", "asst_support_es"],
    createdAgo: 120 * 24,
    updatedAgo: 30 * 24,
  },
  { name: "Campaign builder", keyType: "private", transientAssistant: true, createdAgo: 60 * 24 },
  { name: "Website widget (any site)", keyType: "public", createdAgo: 90 * 24 },
  {
    name: "Website widget (dev)",
    keyType: "public",
    allowedOrigins: ["http://localhost:3000", "https://staging.example.com"],
    allowedAssistants: ["asst_sales"],
    createdAgo: 14 * 24,
    updatedAgo: 2 * 24,
  },
  {
    name: "Docs site widget",
    keyType: "public",
    allowedOrigins: ["https://docs.example.com"],
    allowedAssistants: ["asst_docs"],
    createdAgo: 45 * 24,
  },
  {
    name: "Nightly call reports",
    keyType: "private",
    allowedAssistants: ["asst_support_en"],
    createdAgo: 20 * 24,
  },
  {
    name: "Hackathon prototype",
    keyType: "public",
    allowedOrigins: ["http://localhost:5173"],
    transientAssistant: true,
    createdAgo: 3 * 24,
  },
];

/** Empties the store (ids start again from 1) and fills it from a seed. */
export function applySeed(store: VoiceableStore, seed: Seed, now = Date.now()): void {
  store.clear();
  if (seed === "empty") return;
  store.withRandom(seededRandom("voiceable-demo"), () => {
    for (const demo of DEMO) {
      const { key } = store.create(
        {
          name: demo.name,
          keyType: demo.keyType,
          allowedOrigins: demo.allowedOrigins ?? [],
          allowedAssistants: demo.allowedAssistants ?? [],
          transientAssistant: demo.transientAssistant ?? false,
        },
        now - demo.createdAgo * HOUR,
      );
      store.forgetSecret(key);
      key.updatedAt = now - (demo.updatedAgo ?? demo.createdAgo) * HOUR;
    }
  });
}
