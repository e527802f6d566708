// Connections declared in a file (KEYDESK_CONNECTIONS_FILE), for teams that keep configuration as
// code. The file names no secret: each entry names the environment variable holding its credential.
//
//   { "connections": [
//       { "name": "Support portal", "provider": "docspace",
//         "baseUrl": "https://example.onlyoffice.com", "credentialEnv": "DOCSPACE_TOKEN" } ] }
//
// An entry may give an `id` (letters, digits, - and _); otherwise it is "file-" and its name made
// into a slug. These connections show as managed by file: the page cannot change or remove them.
// Read once at start; anything wrong stops Keydesk with the entry and the field to fix.
import "server-only";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { env, namedVariable } from "@/lib/env";
import { looksLikeSecret } from "@/lib/text/secret-pattern";
import { credentialHint } from "./crypto";
import { baseUrlProblem, normaliseBaseUrl } from "./base-url";
import { CONNECTION_PROVIDERS, type ConnectionProvider } from "./providers";
import { baseUrlField, connectionNameField } from "./schema";
import type { Connection } from "./types";

export class ConnectionsFileError extends Error {
  override name = "ConnectionsFileError";
}

const entrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, - or _")
    .optional(),
  name: connectionNameField,
  provider: z.enum(CONNECTION_PROVIDERS, { error: "must be elevenlabs, docspace or voiceable" }),
  baseUrl: baseUrlField,
  credentialEnv: z
    .string({ error: "must name the environment variable that holds the credential" })
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name such as DOCSPACE_TOKEN"),
});

const fileSchema = z.strictObject({ connections: z.array(entrySchema) });

function slug(name: string): string {
  const made = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 58);
  return `file-${made || "connection"}`;
}

function where(path: PropertyKey[], data: unknown): string {
  const [, index, field] = path;
  if (path[0] !== "connections" || typeof index !== "number")
    return path.length ? path.join(".") : "the file";
  const entries = (data as { connections?: unknown[] }).connections;
  const name = (entries?.[index] as { name?: unknown } | undefined)?.name;
  const label =
    typeof name === "string" && name.trim() !== "" && name.length <= 100 && !looksLikeSecret(name)
      ? ` ("${name}")`
      : "";
  return `connections[${index}]${label}${field === undefined ? "" : `.${String(field)}`}`;
}

/**
 * The connections the file declares, each with its credential from the environment. Throws a
 * ConnectionsFileError naming the file, the entry and the field for anything wrong.
 */
export function parseConnectionsFile(
  path: string,
  text: string,
  /** Where credentialEnv names are looked up: the process environment (lib/env.ts) unless given. */
  variables?: Record<string, string | undefined>,
): Connection[] {
  const fail = (what: string) => new ConnectionsFileError(`KEYDESK_CONNECTIONS_FILE (${path}): ${what}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Only where: the parser's message quotes the text around the mistake, which may be a secret.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw fail(`not valid JSON${at ? ` (at character ${at})` : ""}`);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fail(`${where(issue.path, data)}: ${issue.message}`);
  }
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  return parsed.data.connections.map((entry, i) => {
    const at = `connections[${i}] ("${entry.name}")`;
    const id = entry.id ?? slug(entry.name);
    if (seenNames.has(entry.name.toLowerCase())) throw fail(`${at}.name: another entry has this name`);
    if (seenIds.has(id))
      throw fail(`${at}.id: "${id}" is used by an earlier entry; give this one its own id`);
    seenIds.add(id);
    seenNames.add(entry.name.toLowerCase());
    const credential = namedVariable(entry.credentialEnv, variables)?.trim();
    if (!credential)
      throw fail(
        `${at}.credentialEnv: the environment variable ${entry.credentialEnv} is not set (or is empty)`,
      );
    if (baseUrlProblem(entry.baseUrl)) throw fail(`${at}.baseUrl: ${baseUrlProblem(entry.baseUrl)}`);
    return {
      id,
      name: entry.name,
      provider: entry.provider as ConnectionProvider,
      baseUrl: normaliseBaseUrl(entry.baseUrl),
      source: "file" as const,
      credentialHint: credentialHint(credential),
      createdAt: null,
      credential: async () => credential,
    };
  });
}

const SLOT = Symbol.for("keydesk.connectionsFile");
type Slot = { [SLOT]?: Connection[] };

/** The file's connections (read once per process), or none when KEYDESK_CONNECTIONS_FILE is unset. */
export function connectionsFromFile(): Connection[] {
  const slot = globalThis as Slot;
  if (slot[SLOT]) return slot[SLOT];
  const path = env().KEYDESK_CONNECTIONS_FILE;
  if (!path) return (slot[SLOT] = []);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConnectionsFileError(
      `KEYDESK_CONNECTIONS_FILE (${path}): cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return (slot[SLOT] = parseConnectionsFile(path, text));
}
