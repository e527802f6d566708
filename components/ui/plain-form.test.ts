import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { newConnectionSchema } from "@/lib/connections/schema";
import { findKeyBodySchema } from "@/lib/find-key/schema";
import { newUserSchema, setPasswordSchema } from "@/lib/users/schema";
import { errorsOf, lazySchema } from "./plain-form";

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe("the plain forms' errors", () => {
  it.each([
    ["sign-in, empty", signInSchema, { email: "", password: "" }],
    ["sign-in, bad email", signInSchema, { email: "pat@", password: "x" }],
    ["sign-in, fine", signInSchema, { email: " pat@example.com", password: "x" }],
    ["set password, weak", setPasswordSchema, { password: "short", confirm: "short" }],
    ["set password, differing", setPasswordSchema, { password: "Str0ng-Passw0rd!", confirm: "other" }],
    ["new user, empty", newUserSchema, { email: "", name: "", role: "reviewer" }],
    ["new user, bad role", newUserSchema, { email: "a@example.com", name: "A", role: "boss" }],
    ["find, empty", findKeyBodySchema, { query: "   " }],
    ["find, too long", findKeyBodySchema, { query: "x".repeat(501) }],
    [
      "connection, empty",
      newConnectionSchema,
      { name: "", provider: "elevenlabs", baseUrl: "", credential: "" },
    ],
  ] as const)("say what zodResolver said, field by field: %s", async (_, schema, values) => {
    const eager = await zodResolver(schema as never)(values as never, undefined, options as never);
    const expected = Object.fromEntries(
      Object.entries(eager.errors as Record<string, { message: string }>).map(([k, e]) => [
        k,
        { message: e.message },
      ]),
    );
    expect(errorsOf(schema.safeParse(values))).toEqual(expected);
  });
});

describe("a lazily loaded schema", () => {
  it("loads once, and again after a failed load", async () => {
    let calls = 0;
    const schema = lazySchema(() =>
      ++calls === 1 ? Promise.reject(new Error("offline")) : Promise.resolve(signInSchema),
    );
    schema.preload();
    await new Promise((r) => setTimeout(r, 0));
    expect(await schema()).toBe(signInSchema);
    expect(await schema()).toBe(signInSchema);
    expect(calls).toBe(2);
  });
});
