// Refusals Keydesk makes itself, before any upstream call: an operation the provider cannot do
// (Voiceable has no disable) or input that does not fit the provider's capabilities. Upstream
// failures stay UpstreamError (lib/elevenlabs/errors.ts), shared by every adapter.
import "server-only";
import { errorBrand, hasBrand } from "@/lib/branded-error";
import { fromUpstream, UpstreamError } from "@/lib/elevenlabs/errors";
import { ApiError } from "@/lib/http/api-error";

const REFUSAL = errorBrand("ProviderRefusal");

export type RefusalKind =
  /** The provider cannot do this at all (the capability is missing). */
  | "not_supported"
  /** The value does not fit what the provider accepts (a name too long, a permission of another model). */
  | "invalid";

export class ProviderRefusal extends Error {
  override name = "ProviderRefusal";
  readonly [REFUSAL] = true;

  static is(value: unknown): value is ProviderRefusal {
    return hasBrand(value, REFUSAL);
  }

  constructor(
    readonly kind: RefusalKind,
    /** The input field it is about, as Keydesk names it (["assistants", "allowed"]). */
    readonly field: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/** A refusal is the person's input meeting the provider's limits: a 422 naming the field. */
export function fromRefusal(refusal: ProviderRefusal): ApiError {
  return new ApiError("validation_failed", refusal.message, {
    fields: [{ path: refusal.field, message: refusal.message }],
  });
}

/**
 * What a provider operation's failure becomes for a route handler: a refusal a 422, an upstream
 * failure its usual code with the upstream's request id. Anything else is a bug of ours and is
 * thrown on unchanged (a bare 500).
 */
export function fromProviderError(error: unknown): ApiError {
  if (ProviderRefusal.is(error)) return fromRefusal(error);
  if (UpstreamError.is(error)) return fromUpstream(error);
  throw error;
}
