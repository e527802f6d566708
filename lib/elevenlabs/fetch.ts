// The fetch the SDK is given. Two jobs:
// - never follow a redirect, never reach an address the settings refuse (guardedFetch): the admin
//   key must go to the configured API and nowhere else;
// - turn the SDK's own timeout into an AbortError. SDK 2.73 aborts with the string "timeout" as
//   the reason, Node's fetch then rejects with that string (not an Error), and the SDK files it as
//   an unknown failure instead of an ElevenLabsTimeoutError. Rejecting with an AbortError restores
//   the SDK's timeout path.
import "server-only";
import { guardedFetch } from "@/lib/http/upstream-address-fetch";

export const upstreamFetch: typeof fetch = async (input, init) => {
  try {
    return await guardedFetch(input, { ...init, redirect: "error" });
  } catch (error) {
    if (init?.signal?.aborted && !(error instanceof Error)) {
      throw new DOMException("The upstream did not answer in time.", "AbortError");
    }
    throw error;
  }
};
