import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";
import { errorLogLine, queryLabel, summariseError } from "./server-error";

const database = await openDatabase({ kind: "pglite", dataDir: null });
afterAll(() => database.close());

/** The error a real failing statement throws, its value carried in the parameters. */
async function failing(statement: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await database.db.execute(statement);
  } catch (error) {
    return error;
  }
  throw new Error("the statement did not fail");
}

describe("database errors", () => {
  it("are logged as code, statement label and request id; never the parameters or the driver's message that quotes them", async () => {
    const error = await failing(
      sql`select ${"203.0.113.9"}::int from "user" where email = ${"pat@leaky.example"}`,
    );
    const line = errorLogLine("unexpected error", error, "req-42");
    expect(line).toBe(
      "Keydesk: unexpected error in request req-42: DrizzleQueryError (SQLSTATE 22P02, query: select user)",
    );
    expect(line).not.toMatch(/leaky|203\.0\.113/);
  });

  it("name the constraint a write broke, by its name only", async () => {
    await database.db.execute(sql.raw("create table t_unique (email text unique)"));
    await database.db.execute(sql`insert into t_unique values (${"first@leaky.example"})`);
    const error = await failing(sql`insert into t_unique (email) values (${"first@leaky.example"})`);
    expect(summariseError(error)).toEqual({
      name: "DrizzleQueryError",
      sqlState: "23505",
      query: "insert t_unique",
      constraint: "t_unique_email_key",
      message: null,
    });
    expect(errorLogLine("x", error)).not.toContain("leaky");
  });

  it("are recognised bare (a pg or PGlite error not wrapped by Drizzle)", () => {
    const bare = Object.assign(new Error('invalid input syntax for type inet: "pat@leaky.example"'), {
      severity: "ERROR",
      code: "22P02",
      detail: "Key (email)=(pat@leaky.example)",
    });
    expect(errorLogLine("y", bare, "r")).toBe("Keydesk: y in request r: Error (SQLSTATE 22P02)");
  });

  it("are recognised behind another error's cause", () => {
    const inner = Object.assign(new Error("duplicate key value"), {
      severity: "ERROR",
      code: "23505",
      constraint: "user_email_unique",
    });
    const outer = new Error("Failed to create user pat@leaky.example", { cause: inner });
    expect(errorLogLine("z", outer)).toBe(
      "Keydesk: z: Error (SQLSTATE 23505, constraint: user_email_unique)",
    );
  });
});

describe("other errors", () => {
  it("keep their class and first message line, with secrets, emails and IPv4 addresses masked", () => {
    const error = new TypeError(
      `cannot read x of pat@leaky.example from 203.0.113.9 with sk_${"ab".repeat(24)}\nsecond line with more`,
    );
    expect(errorLogLine("w", error, "r1")).toBe(
      "Keydesk: w in request r1: TypeError: cannot read x of [email] from [ip] with sk_[redacted]",
    );
  });

  it("say only what type a thrown non-error was", () => {
    expect(errorLogLine("v", "pat@leaky.example")).toBe("Keydesk: v: string");
    expect(errorLogLine("v", { email: "pat@leaky.example" })).toBe("Keydesk: v: object");
  });
});

describe("queryLabel", () => {
  it.each([
    ['insert into "audit_log" ("id") values ($1)', "insert audit_log"],
    ['update "user" set "name" = $1 where "user"."id" = $2', "update user"],
    ['delete from "session" where "session"."token" = $1', "delete session"],
    ['select "id" from "audit_log" order by "id" desc limit $1', "select audit_log"],
    ["select 1", "select"],
    ["with x as (select 1) select * from x", "with x"],
    ["SELECT pg_advisory_lock($1)", "select"],
    ["begin", "begin"],
  ])("%s -> %s", (text, label) => {
    expect(queryLabel(text)).toBe(label);
  });
});

describe("logServerError", () => {
  it("writes the same line to the JSON log, with the request id as a field", async () => {
    const { vi } = await import("vitest");
    const { logger } = await import("./logger");
    const { logServerError } = await import("./server-error");
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const failure = new TypeError("bad thing for pat@leaky.example");
    logServerError("unexpected error", failure, "req-7");
    expect(error).toHaveBeenCalledWith(
      { requestId: "req-7" },
      "Keydesk: unexpected error in request req-7: TypeError: bad thing for [email]",
    );
    error.mockRestore();
  });
});
