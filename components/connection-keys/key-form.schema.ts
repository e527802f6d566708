// The create and edit forms of a connection's key: their values, the schema that checks them for
// the provider's capabilities (the fields a provider lacks are never checked, nor sent), and the
// bodies they become. Lists (IP ranges, origins, assistants) are typed one per line. The route
// handler checks everything again; this is so a person hears about a mistake before sending.
import * as z from "@/lib/text/zod-mini";
import { allowlistEntryProblem, normaliseAllowlistEntry } from "@/lib/ip/cidr";
import {
  ASSISTANTS_MAX,
  connectionKeyNameSchema,
  ORIGINS_MAX,
  originProblem,
} from "@/lib/connection-keys/schema";
import type { KeyChanges, PermissionsInput, ProviderCapabilities } from "@/lib/providers/types";
import type { ConnectionKeyView, NewConnectionKeyBody } from "@/lib/connection-keys/types";
import { NO_PERMISSION_MESSAGE } from "@/components/keys/key-form.schema";

export interface KeyFormValues {
  name: string;
  groupId: string;
  /** For a permission list or scopes: everything, or only the ones ticked. */
  access: "all" | "some";
  chosen: string[];
  keyType: string;
  characterLimit: string;
  ipAllowlist: string;
  allowedOrigins: string;
  assistants: string;
  transient: boolean;
  expiresInDays: string;
}

export type KeyFormField = keyof KeyFormValues;

/** One entry a line; blank lines and surrounding spaces do not count. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

const wholeNumber = (text: string) => /^\d+$/.test(text.trim());

/**
 * The schema of the form for this provider; `mode` "edit" leaves out what is fixed after create.
 * `startedEmpty` (edit): the key already grants nothing, so keeping it so is not refused.
 */
export function keyFormSchema(
  capabilities: ProviderCapabilities,
  mode: "create" | "edit",
  startedEmpty = false,
) {
  const c = capabilities;
  return z
    .object({
      name: connectionKeyNameSchema.check(
        z.maxLength(c.name.maxLength, `Use at most ${c.name.maxLength} characters`),
      ),
      groupId: z.string(),
      access: z.enum(["all", "some"]),
      chosen: z.array(z.string()),
      keyType: z.string(),
      characterLimit: z.string(),
      ipAllowlist: z.string(),
      allowedOrigins: z.string(),
      assistants: z.string(),
      transient: z.boolean(),
      expiresInDays: z.string(),
    })
    .check(
      z.superRefine((v, ctx) => {
        const issue = (path: KeyFormField, message: string) =>
          ctx.addIssue({ code: "custom", path: [path], message, input: v[path] });
        if (mode === "create" && c.groups && v.groupId === "") issue("groupId", `Choose a ${c.groups.label}`);
        const model = c.permissions;
        if (model.kind === "key_type") {
          if (mode === "create" && !(model.values as readonly string[]).includes(v.keyType))
            issue("keyType", "Choose the key type");
        } else if (v.access === "some" && v.chosen.length === 0) {
          // DocSpace reads an empty list as unrestricted: "none" cannot be asked for.
          if (model.kind === "scopes") issue("chosen", "Choose at least one scope, or Unrestricted (*)");
          // ElevenLabs accepts none (a key refused on every call), but from this form it is a slip:
          // refused on create and on emptying a key, as for the primary workspace's keys.
          else if (!startedEmpty) issue("chosen", NO_PERMISSION_MESSAGE);
        }
        if (c.characterLimit && v.characterLimit.trim() !== "") {
          if (!wholeNumber(v.characterLimit) || Number(v.characterLimit) < 1)
            issue("characterLimit", "Use a positive whole number (leave it empty for no limit)");
        }
        if (c.ipAllowlist) {
          const entries = lines(v.ipAllowlist);
          const bad = entries.map((e) => allowlistEntryProblem(e)).find((p) => p !== null);
          if (bad) issue("ipAllowlist", bad);
          else if (entries.length > c.ipAllowlist.maxEntries)
            issue("ipAllowlist", `Use at most ${c.ipAllowlist.maxEntries} entries`);
        }
        if (c.originRestriction) {
          const entries = lines(v.allowedOrigins);
          const bad = entries.find((e) => originProblem(e) !== null);
          if (bad) issue("allowedOrigins", `${bad}: ${originProblem(bad)}`);
          else if (entries.length > ORIGINS_MAX)
            issue("allowedOrigins", `Use at most ${ORIGINS_MAX} origins`);
        }
        if (c.resourceRestriction && lines(v.assistants).length > ASSISTANTS_MAX)
          issue("assistants", `Use at most ${ASSISTANTS_MAX} assistants`);
        if (mode === "create" && c.expiry && v.expiresInDays.trim() !== "") {
          const days = Number(v.expiresInDays);
          if (!wholeNumber(v.expiresInDays) || days < c.expiry.minDays || days > c.expiry.maxDays)
            issue(
              "expiresInDays",
              `Use a whole number of days from ${c.expiry.minDays} to ${c.expiry.maxDays} (leave it empty for no expiry)`,
            );
        }
      }),
    );
}

/** A new key starts with nothing granted: least privilege unless someone chooses more. */
export function newKeyDefaults(capabilities: ProviderCapabilities, groupId = ""): KeyFormValues {
  return {
    name: "",
    groupId,
    access: "some",
    chosen: [],
    keyType: capabilities.permissions.kind === "key_type" ? "private" : "",
    characterLimit: "",
    ipAllowlist: "",
    allowedOrigins: "",
    assistants: "",
    transient: false,
    expiresInDays: "",
  };
}

/** The key grants nothing now: a permission list that is empty (not "all"). */
export const grantsNothing = (key: ConnectionKeyView) =>
  key.permissions.kind === "permission_list" &&
  key.permissions.value !== "all" &&
  key.permissions.value.length === 0;

/** The form as the key is now. */
export function editKeyDefaults(key: ConnectionKeyView): KeyFormValues {
  const p = key.permissions;
  const r = key.restrictions;
  return {
    name: key.name,
    groupId: key.group?.id ?? "",
    access: p.kind !== "key_type" && p.value === "all" ? "all" : "some",
    chosen: p.kind !== "key_type" && p.value !== "all" ? [...p.value] : [],
    keyType: p.kind === "key_type" ? p.value : "",
    characterLimit: r.characterLimit?.limit != null ? String(r.characterLimit.limit) : "",
    ipAllowlist: (r.ipAllowlist ?? []).join("\n"),
    allowedOrigins: (r.allowedOrigins ?? []).join("\n"),
    assistants: (r.assistants?.allowed ?? []).join("\n"),
    transient: r.assistants?.transient ?? false,
    expiresInDays: "",
  };
}

function permissionsOf(capabilities: ProviderCapabilities, v: KeyFormValues): PermissionsInput {
  const model = capabilities.permissions;
  if (model.kind === "key_type") return { kind: "key_type", value: v.keyType as "private" | "public" };
  const value = v.access === "all" ? ("all" as const) : v.chosen;
  return { kind: model.kind, value } as PermissionsInput;
}

const ipList = (text: string) => lines(text).map((e) => normaliseAllowlistEntry(e) ?? e);

/** The create body: only the fields the provider has, and only those filled in. */
export function toNewKey(capabilities: ProviderCapabilities, v: KeyFormValues): NewConnectionKeyBody {
  const c = capabilities;
  const ips = ipList(v.ipAllowlist);
  return {
    name: v.name.trim(),
    ...(c.groups ? { groupId: v.groupId } : {}),
    permissions: permissionsOf(c, v),
    ...(c.characterLimit && v.characterLimit.trim() !== ""
      ? { characterLimit: Number(v.characterLimit) }
      : {}),
    ...(c.ipAllowlist && ips.length > 0 ? { ipAllowlist: ips } : {}),
    ...(c.originRestriction ? { allowedOrigins: lines(v.allowedOrigins) } : {}),
    ...(c.resourceRestriction
      ? {
          assistants: {
            allowed: lines(v.assistants),
            transient: c.resourceRestriction.transientFlag ? v.transient : false,
          },
        }
      : {}),
    ...(c.expiry && v.expiresInDays.trim() !== "" ? { expiresInDays: Number(v.expiresInDays) } : {}),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Only what differs from the key as it was: the edit sends nothing else upstream. */
export function toChanges(
  capabilities: ProviderCapabilities,
  before: KeyFormValues,
  after: KeyFormValues,
): KeyChanges {
  const c = capabilities;
  const out: KeyChanges = {};
  if (after.name.trim() !== before.name) out.name = after.name.trim();
  if (c.permissions.editable) {
    const was = permissionsOf(c, before);
    const now = permissionsOf(c, after);
    const differs =
      was.value === "all" || now.value === "all"
        ? was.value !== now.value
        : !sameList([...(was.value as string[])].sort(), [...(now.value as string[])].sort());
    if (differs) out.permissions = now;
  }
  if (c.characterLimit && after.characterLimit.trim() !== before.characterLimit)
    out.characterLimit = after.characterLimit.trim() === "" ? null : Number(after.characterLimit);
  if (c.ipAllowlist) {
    const ips = ipList(after.ipAllowlist);
    if (!sameList(ips, lines(before.ipAllowlist))) out.ipAllowlist = ips.length > 0 ? ips : null;
  }
  if (c.originRestriction && !sameList(lines(after.allowedOrigins), lines(before.allowedOrigins)))
    out.allowedOrigins = lines(after.allowedOrigins);
  if (c.resourceRestriction) {
    const assistants: NonNullable<KeyChanges["assistants"]> = {};
    if (!sameList(lines(after.assistants), lines(before.assistants)))
      assistants.allowed = lines(after.assistants);
    if (c.resourceRestriction.transientFlag && after.transient !== before.transient)
      assistants.transient = after.transient;
    if (Object.keys(assistants).length > 0) out.assistants = assistants;
  }
  return out;
}

/** Which form field a server's field error belongs on (`["assistants", "allowed", 2]` → assistants). */
export function formFieldOf(
  capabilities: ProviderCapabilities,
  path: readonly (string | number)[],
): KeyFormField | null {
  const [head] = path;
  switch (head) {
    case "name":
    case "groupId":
    case "characterLimit":
    case "ipAllowlist":
    case "allowedOrigins":
    case "expiresInDays":
      return head;
    case "assistants":
      return path[1] === "transient" ? "transient" : "assistants";
    case "permissions":
      return capabilities.permissions.kind === "key_type" ? "keyType" : "chosen";
    default:
      return null;
  }
}
