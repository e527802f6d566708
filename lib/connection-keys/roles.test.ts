// Who may do what to a connection's keys: admins everything; support only the on/off switch (with a
// reason to switch off), and rotation only where the provider has no disable.
import { describe, expect, it } from "vitest";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { keyRefOf } from "./group";
import { checkChangeRole, checkRotateRole } from "./roles";

const refusal = (run: () => void) => {
  try {
    run();
  } catch (e) {
    const error = e as { code: string; extra: { fields?: { path: unknown[] }[] } };
    return { code: error.code, fields: error.extra.fields?.map((f) => f.path.join(".")) };
  }
  return null;
};

describe("changing a key", () => {
  it("lets an admin change anything", () => {
    expect(refusal(() => checkChangeRole("admin", { name: "x", enabled: false }))).toBeNull();
  });

  it("lets support switch a key on, and off with a reason, and nothing else", () => {
    expect(refusal(() => checkChangeRole("support", { enabled: true }))).toBeNull();
    expect(refusal(() => checkChangeRole("support", { enabled: false, reason: "leaked" }))).toBeNull();
    expect(refusal(() => checkChangeRole("support", { enabled: false }))).toEqual({
      code: "validation_failed",
      fields: ["reason"],
    });
    expect(
      refusal(() => checkChangeRole("support", { enabled: true, name: "x", allowedOrigins: [] })),
    ).toEqual({
      code: "forbidden",
      fields: ["name", "allowedOrigins"],
    });
  });

  it("refuses the read-only role", () => {
    expect(refusal(() => checkChangeRole("reviewer", { enabled: true }))?.code).toBe("forbidden");
  });
});

describe("rotating a key", () => {
  it("is an admin's, and support's only where the provider cannot disable", () => {
    expect(refusal(() => checkRotateRole("admin", DOCSPACE_CAPABILITIES))).toBeNull();
    expect(refusal(() => checkRotateRole("support", VOICEABLE_CAPABILITIES))).toBeNull();
    expect(refusal(() => checkRotateRole("support", DOCSPACE_CAPABILITIES))?.code).toBe("forbidden");
    expect(refusal(() => checkRotateRole("reviewer", VOICEABLE_CAPABILITIES))?.code).toBe("forbidden");
  });
});

describe("the key's group", () => {
  it("is required where the provider has groups and refused where it has none", () => {
    expect(keyRefOf(ELEVENLABS_CAPABILITIES, "k1", "sa_1")).toEqual({ id: "k1", group: { id: "sa_1" } });
    expect(refusal(() => keyRefOf(ELEVENLABS_CAPABILITIES, "k1", undefined))).toEqual({
      code: "validation_failed",
      fields: ["group"],
    });
    expect(keyRefOf(DOCSPACE_CAPABILITIES, "k1", undefined)).toEqual({ id: "k1", group: null });
    expect(refusal(() => keyRefOf(VOICEABLE_CAPABILITIES, "k1", "sa_1"))?.fields).toEqual(["group"]);
  });
});
