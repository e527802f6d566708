// Raw `fetch` against a running emulator, for the contract tests: what went over the wire, with
// the body parsed when it is JSON.

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
}

export interface RawCallOptions {
  /** A JSON value to send, or a string sent as it is (with a JSON content type unless headers say). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function rawCall(
  baseUrl: string,
  method: string,
  path: string,
  options: RawCallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const res = await fetch(baseUrl + path, {
    method,
    headers: { ...headers, ...options.headers },
    body: payload,
    signal: options.signal,
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}
