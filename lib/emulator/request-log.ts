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
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    const kept = { ...entry, body: maskSecrets(entry.body) };
    this.entries.push(kept);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return kept;
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
