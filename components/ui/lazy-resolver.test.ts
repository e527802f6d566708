import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { setPasswordSchema } from "@/lib/users/schema";
import { lazyZodResolver } from "./lazy-resolver";

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe("a lazily loaded zod resolver", () => {
  it.each([
    ["sign-in, empty", signInSchema, { email: "", password: "" }],
    ["sign-in, bad email", signInSchema, { email: "pat@", password: "x" }],
    ["sign-in, fine", signInSchema, { email: " pat@example.com", password: "x" }],
    ["set password, weak", setPasswordSchema, { password: "short", confirm: "short" }],
    ["set password, differing", setPasswordSchema, { password: "Str0ng-Passw0rd!", confirm: "other" }],
  ] as const)("answers as zodResolver does: %s", async (_, schema, values) => {
    const lazy = lazyZodResolver(() => Promise.resolve(schema));
    const eager = zodResolver(schema as never);
    expect(await lazy(values as never, undefined, options as never)).toEqual(
      await eager(values as never, undefined, options as never),
    );
  });

  it("loads the schema once, and again after a failed load", async () => {
    let calls = 0;
    const lazy = lazyZodResolver(() =>
      ++calls === 1 ? Promise.reject(new Error("offline")) : Promise.resolve(signInSchema),
    );
    lazy.preload();
    await new Promise((r) => setTimeout(r, 0));
    const result = await lazy({ email: "", password: "" } as never, undefined, options as never);
    await lazy({ email: "", password: "" } as never, undefined, options as never);
    expect(calls).toBe(2);
    expect(Object.keys(result.errors)).toEqual(["email", "password"]);
  });
});
