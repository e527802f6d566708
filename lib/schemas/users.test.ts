import { describe, expect, it } from "vitest";
import { newUserSchema, resetPasswordSchema, userChangeSchema } from "./users";

const good = { email: "new.person@example.com", name: "New Person", role: "support", password: "river-Stone-42x" };

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("newUserSchema", () => {
  it("accepts a complete user and trims the email and name", () => {
    const parsed = newUserSchema.parse({ ...good, email: "  new.person@example.com ", name: " New Person " });
    expect(parsed).toEqual(good);
  });

  it("names the field and why for each bad value", () => {
    const result = newUserSchema.safeParse({ email: "nope", name: "", role: "owner", password: "short" });
    const all = messages(result);
    expect(all).toContain("email: Enter an email address like name@example.com.");
    expect(all).toContain("name: Enter a name.");
    expect(all).toContain("role: Choose a role: admin, support or reviewer.");
    expect(all).toContain("password: The password must be at least 12 characters.");
  });

  it("refuses a name over 100 characters", () => {
    expect(messages(newUserSchema.safeParse({ ...good, name: "x".repeat(101) }))).toEqual(["name: A name is at most 100 characters."]);
  });

  it.each([
    ["password1234", "The password is too common."],
    ["aaaaaaaaaaaaaaa", "The password has too few different characters."],
    ["x".repeat(129), "The password must be at most 128 characters."],
  ])("refuses the weak password %s with its reason", (password, message) => {
    expect(messages(newUserSchema.safeParse({ ...good, password }))).toEqual([`password: ${message}`]);
  });

  it("refuses a password that contains the email's local part", () => {
    expect(messages(newUserSchema.safeParse({ ...good, password: "My-new.person-2025" }))).toEqual(["password: The password must not contain the email address."]);
  });

  it("refuses unknown fields", () => {
    const result = newUserSchema.safeParse({ ...good, banned: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });
});

describe("userChangeSchema", () => {
  it("accepts exactly one change of each kind", () => {
    expect(userChangeSchema.parse({ role: "reviewer" })).toEqual({ role: "reviewer" });
    expect(userChangeSchema.parse({ disabled: true })).toEqual({ disabled: true });
    expect(userChangeSchema.parse({ disabled: false })).toEqual({ disabled: false });
    expect(userChangeSchema.parse({ password: good.password })).toEqual({ password: good.password });
  });

  it("refuses no change, or two at once", () => {
    expect(messages(userChangeSchema.safeParse({}))).toEqual([": Send one change: role, disabled or password."]);
    expect(messages(userChangeSchema.safeParse({ role: "admin", disabled: true }))).toEqual([": Send one change at a time, not role and disabled."]);
  });

  it("refuses unknown fields, a bad role, a non-boolean disabled and a weak password", () => {
    expect(userChangeSchema.safeParse({ role: "admin", email: "x@example.com" }).error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(messages(userChangeSchema.safeParse({ role: "owner" }))).toContain("role: Choose a role: admin, support or reviewer.");
    expect(messages(userChangeSchema.safeParse({ disabled: "yes" }))).toContain("disabled: disabled must be true or false.");
    expect(messages(userChangeSchema.safeParse({ password: "short" }))).toContain("password: The password must be at least 12 characters.");
  });
});

describe("resetPasswordSchema", () => {
  it("uses the same password rule", () => {
    expect(resetPasswordSchema.safeParse({ password: good.password }).success).toBe(true);
    expect(messages(resetPasswordSchema.safeParse({ password: "" }))).toEqual(["password: The password must be at least 12 characters."]);
  });
});
