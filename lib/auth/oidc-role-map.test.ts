import { describe, expect, it } from "vitest";
import { parseRoleMap } from "@/lib/roles";
import { claimValues, roleFromClaims } from "./oidc-role-map";

const MAP = "keydesk-admins=admin,keydesk-support=support,keydesk-reviewers=reviewer";

describe("parseRoleMap", () => {
  it("reads group=role pairs, trimming spaces", () => {
    expect(parseRoleMap(MAP)).toEqual({
      map: [
        { value: "keydesk-admins", role: "admin" },
        { value: "keydesk-support", role: "support" },
        { value: "keydesk-reviewers", role: "reviewer" },
      ],
    });
    expect(parseRoleMap(" a = support , b=reviewer ")).toEqual({
      map: [
        { value: "a", role: "support" },
        { value: "b", role: "reviewer" },
      ],
    });
  });

  it("is empty for an empty text (everyone waits for an admin)", () => {
    expect(parseRoleMap("")).toEqual({ map: [] });
  });

  it("names the pair and the reason when one is wrong", () => {
    expect(parseRoleMap("admins=owner")).toEqual({
      problem: 'in "admins=owner", "owner" is not a role (admin, support or reviewer)',
    });
    expect(parseRoleMap("admins")).toEqual({ problem: 'in "admins", write group=role' });
    expect(parseRoleMap("=admin")).toEqual({ problem: 'in "=admin", write group=role' });
    expect(parseRoleMap("x=admin,x=reviewer")).toEqual({ problem: '"x" is mapped twice' });
    expect(parseRoleMap("x=pending")).toMatchObject({ problem: expect.stringContaining("not a role") });
  });
});

describe("claimValues", () => {
  it("reads a list, a single string, or a dotted path; anything else is nothing", () => {
    expect(claimValues({ groups: ["a", "b", 3] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ keydesk_role: "support" }, "keydesk_role")).toEqual(["support"]);
    expect(claimValues({ realm_access: { roles: ["r1"] } }, "realm_access.roles")).toEqual(["r1"]);
    expect(claimValues({ "https://keydesk.example/roles": ["r2"] }, "https://keydesk.example/roles")).toEqual(
      ["r2"],
    );
    expect(claimValues({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(claimValues({}, "groups")).toEqual([]);
    expect(claimValues({ groups: null }, "groups.x")).toEqual([]);
  });
  it("does not walk into the prototype", () => {
    expect(claimValues({}, "constructor.name")).toEqual([]);
    expect(claimValues({}, "__proto__")).toEqual([]);
  });
});

describe("roleFromClaims", () => {
  const { map } = parseRoleMap(MAP) as { map: Parameters<typeof roleFromClaims>[2] };

  it("maps a group to its role", () => {
    expect(roleFromClaims({ groups: ["staff", "keydesk-support"] }, "groups", map)).toBe("support");
  });
  it("gives the strongest role when several groups map", () => {
    expect(roleFromClaims({ groups: ["keydesk-reviewers", "keydesk-admins"] }, "groups", map)).toBe("admin");
    expect(roleFromClaims({ groups: ["keydesk-reviewers", "keydesk-support"] }, "groups", map)).toBe(
      "support",
    );
  });
  it("is null when nothing maps, or the claim is missing (the user waits as pending)", () => {
    expect(roleFromClaims({ groups: ["staff"] }, "groups", map)).toBeNull();
    expect(roleFromClaims({}, "groups", map)).toBeNull();
    expect(roleFromClaims({ groups: ["keydesk-admins"] }, "groups", [])).toBeNull();
  });
  it("matches exactly (case and whole value)", () => {
    expect(roleFromClaims({ groups: ["Keydesk-Admins", "keydesk-admins-old"] }, "groups", map)).toBeNull();
  });
});
