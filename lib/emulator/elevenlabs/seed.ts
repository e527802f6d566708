// Workspaces the emulator can start from. The demo workspace shows every case the console must
// draw; the bulk one is for scale. Both are deterministic (a seeded random source), so the same
// seed gives the same ids, hints and dates.
import { seededRandom } from "../common/random";
import { PERMISSION_TYPES, type PermissionType } from "./permissions";
import { DEMO_EU } from "./seed-eu";
import type { DemoAccount } from "./seed-types";
import { EmulatorStore, nowUnix, type RandomBytes } from "./store";

/** "demo-eu": a second, smaller workspace for demo mode's EU-region connection (seed-eu.ts). */
export type SeedName = "demo" | "demo-eu" | "empty";
export interface BulkSeed {
  serviceAccounts: number;
  keysPerAccount: number;
}
export type Seed = SeedName | BulkSeed;

const DAY = 86_400;

const DEMO: DemoAccount[] = [
  {
    name: "Production TTS backend",
    ageDays: 410,
    keys: [
      {
        name: "prod-tts-primary",
        ageDays: 120,
        permissions: ["text_to_speech", "models_read", "voices_read"],
        character_limit: 5_000_000,
        character_count: 4_350_000,
        allowed_ips: ["203.0.113.0/24", "198.51.100.7/32"],
      },
      {
        name: "prod-tts-fallback",
        ageDays: 118,
        permissions: ["text_to_speech", "models_read", "voices_read"],
        character_limit: 2_000_000,
        character_count: 2_000_000,
        allowed_ips: ["203.0.113.0/24"],
      },
      {
        name: "prod-tts-ipv6",
        ageDays: 45,
        permissions: ["text_to_speech"],
        character_limit: 1_000_000,
        character_count: 120_000,
        allowed_ips: ["2001:db8:abcd::/48", "2001:db8::1/128"],
      },
      {
        name: "prod-tts-legacy",
        ageDays: 400,
        permissions: null,
        is_disabled: true,
        disable_reason: "exposed_publicly",
        character_count: 9_812_004,
      },
    ],
  },
  {
    name: "Support chatbot",
    ageDays: 260,
    keys: [
      {
        name: "agent-runtime",
        ageDays: 200,
        permissions: ["convai_read", "convai_write", "text_to_speech", "speech_to_text"],
        character_limit: 10_000_000,
        character_count: 2_500_000,
        allowed_ips: ["10.20.0.0/16"],
      },
      {
        name: "agent-analytics-readonly",
        ageDays: 90,
        permissions: ["convai_read", "speech_history_read", "workspace_read"],
      },
      {
        name: "agent-staging",
        ageDays: 30,
        permissions: null,
        character_limit: 100_000,
        character_count: 96_500,
      },
    ],
  },
  {
    name: "Dubbing pipeline",
    ageDays: 330,
    keys: [
      {
        name: "dubbing-worker",
        ageDays: 300,
        permissions: ["dubbing_read", "dubbing_write", "voices_read", "speech_to_text"],
        character_limit: 20_000_000,
        character_count: 18_900_000,
        allowed_ips: ["192.0.2.0/25"],
      },
      {
        name: "dubbing-monitor",
        ageDays: 150,
        permissions: ["dubbing_read"],
        allowed_ips: ["192.0.2.200/32"],
      },
      {
        name: "dubbing-2024-batch",
        ageDays: 320,
        permissions: ["dubbing_read", "dubbing_write"],
        is_disabled: true,
        character_limit: 1_000_000,
        character_count: 1_000_000,
      },
    ],
  },
  {
    name: "Data and analytics",
    ageDays: 200,
    keys: [
      {
        name: "usage-exporter",
        ageDays: 180,
        permissions: ["workspace_read", "workspace_analytics_full_read", "audit_log_read", "user_read"],
        allowed_ips: ["192.0.2.10/32"],
      },
      {
        name: "bi-dashboard",
        ageDays: 60,
        permissions: ["speech_history_read", "models_read"],
        character_limit: 0,
      },
      { name: "placeholder-no-access", ageDays: 12, permissions: [] },
    ],
  },
  {
    name: "CI and automation",
    ageDays: 150,
    keys: [
      {
        name: "ci-admin-bootstrap",
        ageDays: 140,
        permissions: [
          "workspace_write",
          "service_account_write",
          "create_user_api_key",
          "workspace_members_invite",
          "workspace_members_remove",
          "group_members_manage",
        ],
      },
      {
        name: "ci-voice-sync",
        ageDays: 100,
        permissions: [
          "voices_read",
          "voices_write",
          "pronunciation_dictionaries_read",
          "pronunciation_dictionaries_write",
        ],
        allowed_ips: ["2001:db8:42::/64"],
        character_limit: 250_000,
        character_count: 12_480,
      },
      {
        name: "ci-smoke-tests",
        ageDays: 20,
        permissions: ["text_to_speech"],
        character_limit: 10_000,
        character_count: 0,
        allowed_ips: ["198.51.100.0/24"],
      },
      { name: "ci-everything", ageDays: 5, permissions: null },
    ],
  },
  {
    name: "Marketing studio",
    ageDays: 95,
    keys: [
      {
        name: "studio-projects",
        ageDays: 80,
        permissions: [
          "projects_read",
          "projects_write",
          "audio_native_read",
          "audio_native_write",
          "text_to_speech",
        ],
        character_limit: 3_000_000,
        character_count: 450_000,
      },
      {
        name: "music-and-sfx",
        ageDays: 40,
        permissions: ["music_generation", "sound_generation", "audio_isolation"],
        character_limit: 500_000,
        character_count: 410_000,
      },
      {
        name: "voice-lab-cloning",
        ageDays: 70,
        permissions: [
          "create_instant_voice_clone",
          "create_professional_voice_clone",
          "voice_generation",
          "voices_read",
          "voices_write",
        ],
        is_disabled: true,
        allowed_ips: ["203.0.113.50/32"],
      },
    ],
  },
  { name: "Mobile app (new)", ageDays: 2, keys: [] },
];

function seedDemo(store: EmulatorStore, accounts: DemoAccount[], now: number): void {
  for (const account of accounts) {
    const sa = store.createServiceAccount(account.name, now - account.ageDays * DAY);
    for (const { ageDays, ...key } of account.keys) {
      store.createKey(sa, {
        ...key,
        character_limit: key.character_limit ?? null,
        allowed_ips: key.allowed_ips ?? null,
        created_at_unix: now - ageDays * DAY,
      });
    }
  }
}

const TEAMS = ["payments", "search", "media", "voice", "growth", "support", "ml", "infra", "mobile", "web"];
const ROLES = ["tts", "dubbing", "agents", "batch", "export", "preview", "ingest", "monitor"];

function seedBulk(
  store: EmulatorStore,
  { serviceAccounts, keysPerAccount }: BulkSeed,
  now: number,
  random: RandomBytes,
): void {
  const pick = (n: number) => random(2).reduce((a, b) => a * 256 + b, 0) % n;
  for (let s = 0; s < serviceAccounts; s++) {
    const sa = store.createServiceAccount(
      `${TEAMS[s % TEAMS.length]}-service-${String(s + 1).padStart(3, "0")}`,
      now - (400 - (s % 365)) * DAY,
    );
    for (let k = 0; k < keysPerAccount; k++) {
      const shape = pick(10);
      const permissions: PermissionType[] | null =
        shape === 0
          ? null
          : Array.from(
              new Set(
                Array.from({ length: 1 + pick(6) }, () => PERMISSION_TYPES[pick(PERMISSION_TYPES.length)]!),
              ),
            );
      const limit = shape < 6 ? (1 + pick(50)) * 100_000 : null;
      store.createKey(sa, {
        name: `${ROLES[k % ROLES.length]}-${String(k + 1).padStart(2, "0")}`,
        permissions,
        character_limit: limit,
        character_count: limit === null ? pick(1_000_000) : Math.floor((limit * pick(120)) / 100),
        allowed_ips: shape % 3 === 0 ? [`10.${s % 256}.${k % 256}.0/24`] : null,
        is_disabled: shape === 9,
        created_at_unix: now - pick(365) * DAY,
      });
    }
  }
}

/** Empties the store and fills it from a seed. */
export function applySeed(store: EmulatorStore, seed: Seed, now = nowUnix()): void {
  store.clear();
  if (seed === "empty") return;
  const random = seededRandom(
    typeof seed === "string" ? seed : `bulk-${seed.serviceAccounts}x${seed.keysPerAccount}`,
  );
  store.withRandom(random, () => {
    if (seed === "demo") seedDemo(store, DEMO, now);
    else if (seed === "demo-eu") seedDemo(store, DEMO_EU, now);
    else seedBulk(store, seed, now, random);
  });
}
