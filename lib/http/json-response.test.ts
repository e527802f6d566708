import { describe, expect, it } from "vitest";
import { jsonResponse } from "./json-response";

const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("jsonResponse", () => {
  it("answers exactly what Response.json answers: body bytes, Content-Type, status", async () => {
    const values: unknown[] = [
      { serviceAccounts: [{ id: "sa-1", name: "Zoë ✓ 🎙", keys: [], createdAt: null }] },
      { lone: "\ud800 and \udfff", nul: "a\u0000b", quote: '"\\' },
      [1, -0, 1e21, null, true],
      "text",
    ];
    for (const value of values) {
      const ours = jsonResponse(value, { status: 201 });
      const theirs = Response.json(value, { status: 201 });
      expect(ours.status).toBe(201);
      expect(ours.headers.get("content-type")).toBe(theirs.headers.get("content-type"));
      expect(await bytes(ours)).toEqual(await bytes(theirs));
    }
  });

  it("keeps a Content-Type it is given, and refuses what is not JSON", () => {
    expect(
      jsonResponse({}, { headers: { "content-type": "application/problem+json" } }).headers.get(
        "content-type",
      ),
    ).toBe("application/problem+json");
    expect(() => jsonResponse(undefined)).toThrow(TypeError);
    expect(() => jsonResponse(() => 1)).toThrow(TypeError);
  });
});
