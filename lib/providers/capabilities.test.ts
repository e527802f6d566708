// Capabilities are data: plain JSON a page can receive as props, and consistent with themselves,
// so what a page offers (disable, expiry, a hint column) can never contradict what the adapter does.
import { describe, expect, it } from "vitest";
import { getProvider, PROVIDER_IDS } from "./index";

describe.each(PROVIDER_IDS)("%s capabilities", (id) => {
  const caps = getProvider(id).capabilities;

  it("are plain JSON (no functions, no classes)", () => {
    expect(JSON.parse(JSON.stringify(caps))).toEqual(caps);
  });

  it("agree with themselves", () => {
    expect(getProvider(id).id).toBe(id);
    expect(caps.leakResponses.includes("disable")).toBe(caps.disable);
    expect(caps.leakResponses).toContain("delete");
    if (caps.expiredKeysAreFrozen) expect(caps.expiry).not.toBeNull();
    if (caps.permissions.kind === "key_type") expect(caps.permissions.editable).toBe(false);
    expect(caps.rotation).toBe("twin_then_delete");
  });

  it("say what each scope or key type allows, in one sentence (the key's page shows it)", () => {
    const model = caps.permissions;
    if (model.kind === "permission_list") return; // lib/permission-descriptions.ts
    const described: Record<string, string> = model.descriptions;
    expect(Object.keys(described).sort()).toEqual([...model.values].sort());
    for (const text of Object.values(described)) expect(text).toMatch(/^[A-Z].{10,}\.$/);
  });
});

describe("the providers as the issue describes them", () => {
  it("declare what each can do", () => {
    const [eleven, docspace, voiceable] = PROVIDER_IDS.map((id) => getProvider(id).capabilities);
    expect(eleven).toMatchObject({
      disable: true,
      secretHash: { algorithm: "sha256" },
      ipAllowlist: {},
      expiry: null,
    });
    expect(docspace).toMatchObject({
      disable: true,
      expiry: { setAt: "create", minDays: 1, maxDays: 365 },
      lastUsed: true,
      secretHash: null,
    });
    expect(docspace!.permissions).toMatchObject({ kind: "scopes", unrestricted: "*" });
    expect(docspace!.permissions.values).toHaveLength(11);
    expect(voiceable).toMatchObject({
      disable: false,
      leakResponses: ["rotate", "delete"],
      permissions: { kind: "key_type", values: ["private", "public"], editable: false },
      originRestriction: { emptyMeans: "any_origin" },
      resourceRestriction: { resource: "assistants" },
      hint: null,
    });
  });
});
