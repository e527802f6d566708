// The body a scanner sends: a JSON array of the tokens it found, as GitHub's secret-scanning partner
// messages are ([{ token, type, url, source }]). The generic endpoint takes the same shape, with only
// `token` required. Unknown fields are ignored (GitHub may add some). Messages are refused whole
// when any entry is wrong: nothing is half-done.
import "server-only";
import { z } from "zod";
import type { ReportedToken } from "./types";

/** GitHub batches matches; a message with more than this is not one a scanner sends. */
export const MAX_TOKENS = 100;

const text = (max: number) => z.string().trim().min(1).max(max);

const url = text(2000).refine((u) => /^https?:\/\//i.test(u), "Give an http(s) URL");

const entry = (required: boolean) =>
  z.object({
    token: z.string().min(1, "Missing token").max(1000, "That token is too long"),
    type: required ? text(200) : text(200).optional(),
    url: required ? url : url.optional(),
    source: text(200).optional(),
  });

const reportSchema = (required: boolean) =>
  z
    .array(entry(required))
    .min(1, "Send at least one token")
    .max(MAX_TOKENS, `Send at most ${MAX_TOKENS} tokens in one message`)
    .transform((entries): ReportedToken[] =>
      entries.map((e) => ({
        token: e.token,
        type: e.type ?? null,
        url: e.url ?? null,
        source: e.source ?? null,
      })),
    );

export const githubReportSchema = reportSchema(true);
export const genericReportSchema = reportSchema(false);
