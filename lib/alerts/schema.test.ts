import { describe, expect, it } from "vitest";
import { newChannelSchema } from "./schema";

const fields = (value: unknown) => {
  const parsed = newChannelSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

const email = {
  type: "email",
  name: "Mail",
  host: "smtp.example.com",
  port: 587,
  security: "starttls",
  user: "alerts",
  password: "pw",
  from: "keydesk@example.com",
  to: ["ops@example.com"],
};

describe("newChannelSchema", () => {
  it("accepts each type's fields", () => {
    expect(
      fields({ type: "webhook", name: "Hook", url: "https://h.example/x", secret: "s".repeat(16) }),
    ).toEqual([]);
    expect(fields({ type: "slack", name: "Slack", url: "https://hooks.example/services/T/B/x" })).toEqual([]);
    expect(fields(email)).toEqual([]);
  });

  it("names the field it refuses", () => {
    expect(
      fields({ type: "webhook", name: "Hook", url: "javascript:alert(1)", secret: "s".repeat(16) }),
    ).toEqual(["url"]);
    expect(
      fields({ type: "webhook", name: "Hook", url: "https://u:p@h.example/", secret: "s".repeat(16) }),
    ).toEqual(["url"]);
    expect(fields({ type: "slack", name: "sk_" + "a".repeat(40), url: "https://h.example/" })).toEqual([
      "name",
    ]);
    expect(fields({ ...email, security: "none" })).toEqual(["password"]);
    expect(fields({ ...email, user: undefined })).toEqual(["user"]);
    expect(fields({ ...email, to: ["not an address"] })).toEqual(["to.0"]);
    expect(fields({ ...email, port: 70000 })).toEqual(["port"]);
    expect(fields({ ...email, minSeverity: "loud" })).toEqual(["minSeverity"]);
  });
});
