// ElevenLabs secrets (`sk_` + hex) as the request log masks them: `sk_…` and the last 4. The log
// itself is every emulator's (../common/request-log.ts); tests keep importing its types from here.
import { secretMasker } from "../common/request-log";

export type { LoggedRequest } from "../common/request-log";

export const maskSecrets = secretMasker(/(sk_)[0-9a-f]{32,}/g);
