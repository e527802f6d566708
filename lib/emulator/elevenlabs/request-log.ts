// What reached the emulator, for tests to assert on ("only the limit was sent", "one create").
// Secrets are masked before anything is kept; the xi-api-key header is never kept.

export interface LoggedRequest {
  at: string;
  requestId: string;
  method: string;
  path: string;
  body: unknown;
  status: number | null;
  fault: string | null;
}

const SECRET = /sk_[0-9a-f]{32,}/g;
const MAX_ENTRIES = 5_000;

export function maskSecrets(value: unknown): unknown {
  if (typeof value === "string") return value.replace(SECRET, (s) => `sk_…${s.slice(-4)}`);
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value !== null && typeof value === "object") {
    // Keys too: `{"sk_…": 1}` is a body a client can send.
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [maskSecrets(k) as string, maskSecrets(v)]),
    );
  }
  return value;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  /**
   * Keeps `entry` itself (not a copy): the server logs a request when it arrives and fills in
   * `status` and `fault` later, and those must show in the log. The body and path are masked in
   * place first (a secret can be pasted into a path segment as easily as into a body).
   */
  add(entry: LoggedRequest): LoggedRequest {
    entry.body = maskSecrets(entry.body);
    entry.path = maskSecrets(entry.path) as string;
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  /** Copies, so a caller cannot change the log. */
  list(): LoggedRequest[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
  }
}
