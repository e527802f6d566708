// The last line against a secret reaching the audit log: whatever a caller hands over, a row whose
// text holds an ElevenLabs secret (`sk_` + hex; 48 now, 32 for older keys) is refused outright.

const SECRET = /sk_[0-9a-f]{32,}/i;

export class AuditSecretError extends Error {
  override name = "AuditSecretError";
  constructor() {
    // Never quote the offending value: the message itself may be logged.
    super("Refused to write an audit row that contains a secret (sk_…).");
  }
}

export function containsSecret(value: unknown): boolean {
  return SECRET.test(JSON.stringify(value) ?? "");
}

export function assertNoSecret(value: unknown): void {
  if (containsSecret(value)) throw new AuditSecretError();
}
