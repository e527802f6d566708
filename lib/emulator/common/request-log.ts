// What reached an emulator, for tests to assert on ("only the limit was sent", "one create").
// Secrets are masked before anything is kept; the credential headers are never kept. Each provider
// says what its secrets look like (secretMasker); the log itself is the same for all.

export interface LoggedRequest {
  at: string;
  requestId: string;
  method: string;
  path: string;
  body: unknown;
  status: number | null;
  fault: string | null;
}

export type Masker = (value: unknown) => unknown;

const MAX_ENTRIES = 5_000;

/**
 * A masker for secrets matching `pattern` (global, its first group the prefix to keep): each
 * becomes the prefix, `…` and its last 4 characters, in strings, arrays and objects, keys included
 * (`{"sk_…": 1}` is a body a client can send).
 */
export function secretMasker(pattern: RegExp): Masker {
  const mask: Masker = (value) => {
    if (typeof value === "string")
      return value.replace(pattern, (secret: string, prefix: string) => `${prefix}…${secret.slice(-4)}`);
    if (Array.isArray(value)) return value.map(mask);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [mask(k) as string, mask(v)]));
    }
    return value;
  };
  return mask;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly mask: Masker) {}

  /**
   * Keeps `entry` itself (not a copy): the server logs a request when it arrives and fills in
   * `status` and `fault` later, and those must show in the log. The body and path are masked in
   * place first (a secret can be pasted into a path segment as easily as into a body).
   */
  add(entry: LoggedRequest): LoggedRequest {
    entry.body = this.mask(entry.body);
    entry.path = this.mask(entry.path) as string;
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
