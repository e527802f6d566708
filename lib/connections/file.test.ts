// KEYDESK_CONNECTIONS_FILE: good entries become file connections with credentials from the named
// variables; anything wrong is one error naming the file, the entry and the field, never a value.
import { describe, expect, it } from "vitest";
import { ConnectionsFileError, parseConnectionsFile } from "./file";

const VARS = { DOCSPACE_TOKEN: "docspace-secret-token-AbCd", VOICEABLE_KEY: "voiceable-private-key-1234" };
const good = {
  connections: [
    {
      name: "Support portal",
      provider: "docspace",
      baseUrl: "https://portal.example.com/",
      credentialEnv: "DOCSPACE_TOKEN",
    },
    {
      id: "voice",
      name: "Voice",
      provider: "voiceable",
      baseUrl: "https://api.voiceable.dev/voiceable-api/api/v1",
      credentialEnv: "VOICEABLE_KEY",
    },
  ],
};

const parse = (value: unknown, vars: Record<string, string | undefined> = VARS) =>
  parseConnectionsFile(
    "/etc/keydesk/connections.json",
    typeof value === "string" ? value : JSON.stringify(value),
    vars,
  );

function problem(value: unknown, vars?: Record<string, string | undefined>): string {
  try {
    parse(value, vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionsFileError);
    return (error as Error).message;
  }
  throw new Error("expected a ConnectionsFileError");
}

describe("the connections file", () => {
  it("declares connections managed by file, credentials from the named variables", async () => {
    const [portal, voice] = parse(good);
    expect(portal).toMatchObject({
      id: "file-support-portal",
      name: "Support portal",
      provider: "docspace",
      baseUrl: "https://portal.example.com",
      source: "file",
      credentialHint: "AbCd",
    });
    expect(await portal!.credential()).toBe(VARS.DOCSPACE_TOKEN);
    expect(voice).toMatchObject({ id: "voice", baseUrl: "https://api.voiceable.dev/voiceable-api/api/v1" });
    expect(parse({ connections: [] })).toEqual([]);
  });

  it("names the entry and the field for each kind of mistake", () => {
    const entry = (extra: Record<string, unknown>) => ({
      connections: [{ ...good.connections[0], ...extra }],
    });
    expect(problem("{ not json")).toMatch(
      /^KEYDESK_CONNECTIONS_FILE \(\/etc\/keydesk\/connections\.json\): not valid JSON/,
    );
    expect(problem([])).toMatch(/the file: /);
    expect(problem(entry({ provider: "slack" }))).toMatch(
      /connections\[0\] \("Support portal"\)\.provider: must be elevenlabs, docspace or voiceable/,
    );
    expect(problem(entry({ baseUrl: "ftp://portal.example.com" }))).toMatch(
      /connections\[0\] \("Support portal"\)\.baseUrl: Must be an http/,
    );
    expect(problem(entry({ baseUrl: "https://user:pw@portal.example.com" }))).toMatch(
      /\.baseUrl: Must not contain a user name or password/,
    );
    expect(problem(entry({ baseUrl: "https://portal.example.com/?x=1" }))).toMatch(
      /\.baseUrl: Must not have a query/,
    );
    expect(problem(entry({ name: "" }))).toMatch(/connections\[0\]\.name: Enter a name/);
    expect(problem(entry({ credentialEnv: "not a name" }))).toMatch(
      /\.credentialEnv: must be an environment variable name/,
    );
    expect(problem(entry({ credentialEnv: "MISSING_TOKEN" }))).toMatch(
      /connections\[0\] \("Support portal"\)\.credentialEnv: the environment variable MISSING_TOKEN is not set/,
    );
    expect(problem(entry({ credential: "inline-secret" }))).toMatch(
      /connections\[0\] \("Support portal"\): Unrecognized key/,
    );
    expect(
      problem({ connections: [good.connections[0], { ...good.connections[0], name: "SUPPORT portal" }] }),
    ).toMatch(/connections\[1\] \("SUPPORT portal"\)\.name: another entry has this name/);
    expect(problem({ connections: [good.connections[1], { ...good.connections[0], id: "voice" }] })).toMatch(
      /connections\[1\] \("Support portal"\)\.id: "voice" is used by an earlier entry/,
    );
  });

  it("never quotes a credential, even a misplaced one", () => {
    const message = problem({ connections: [{ ...good.connections[0], credential: VARS.DOCSPACE_TOKEN }] });
    expect(message).not.toContain(VARS.DOCSPACE_TOKEN);
  });
});

describe("the connections file's JSON errors", () => {
  it("say where, never what: the text around the mistake is not quoted", () => {
    const message = problem(`{"connections": [ {"name": "x", "credential": "inline-secret-value" oops } ]}`);
    expect(message).toMatch(/not valid JSON/);
    expect(message).not.toContain("inline-secret-value");
  });
});
