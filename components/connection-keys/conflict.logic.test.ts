import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/http/client";
import type { ConnectionKeyView } from "./types";
import { conflictMessage, editConflict } from "./conflict.logic";

const current: ConnectionKeyView = {
  id: "k1",
  name: "Theirs",
  group: null,
  owner: null,
  hint: null,
  enabled: true,
  disableReason: null,
  createdAt: null,
  lastUsedAt: null,
  expiresAt: null,
  permissions: { kind: "key_type", value: "public" },
  restrictions: { allowedOrigins: [], assistants: { allowed: ["7"], transient: true } },
};

describe("an edit's conflict, in words", () => {
  it("names each field that moved with its value now", () => {
    expect(conflictMessage(current, ["name", "allowedOrigins", "assistants"])).toBe(
      "Someone else changed this key since you began: its name is now “Theirs”; its allowed origins are now any website; its assistants are now 7, transient allowed. Nothing was saved; what you typed is kept. Save again to replace their change with yours, or cancel.",
    );
  });

  it("is read from a 409 carrying the key as it is now, and from nothing else", () => {
    const conflict = new ApiRequestError(
      409,
      "conflict",
      "Someone else changed name",
      [{ path: ["name"], message: "x" }],
      {
        body: { error: { current } },
      },
    );
    expect(editConflict(conflict)).toEqual({ current, fields: ["name"] });
    expect(
      editConflict(new ApiRequestError(409, "conflict", "expired", [], { body: { error: {} } })),
    ).toBeNull();
    expect(editConflict(new ApiRequestError(422, "validation_failed", "bad", [], {}))).toBeNull();
  });
});
