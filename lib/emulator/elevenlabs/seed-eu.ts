// Demo mode's second ElevenLabs workspace, shown as an EU-region connection: a smaller team that
// keeps its voice data in the EU, with its own names, so a reader can tell the two workspaces apart
// at a glance. It still covers the cases a reviewer looks for: an unrestricted key, a disabled one,
// one near its character limit and IP-restricted ones.
import type { DemoAccount } from "./seed-types";

export const DEMO_EU: DemoAccount[] = [
  {
    name: "Berlin contact centre",
    ageDays: 300,
    keys: [
      {
        name: "ivr-voice-de",
        ageDays: 280,
        permissions: ["text_to_speech", "voices_read", "models_read"],
        character_limit: 8_000_000,
        character_count: 7_640_000,
        allowed_ips: ["198.51.100.64/26"],
      },
      {
        name: "call-transcripts",
        ageDays: 150,
        permissions: ["speech_to_text", "speech_history_read"],
        allowed_ips: ["198.51.100.64/26", "2001:db8:eu::/48"],
      },
      {
        name: "ivr-voice-de-old",
        ageDays: 290,
        permissions: ["text_to_speech"],
        is_disabled: true,
        character_count: 3_200_000,
      },
    ],
  },
  {
    name: "Paris localisation studio",
    ageDays: 180,
    keys: [
      {
        name: "dubbing-fr-it-es",
        ageDays: 170,
        permissions: ["dubbing_read", "dubbing_write", "voices_read"],
        character_limit: 12_000_000,
        character_count: 4_100_000,
      },
      {
        name: "studio-admin",
        ageDays: 60,
        permissions: null,
      },
    ],
  },
  {
    name: "GDPR export job",
    ageDays: 75,
    keys: [
      {
        name: "subject-access-export",
        ageDays: 70,
        permissions: ["speech_history_read", "workspace_read", "user_read"],
        allowed_ips: ["203.0.113.128/28"],
      },
    ],
  },
];
