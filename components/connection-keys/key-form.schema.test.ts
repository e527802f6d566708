import { describe, expect, it } from "vitest";
import { DOCSPACE_CAPABILITIES as DOCSPACE } from "@/lib/providers/docspace/capabilities";
import { ELEVENLABS_CAPABILITIES as ELEVENLABS } from "@/lib/providers/elevenlabs/capabilities";
import { VOICEABLE_CAPABILITIES as VOICEABLE } from "@/lib/providers/voiceable/capabilities";
import { NO_PERMISSION_MESSAGE } from "@/components/keys/key-form.schema";
import {
  editKeyDefaults,
  formFieldOf,
  grantsNothing,
  keyFormSchema,
  newKeyDefaults,
  toChanges,
  toNewKey,
  type KeyFormValues,
} from "./key-form.schema";
import type { ConnectionKeyView } from "@/lib/connection-keys/types";

const problems = (result: ReturnType<ReturnType<typeof keyFormSchema>["safeParse"]>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));

describe("the create form of each provider", () => {
  it("sends DocSpace the scopes ticked and the expiry, nothing it does not have", () => {
    const v: KeyFormValues = {
      ...newKeyDefaults(DOCSPACE),
      name: "Reports",
      chosen: ["files:read", "rooms:read"],
      expiresInDays: "30",
      allowedOrigins: "https://ignored.example",
    };
    expect(problems(keyFormSchema(DOCSPACE, "create").safeParse(v))).toEqual({});
    expect(toNewKey(DOCSPACE, v)).toEqual({
      name: "Reports",
      permissions: { kind: "scopes", value: ["files:read", "rooms:read"] },
      expiresInDays: 30,
    });
    expect(toNewKey(DOCSPACE, { ...v, access: "all" }).permissions).toEqual({
      kind: "scopes",
      value: "all",
    });
  });

  it("refuses no scope at all (DocSpace would read it as unrestricted) and an expiry out of range", () => {
    const v = { ...newKeyDefaults(DOCSPACE), name: "x", expiresInDays: "400" };
    expect(problems(keyFormSchema(DOCSPACE, "create").safeParse(v))).toEqual({
      chosen: "Choose at least one scope, or Unrestricted (*)",
      expiresInDays: "Use a whole number of days from 1 to 365 (leave it empty for no expiry)",
    });
    const long = { ...v, name: "n".repeat(31), chosen: ["*:read"], expiresInDays: "" };
    expect(problems(keyFormSchema(DOCSPACE, "create").safeParse(long))).toEqual({
      name: "Use at most 30 characters",
    });
  });

  it("sends Voiceable the key type, origins and assistants, and refuses an origin with a path", () => {
    const v: KeyFormValues = {
      ...newKeyDefaults(VOICEABLE),
      name: "Widget",
      keyType: "public",
      allowedOrigins: "https://app.example.com\n\n  https://www.example.com ",
      assistants: "asst_1\nasst_2",
      transient: true,
    };
    expect(problems(keyFormSchema(VOICEABLE, "create").safeParse(v))).toEqual({});
    expect(toNewKey(VOICEABLE, v)).toEqual({
      name: "Widget",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://app.example.com", "https://www.example.com"],
      assistants: { allowed: ["asst_1", "asst_2"], transient: true },
    });
    const bad = { ...v, allowedOrigins: "https://app.example.com/widget" };
    expect(problems(keyFormSchema(VOICEABLE, "create").safeParse(bad)).allowedOrigins).toMatch(/no path/);
  });

  it("needs ElevenLabs' group, and checks the limit and the IP allowlist", () => {
    const v = {
      ...newKeyDefaults(ELEVENLABS),
      name: "Batch",
      chosen: ["voices_read"],
      characterLimit: "-3",
      ipAllowlist: "10.0.0.0/33",
    };
    const found = problems(keyFormSchema(ELEVENLABS, "create").safeParse(v));
    expect(Object.keys(found).sort()).toEqual(["characterLimit", "groupId", "ipAllowlist"]);
  });

  it("refuses an ElevenLabs key with no permission ticked, on the permissions field", () => {
    const v = { ...newKeyDefaults(ELEVENLABS, "g1"), name: "Batch" };
    expect(problems(keyFormSchema(ELEVENLABS, "create").safeParse(v))).toEqual({
      chosen: NO_PERMISSION_MESSAGE,
    });
    expect(problems(keyFormSchema(ELEVENLABS, "create").safeParse({ ...v, access: "all" }))).toEqual({});
  });
});

describe("the edit form", () => {
  const key: ConnectionKeyView = {
    id: "k1",
    name: "Widget",
    group: null,
    owner: "owner@example.com",
    hint: null,
    enabled: null,
    disableReason: null,
    createdAt: null,
    lastUsedAt: null,
    expiresAt: null,
    permissions: { kind: "key_type", value: "public" },
    restrictions: { allowedOrigins: ["https://a.example"], assistants: { allowed: [], transient: false } },
  };

  it("sends only the field that changed", () => {
    const before = editKeyDefaults(key);
    expect(toChanges(VOICEABLE, before, before)).toEqual({});
    expect(
      toChanges(VOICEABLE, before, {
        ...before,
        allowedOrigins: "https://a.example\nhttps://b.example",
      }),
    ).toEqual({ allowedOrigins: ["https://a.example", "https://b.example"] });
    expect(toChanges(VOICEABLE, before, { ...before, transient: true })).toEqual({
      assistants: { transient: true },
    });
    // The key type is fixed after create: never sent, whatever the form says.
    expect(toChanges(VOICEABLE, before, { ...before, keyType: "private" })).toEqual({});
  });

  it("does not count a reordering of scopes as a change", () => {
    const scoped: ConnectionKeyView = {
      ...key,
      permissions: { kind: "scopes", value: ["files:read", "rooms:read"], unknown: [] },
      restrictions: {},
    };
    const before = editKeyDefaults(scoped);
    expect(toChanges(DOCSPACE, before, { ...before, chosen: ["rooms:read", "files:read"] })).toEqual({});
    expect(toChanges(DOCSPACE, before, { ...before, name: "Renamed" })).toEqual({
      name: "Renamed",
    });
  });

  it("refuses emptying an ElevenLabs key's permissions, but lets a key with none keep none", () => {
    const listed: ConnectionKeyView = {
      ...key,
      permissions: { kind: "permission_list", value: ["voices_read"], unknown: [] },
      restrictions: {},
    };
    const emptied = { ...editKeyDefaults(listed), chosen: [] };
    expect(problems(keyFormSchema(ELEVENLABS, "edit", grantsNothing(listed)).safeParse(emptied))).toEqual({
      chosen: NO_PERMISSION_MESSAGE,
    });
    const none: ConnectionKeyView = {
      ...listed,
      permissions: { kind: "permission_list", value: [], unknown: [] },
    };
    expect(grantsNothing(none)).toBe(true);
    const renamed = { ...editKeyDefaults(none), name: "Renamed" };
    expect(problems(keyFormSchema(ELEVENLABS, "edit", grantsNothing(none)).safeParse(renamed))).toEqual({});
    expect(toChanges(ELEVENLABS, editKeyDefaults(none), renamed)).toEqual({ name: "Renamed" });
  });

  it("puts a server's field error on the field that shows it", () => {
    expect(formFieldOf(VOICEABLE, ["assistants", "allowed", 1])).toBe("assistants");
    expect(formFieldOf(VOICEABLE, ["permissions"])).toBe("keyType");
    expect(formFieldOf(DOCSPACE, ["permissions", "value", 0])).toBe("chosen");
    expect(formFieldOf(DOCSPACE, ["isAdmin"])).toBeNull();
  });
});
