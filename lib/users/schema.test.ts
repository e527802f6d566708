import { describe, expect, it } from "vitest";
import { acceptInviteSchema, newUserSchema, setPasswordSchema, userChangeSchema } from "./schema";

const good = { email: "new.person@example.com", name: "New Person", role: "support" };
const password = "river-Stone-42x";

function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("newUserSchema", () => {
  it("accepts a complete user and trims the email and name", () => {
    const parsed = newUserSchema.parse({ ...good, email: "  new.person@example.com ", name: " New Person " });
    expect(parsed).toEqual(good);
  });

  it("names the field and why for each bad value", () => {
    const all = messages(newUserSchema.safeParse({ email: "nope", name: "", role: "owner" }));
    expect(all).toContain("email: Enter an email address like name@example.com.");
    expect(all).toContain("name: Enter a name.");
    expect(all).toContain("role: Choose a role: admin, support or reviewer.");
  });

  it("refuses a name over 100 characters", () => {
    expect(messages(newUserSchema.safeParse({ ...good, name: "x".repeat(101) }))).toEqual([
      "name: A name is at most 100 characters.",
    ]);
  });

  it("refuses unknown fields, a password among them: an admin never sets one", () => {
    for (const extra of [{ banned: false }, { password }]) {
      const result = newUserSchema.safeParse({ ...good, ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
  });
});

describe("userChangeSchema", () => {
  it("accepts exactly one change of each kind", () => {
    expect(userChangeSchema.parse({ role: "reviewer" })).toEqual({ role: "reviewer" });
    expect(userChangeSchema.parse({ disabled: true })).toEqual({ disabled: true });
    expect(userChangeSchema.parse({ disabled: false })).toEqual({ disabled: false });
  });

  it("refuses no change, or two at once", () => {
    expect(messages(userChangeSchema.safeParse({}))).toEqual([": Send one change: role or disabled."]);
    expect(messages(userChangeSchema.safeParse({ role: "admin", disabled: true }))).toEqual([
      ": Send one change at a time, not role and disabled.",
    ]);
  });

  it("refuses unknown fields (a password too), a bad role and a non-boolean disabled", () => {
    expect(userChangeSchema.safeParse({ role: "admin", email: "x@example.com" }).error?.issues[0]?.code).toBe(
      "unrecognized_keys",
    );
    expect(userChangeSchema.safeParse({ password }).error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(messages(userChangeSchema.safeParse({ role: "owner" }))).toContain(
      "role: Choose a role: admin, support or reviewer.",
    );
    expect(messages(userChangeSchema.safeParse({ role: "pending" }))).toContain(
      "role: Choose a role: admin, support or reviewer.",
    );
    expect(messages(userChangeSchema.safeParse({ disabled: "yes" }))).toContain(
      "disabled: disabled must be true or false.",
    );
  });
});

describe("setPasswordSchema", () => {
  it("uses the password rule, and wants the same password twice", () => {
    expect(setPasswordSchema.safeParse({ password, confirm: password }).success).toBe(true);
    expect(messages(setPasswordSchema.safeParse({ password: "", confirm: "" }))).toEqual([
      "password: The password must be at least 12 characters.",
    ]);
    expect(
      messages(setPasswordSchema.safeParse({ password: "password1234", confirm: "password1234" })),
    ).toEqual(["password: The password is too common."]);
    expect(messages(setPasswordSchema.safeParse({ password, confirm: `${password}x` }))).toEqual([
      "confirm: The two passwords differ.",
    ]);
  });
});

describe("acceptInviteSchema", () => {
  it("takes the token and the password, nothing else", () => {
    expect(acceptInviteSchema.parse({ token: "t", password })).toEqual({ token: "t", password });
    expect(acceptInviteSchema.safeParse({ token: "t", password, email: "x@example.com" }).success).toBe(
      false,
    );
    expect(messages(acceptInviteSchema.safeParse({ token: "", password }))).toEqual([
      "token: The link's token is missing.",
    ]);
  });
});
