import { describe, expect, it } from "vitest";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import { doctorKeyKind, ELEVENLABS_KEY_KIND } from "./key-kind";

describe("doctorKeyKind", () => {
  it("asks for the caller's address only where the provider keeps an allowlist", () => {
    expect(doctorKeyKind(ELEVENLABS_CAPABILITIES)).toEqual(ELEVENLABS_KEY_KIND);
    expect(doctorKeyKind(DOCSPACE_CAPABILITIES)).toEqual({ permissionModel: "scopes", ipAllowlist: false });
    expect(doctorKeyKind(VOICEABLE_CAPABILITIES)).toEqual({
      permissionModel: VOICEABLE_CAPABILITIES.permissions.kind,
      ipAllowlist: false,
    });
  });
});
