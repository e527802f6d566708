// The one sentence for "the provider is rate-limiting Keydesk": who, and when to try again, said
// once. The wait goes into the message itself (from the upstream's Retry-After), so the browser's
// error details must not add a second "Try again …" (see errorDetails in client.ts).

/** "30 seconds", "1 second", "3 minutes": a wait as a person reads it, rounded up. */
export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return `${m} minutes`;
}

/** `label`: the provider as people know it ("ElevenLabs"); the wait when the upstream said one. */
export function rateLimitedMessage(label: string, retryAfterSeconds?: number): string {
  const when = retryAfterSeconds !== undefined ? `in ${waitInWords(retryAfterSeconds)}` : "in a minute";
  return `${label} is limiting Keydesk's requests. Try again ${when}.`;
}

/** The message already says when to try again (a rate limit, a sign-in pause): nothing to add. */
export const saysWhenToRetry = (message: string) => /\btry again\b/i.test(message);
