// The three request bodies the service-accounts API takes, validated into commands.
import type { ValidationIssue } from "./errors";
import type { PermissionType } from "./permissions";
import { Validator } from "./validate";

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const NO_UPDATE = "no_update";
const CLEAR = "clear";

export interface CreateServiceAccountBody {
  name: string;
  defaultSharingGroups: { groupId: string; permissionLevel: "admin" | "editor" | "viewer" }[];
}

export interface CreateKeyBody {
  name: string;
  permissions: PermissionType[] | "all";
  characterLimit: number | null;
  allowedIps: string[] | null;
  thirdPartyDisableAllowed: boolean | null;
  concurrency: { tts?: number; dubbing?: number; music?: number };
}

/** Fields left undefined are not changed; `null` clears. */
export interface UpdateKeyBody {
  isEnabled?: boolean;
  name?: string;
  permissions?: PermissionType[] | "all";
  characterLimit?: number | null;
  allowedIps?: string[] | null;
  thirdPartyDisableAllowed?: boolean | null;
  concurrency: { tts?: number | null; dubbing?: number | null; music?: number | null };
}

const CONCURRENCY_FIELDS = [
  ["tts", "tts_concurrency_limit"],
  ["dubbing", "dubbing_concurrency_limit"],
  ["music", "music_concurrency_limit"],
] as const;

function done<T>(v: Validator, value: T): Parsed<T> {
  return v.issues.length ? { ok: false, issues: v.issues } : { ok: true, value };
}

/** A present, non-null optional field. */
function given(body: Record<string, unknown>, field: string): boolean {
  return field in body && body[field] !== null;
}

export function parseCreateServiceAccount(raw: unknown): Parsed<CreateServiceAccountBody> {
  const v = new Validator();
  const body = v.object(raw);
  if (!body) return done(v, null as never);
  const out: CreateServiceAccountBody = { name: "", defaultSharingGroups: [] };
  const name = v.required(body, "name");
  if (name.ok) {
    const s = v.string(name.value, ["body", "name"]);
    if (s.ok) out.name = s.value;
  }
  if (given(body, "default_sharing_groups")) {
    const loc = ["body", "default_sharing_groups"];
    const list = v.list(body.default_sharing_groups, loc);
    if (list.ok) {
      list.value.forEach((item, i) => {
        const entry =
          item !== null && typeof item === "object" && !Array.isArray(item)
            ? (item as Record<string, unknown>)
            : null;
        if (!entry) {
          v.fail(
            "model_attributes_type",
            [...loc, i],
            "Input should be a valid dictionary or object to extract fields from",
            item,
          );
          return;
        }
        const groupId =
          "group_id" in entry
            ? v.string(entry.group_id, [...loc, i, "group_id"])
            : v.fail<string>("missing", [...loc, i, "group_id"], "Field required", entry);
        const level =
          "permission_level" in entry
            ? v.literal(entry.permission_level, [...loc, i, "permission_level"], [
                "admin",
                "editor",
                "viewer",
              ] as const)
            : v.fail<"admin">("missing", [...loc, i, "permission_level"], "Field required", entry);
        if (groupId.ok && level.ok)
          out.defaultSharingGroups.push({ groupId: groupId.value, permissionLevel: level.value });
      });
    }
  }
  return done(v, out);
}

export function parseCreateKey(raw: unknown): Parsed<CreateKeyBody> {
  const v = new Validator();
  const body = v.object(raw);
  if (!body) return done(v, null as never);
  const out: CreateKeyBody = {
    name: "",
    permissions: [],
    characterLimit: null,
    allowedIps: null,
    thirdPartyDisableAllowed: null,
    concurrency: {},
  };
  const name = v.required(body, "name");
  if (name.ok) {
    const s = v.string(name.value, ["body", "name"]);
    if (s.ok) out.name = s.value;
  }
  const permissions = v.required(body, "permissions");
  if (permissions.ok) {
    const p = v.permissions(permissions.value, ["body", "permissions"]);
    if (p.ok) out.permissions = p.value;
  }
  if (given(body, "character_limit")) {
    const n = v.int(body.character_limit, ["body", "character_limit"]);
    if (n.ok) out.characterLimit = n.value;
  }
  if (given(body, "allowed_ips")) {
    const ips = v.allowedIps(body.allowed_ips, ["body", "allowed_ips"]);
    if (ips.ok) out.allowedIps = ips.value;
  }
  if (given(body, "third_party_disable_allowed")) {
    const b = v.bool(body.third_party_disable_allowed, ["body", "third_party_disable_allowed"]);
    if (b.ok) out.thirdPartyDisableAllowed = b.value;
  }
  for (const [slot, field] of CONCURRENCY_FIELDS) {
    if (!given(body, field)) continue;
    const n = v.int(body[field], ["body", field]);
    if (n.ok) out.concurrency[slot] = n.value;
  }
  return done(v, out);
}

/**
 * PATCH accepts the old full body (`is_enabled`, `name`, `permissions` all given) and the partial
 * style, where a field left out or set to "no_update" stays as it is and "clear" removes it.
 * An empty or absent body changes nothing.
 */
export function parseUpdateKey(raw: unknown): Parsed<UpdateKeyBody> {
  const v = new Validator();
  const out: UpdateKeyBody = { concurrency: {} };
  if (raw === undefined || raw === null) return done(v, out);
  const body = v.object(raw);
  if (!body) return done(v, out);
  const changing = (field: string) => field in body && body[field] !== NO_UPDATE;

  if (changing("is_enabled")) {
    const b = v.bool(body.is_enabled, ["body", "is_enabled"]);
    if (b.ok) out.isEnabled = b.value;
  }
  if (given(body, "name")) {
    const s = v.string(body.name, ["body", "name"]);
    if (s.ok) out.name = s.value;
  }
  if (changing("permissions")) {
    const p = v.permissions(body.permissions, ["body", "permissions"]);
    if (p.ok) out.permissions = p.value;
  }
  if (changing("character_limit")) {
    const value = body.character_limit;
    if (value === CLEAR || value === null) out.characterLimit = null;
    else {
      const n = v.int(value, ["body", "character_limit"]);
      if (n.ok) out.characterLimit = n.value;
    }
  }
  if (changing("allowed_ips")) {
    if (body.allowed_ips === CLEAR) out.allowedIps = null;
    else {
      const ips = v.allowedIps(body.allowed_ips, ["body", "allowed_ips"]);
      if (ips.ok) out.allowedIps = ips.value;
    }
  }
  if (changing("third_party_disable_allowed")) {
    if (body.third_party_disable_allowed === CLEAR) out.thirdPartyDisableAllowed = null;
    else {
      const b = v.bool(body.third_party_disable_allowed, ["body", "third_party_disable_allowed"]);
      if (b.ok) out.thirdPartyDisableAllowed = b.value;
    }
  }
  for (const [slot, field] of CONCURRENCY_FIELDS) {
    if (!changing(field)) continue;
    if (body[field] === CLEAR) out.concurrency[slot] = null;
    else {
      const n = v.int(body[field], ["body", field]);
      if (n.ok) out.concurrency[slot] = n.value;
    }
  }
  return done(v, out);
}
