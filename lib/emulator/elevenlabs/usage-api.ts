// The ordinary endpoints keys are used for (operations.ts): voices, models, the caller's user and
// text to speech. The server has already authenticated the caller and checked the operation's
// permission; what is left is the endpoint's own work: unknown voices and models, and the key's
// monthly credit limit, which only text to speech spends.
import { DEFAULT_MODEL_ID, MODELS, SILENT_MP3, VOICES, modelToWire, voiceToWire } from "./catalogue";
import { errorBody, keyQuotaExceeded, modelNotFound, voiceNotFound, type EmulatorError } from "./errors";
import { endpoint, type Endpoint, type Outcome, type WorkspaceContext } from "./endpoint";
import { OPERATIONS } from "./operations";
import type { KeyRecord } from "./store";
import { parseTextToSpeech, type TextToSpeechBody } from "./usage-bodies";

const ok = (body: unknown): Outcome => ({ status: 200, body });
const fail = (error: EmulatorError, requestId: string): Outcome => ({
  status: error.status,
  body: errorBody(error, requestId),
  headers: error.headers,
});

/** The emulated workspace's plan, as /v1/user reports it (the workspace's, not a key's, numbers). */
const WORKSPACE_PLAN = { tier: "business", character_count: 1_234_567, character_limit: 11_000_000 };
const ADMIN_USER_ID = "emulatorWorkspaceAdmin000000";
const WORKSPACE_ID = "emulatorWorkspace0000000000000";

/** Credits a text costs: its characters (Unicode code points) times the model's rate, rounded up. */
export function creditsFor(text: string, costPerCharacter: number): number {
  return Math.ceil([...text].length * costPerCharacter);
}

export const listVoices: Endpoint = {
  body: "none",
  operation: OPERATIONS.list_voices,
  handle: () => ok({ voices: VOICES.map(voiceToWire) }),
};

export const getVoice: Endpoint = {
  body: "none",
  operation: OPERATIONS.get_voice,
  handle: (ctx, { voiceId }) => {
    const voice = VOICES.find((v) => v.voice_id === voiceId);
    return voice ? ok(voiceToWire(voice)) : fail(voiceNotFound(voiceId!), ctx.requestId);
  },
};

export const listModels: Endpoint = {
  body: "none",
  operation: OPERATIONS.list_models,
  // A JSON array, not an object: SDK 2.73 parses `models.list()` as `Model[]`.
  handle: () => ok(MODELS.map(modelToWire)),
};

export const getUser: Endpoint = {
  body: "none",
  operation: OPERATIONS.get_user,
  handle: (ctx) => ok(userToWire(ctx.caller)),
};

export const textToSpeech = endpoint<TextToSpeechBody>({
  body: "required",
  operation: OPERATIONS.text_to_speech,
  parse: parseTextToSpeech,
  handle: (ctx, { voiceId }, body) => {
    if (!VOICES.some((v) => v.voice_id === voiceId)) return fail(voiceNotFound(voiceId!), ctx.requestId);
    const modelId = body.modelId ?? DEFAULT_MODEL_ID;
    const model = MODELS.find((m) => m.model_id === modelId);
    if (!model) return fail(modelNotFound(modelId), ctx.requestId);
    const required = creditsFor(body.text, model.costPerCharacter);
    const key = ctx.caller.kind === "key" ? ctx.caller.key : null;
    if (key) {
      const refusal = spend(key, required);
      if (refusal) return fail(refusal, ctx.requestId);
    }
    return {
      status: 200,
      body: null,
      raw: { contentType: "audio/mpeg", bytes: SILENT_MP3 },
      // What the request cost, as ElevenLabs reports it (clients read `character-cost`), and the id
      // under the name its speech endpoints also use.
      headers: { "character-cost": String(required), "request-id": ctx.requestId },
    };
  },
});

/** Charges a key, or says why its monthly limit refuses the request (nothing is charged then). */
function spend(key: KeyRecord, required: number): EmulatorError | null {
  if (key.character_limit !== null) {
    const remaining = Math.max(0, key.character_limit - key.character_count);
    if (required > remaining) return keyQuotaExceeded(key.name, key.character_limit, remaining, required);
  }
  key.character_count += required;
  return null;
}

function userToWire(caller: WorkspaceContext["caller"]) {
  const key = caller.kind === "key" ? caller.key : null;
  return {
    user_id: key ? key.service_account_user_id : ADMIN_USER_ID,
    workspace_id: WORKSPACE_ID,
    subscription: {
      tier: WORKSPACE_PLAN.tier,
      character_count: WORKSPACE_PLAN.character_count,
      character_limit: WORKSPACE_PLAN.character_limit,
      max_character_limit_extension: null,
      max_credit_limit_extension: 0,
      can_extend_character_limit: false,
      allowed_to_extend_character_limit: false,
      next_character_count_reset_unix: null,
      voice_slots_used: 0,
      professional_voice_slots_used: 0,
      professional_voice_slots_used_in_workspace: 0,
      voice_limit: 660,
      max_voice_add_edits: null,
      voice_add_edit_counter: 0,
      professional_voice_limit: 10,
      can_extend_voice_limit: false,
      can_use_instant_voice_cloning: true,
      can_use_professional_voice_cloning: true,
      currency: "usd",
      current_overage: { amount: "0", currency: "usd" },
      status: "active",
      billing_period: "monthly_period",
      character_refresh_period: "monthly_period",
    },
    is_new_user: false,
    can_use_delayed_payment_methods: false,
    is_onboarding_completed: true,
    is_onboarding_checklist_completed: true,
    show_compliance_terms: false,
    first_name: key ? null : "Admin",
    is_api_key_hashed: true,
    xi_api_key_preview: null,
    referral_link_code: null,
    partnerstack_partner_default_link: null,
    created_at: key ? key.created_at_unix : 1_700_000_000,
    seat_type: key ? "workspace_member" : "workspace_admin",
  };
}
