import { describe, expect, it } from "vitest";
import { ApiRequestError, errorDetails } from "./client";
import { rateLimitedMessage, waitInWords } from "./rate-limit";

describe("rateLimitedMessage", () => {
  it("says who is limiting and when to try again, once", () => {
    expect(rateLimitedMessage("ElevenLabs", 30)).toBe(
      "ElevenLabs is limiting Keydesk's requests. Try again in 30 seconds.",
    );
    expect(rateLimitedMessage("ElevenLabs")).toBe(
      "ElevenLabs is limiting Keydesk's requests. Try again in a minute.",
    );
  });

  it("reads a wait as a person would, rounded up", () => {
    expect(waitInWords(0)).toBe("1 second");
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(0.2)).toBe("1 second");
    expect(waitInWords(89.5)).toBe("2 minutes");
    expect(waitInWords(45)).toBe("45 seconds");
    expect(waitInWords(120)).toBe("2 minutes");
    expect(waitInWords(3600)).toBe("60 minutes");
  });
});

describe("errorDetails on a rate limit", () => {
  it("does not repeat the wait the message already says", () => {
    const error = new ApiRequestError(429, "rate_limited", rateLimitedMessage("ElevenLabs", 30), [], {
      retryAfterSeconds: 30,
      requestId: "req_1",
    });
    const text = errorDetails(error);
    expect(text).toBe(
      "ElevenLabs is limiting Keydesk's requests. Try again in 30 seconds. Keydesk request id: req_1.",
    );
    expect(text.match(/try again/gi)).toHaveLength(1);
  });

  it("still says when to retry if the message does not", () => {
    const error = new ApiRequestError(429, "rate_limited", "Too many requests.", [], {
      retryAfterSeconds: 5,
    });
    expect(errorDetails(error)).toBe("Too many requests. Try again in 5 seconds.");
  });
});
