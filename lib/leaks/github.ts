// POST /api/leaks/github: GitHub's secret-scanning partner messages. The signature is checked with
// the key the message names (Github-Public-Key-Identifier), from GitHub's published keys.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import type { EndpointSpec } from "./endpoint";
import type { GithubKeys } from "./github-keys";
import { GithubKeysUnavailable } from "./github-keys";
import { verifyGithubSignature } from "./github-signature";
import { githubReportSchema } from "./schema";

export const KEY_ID_HEADER = "github-public-key-identifier";
export const SIGNATURE_HEADER = "github-public-key-signature";

const unsigned = (why: string) =>
  new ApiError("unauthenticated", `This message is not signed by GitHub: ${why}.`);

export function githubVerifier(keys: GithubKeys): EndpointSpec["verify"] {
  return async (req, body) => {
    const id = req.headers.get(KEY_ID_HEADER)?.trim();
    const signature = req.headers.get(SIGNATURE_HEADER)?.trim();
    if (!id || !signature)
      throw unsigned("the Github-Public-Key-Identifier and -Signature headers are required");
    if (id.length > 200) throw unsigned("unknown key identifier");
    let key;
    try {
      key = await keys.get(id);
    } catch (error) {
      if (error instanceof GithubKeysUnavailable)
        throw new ApiError(
          "upstream_unavailable",
          "GitHub's public keys could not be read; send the message again later.",
          {
            headers: { "retry-after": "60" },
            retryAfterSeconds: 60,
          },
        );
      throw error;
    }
    if (!key) throw unsigned("unknown key identifier");
    if (!verifyGithubSignature(key, body, signature)) throw unsigned("the signature does not match");
  };
}

export function githubEndpoint(keys: GithubKeys, rest: Pick<EndpointSpec, "db" | "deps">): EndpointSpec {
  return { scanner: "github", verify: githubVerifier(keys), schema: githubReportSchema, ...rest };
}
