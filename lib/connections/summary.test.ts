// The overview's card of one connection, on plain data.
import { describe, expect, it } from "vitest";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import type { ProviderKey } from "@/lib/providers/types";
import type { ConnectionRead } from "./read-all";
import { summarizeRead } from "./summary";
import type { ConnectionView } from "./types";

const view = (provider: ConnectionView["provider"]): ConnectionView => ({
  id: "conn_1",
  name: "Support",
  provider,
  baseUrl: "https://x.example.com",
  source: "database",
  credentialHint: "",
  createdAt: null,
});
const keyWith = (enabled: boolean | null) => ({ enabled }) as ProviderKey;

describe("summarizeRead", () => {
  it("counts keys and, where the provider can disable, disabled keys", () => {
    const docspace: ConnectionRead = {
      connection: view("docspace"),
      capabilities: DOCSPACE_CAPABILITIES,
      ok: true,
      keys: [keyWith(true), keyWith(false), keyWith(false)],
      readAt: "2026-12-06T10:00:00.000Z",
    };
    expect(summarizeRead(docspace)).toEqual({
      id: "conn_1",
      name: "Support",
      providerLabel: "ONLYOFFICE DocSpace",
      ok: true,
      keys: 3,
      disabled: 2,
      readAt: "2026-12-06T10:00:00.000Z",
    });
    const voiceable: ConnectionRead = {
      ...docspace,
      connection: view("voiceable"),
      capabilities: VOICEABLE_CAPABILITIES,
      keys: [keyWith(null)],
    };
    expect(summarizeRead(voiceable)).toMatchObject({ keys: 1, disabled: null, providerLabel: "Voiceable" });
  });

  it("carries a failed read's message and upstream request id", () => {
    const failed: ConnectionRead = {
      connection: view("voiceable"),
      capabilities: VOICEABLE_CAPABILITIES,
      ok: false,
      error: { code: "upstream_timeout", message: "Voiceable did not answer.", upstreamRequestId: null },
    };
    expect(summarizeRead(failed)).toEqual({
      id: "conn_1",
      name: "Support",
      providerLabel: "Voiceable",
      ok: false,
      error: { code: "upstream_timeout", message: "Voiceable did not answer.", upstreamRequestId: null },
    });
  });
});
