// What a workspace can use its keys on: a few of ElevenLabs' premade voices and its text-to-speech
// models, in the shapes GET /v1/voices and GET /v1/models send. Fixed data: the same in every seed,
// since the console manages keys, not voices. The voice fields follow a real /v1/voices answer for a
// premade voice (every field present, nulls where ElevenLabs sends null); SDK 2.73's `Voice` and
// `Model` parse them (catalogue.test.ts).

export interface CatalogueVoice {
  voice_id: string;
  name: string;
  labels: Record<string, string>;
  description: string;
}

export const VOICES: CatalogueVoice[] = [
  {
    voice_id: "21m00Tcm4TlvDq8ikWAM",
    name: "Rachel",
    labels: {
      accent: "american",
      description: "calm",
      age: "young",
      gender: "female",
      use_case: "narration",
    },
    description: "Matter-of-fact, personable woman. Great for narration.",
  },
  {
    voice_id: "EXAVITQu4vr4xnSDxMaL",
    name: "Sarah",
    labels: { accent: "american", description: "soft", age: "young", gender: "female", use_case: "news" },
    description: "Young adult woman with a confident and warm, mature quality.",
  },
  {
    voice_id: "JBFqnCBsd6RMkjVDRZzb",
    name: "George",
    labels: {
      accent: "british",
      description: "warm",
      age: "middle aged",
      gender: "male",
      use_case: "narration",
    },
    description: "Warm resonance that instantly captivates listeners.",
  },
  {
    voice_id: "pNInz6obpgDQGcFmaJgB",
    name: "Adam",
    labels: {
      accent: "american",
      description: "deep",
      age: "middle aged",
      gender: "male",
      use_case: "narration",
    },
    description: "A middle-aged American man with a deep voice.",
  },
];

const PREMADE_MODELS = ["eleven_multilingual_v2", "eleven_turbo_v2_5", "eleven_flash_v2_5"];

export function voiceToWire(voice: CatalogueVoice) {
  return {
    voice_id: voice.voice_id,
    name: voice.name,
    samples: null,
    category: "premade",
    fine_tuning: {
      is_allowed_to_fine_tune: false,
      state: Object.fromEntries(PREMADE_MODELS.map((m) => [m, "fine_tuned"])),
      verification_failures: [],
      verification_attempts_count: 0,
      manual_verification_requested: false,
      language: "en",
      progress: {},
      message: {},
      dataset_duration_seconds: null,
      verification_attempts: null,
      slice_ids: null,
      manual_verification: null,
      max_verification_attempts: 5,
      next_max_verification_attempts_reset_unix_ms: null,
    },
    labels: voice.labels,
    description: voice.description,
    preview_url: `https://storage.googleapis.com/eleven-public-prod/premade/voices/${voice.voice_id}/preview.mp3`,
    available_for_tiers: [],
    settings: null,
    sharing: null,
    high_quality_base_model_ids: PREMADE_MODELS,
    verified_languages: [],
    safety_control: null,
    voice_verification: {
      requires_verification: false,
      is_verified: false,
      verification_failures: [],
      verification_attempts_count: 0,
      language: null,
      verification_attempts: null,
    },
    permission_on_resource: null,
    is_owner: false,
    is_legacy: false,
    is_mixed: false,
    created_at_unix: null,
  };
}

export interface CatalogueModel {
  model_id: string;
  name: string;
  description: string;
  /** Credits a character costs (`model_rates.character_cost_multiplier`). */
  costPerCharacter: number;
  maxTextLength: number;
}

export const MODELS: CatalogueModel[] = [
  {
    model_id: "eleven_multilingual_v2",
    name: "Eleven Multilingual v2",
    description: "Our most life-like, emotionally rich mode in 29 languages.",
    costPerCharacter: 1,
    maxTextLength: 10_000,
  },
  {
    model_id: "eleven_turbo_v2_5",
    name: "Eleven Turbo v2.5",
    description: "High quality, low latency model in 32 languages.",
    costPerCharacter: 0.5,
    maxTextLength: 40_000,
  },
  {
    model_id: "eleven_flash_v2_5",
    name: "Eleven Flash v2.5",
    description: "Our ultra low latency model in 32 languages.",
    costPerCharacter: 0.5,
    maxTextLength: 40_000,
  },
];

/** The model text-to-speech uses when a request names none (ElevenLabs' documented default). */
export const DEFAULT_MODEL_ID = "eleven_multilingual_v2";

export function modelToWire(model: CatalogueModel) {
  return {
    model_id: model.model_id,
    name: model.name,
    can_be_finetuned: true,
    can_do_text_to_speech: true,
    can_do_voice_conversion: false,
    can_use_style: true,
    can_use_speaker_boost: true,
    serves_pro_voices: false,
    token_cost_factor: 1,
    description: model.description,
    requires_alpha_access: false,
    max_characters_request_free_user: 2_500,
    max_characters_request_subscribed_user: model.maxTextLength,
    maximum_text_length_per_request: model.maxTextLength,
    languages: [{ language_id: "en", name: "English" }],
    model_rates: { character_cost_multiplier: model.costPerCharacter },
    concurrency_group: "standard",
  };
}

/**
 * A short, silent MP3 (an ID3v2 header and one MPEG-1 Layer III frame, 128 kbit/s, 44.1 kHz): what
 * text-to-speech answers with `audio/mpeg`. Players and `file` recognise it; its length is fixed.
 */
export const SILENT_MP3: Buffer = (() => {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame]);
})();
