// The body of POST /v1/text-to-speech/{voice_id}, validated like FastAPI would: `text` a required
// string, `model_id` an optional string (null means the default). Other fields (voice_settings,
// seed, …) are not read: the emulator makes no real speech.
import type { ValidationIssue } from "./errors";
import { Validator } from "./validate";

export interface TextToSpeechBody {
  text: string;
  modelId: string | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function parseTextToSpeech(raw: unknown): Parsed<TextToSpeechBody> {
  const v = new Validator();
  const body = v.object(raw);
  if (!body) return { ok: false, issues: v.issues };
  const out: TextToSpeechBody = { text: "", modelId: null };
  const text = v.required(body, "text");
  if (text.ok) {
    const s = v.string(text.value, ["body", "text"]);
    if (s.ok) out.text = s.value;
  }
  if ("model_id" in body && body.model_id !== null) {
    const s = v.string(body.model_id, ["body", "model_id"]);
    if (s.ok) out.modelId = s.value;
  }
  return v.issues.length ? { ok: false, issues: v.issues } : { ok: true, value: out };
}
