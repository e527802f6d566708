// The last line against a secret reaching the audit log: whatever a caller hands over, a row whose
// text holds an ElevenLabs secret (`sk_` + hex; 48 now, 32 for older keys) is refused outright.
// The input schemas refuse the same shape first (lib/text/safe-text.ts), with the field named, so
// a person who pastes a secret into a name gets a 422 rather than this.
import { SECRET_PATTERN } from "@/lib/text/secret-pattern";

export class AuditSecretError extends Error {
  override name = "AuditSecretError";
  constructor() {
    // Never quote the offending value: the message itself may be logged.
    super("Refused to write an audit row that contains a secret (sk_…).");
  }
}

export function containsSecret(value: unknown): boolean {
  return SECRET_PATTERN.test(JSON.stringify(value) ?? "");
}

export function assertNoSecret(value: unknown): void {
  if (containsSecret(value)) throw new AuditSecretError();
}
