// Checks an operation's input against a provider's capabilities before anything goes upstream.
// Driven by the capability data alone, so every adapter refuses the same things the same way.
import "server-only";
import { ProviderRefusal } from "./errors";
import type { KeyChanges, KeyRef, NewKey, PermissionsInput, ProviderCapabilities } from "./types";

/** Control characters and lone surrogates: nothing a name or an id should hold. */
const UNSAFE_TEXT =
  /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An id that is one safe path segment: not empty, not `.` or `..`, no `/`, nothing unsafe. */
export function isSafeId(id: unknown): id is string {
  return (
    typeof id === "string" &&
    id.length > 0 &&
    id.length <= 200 &&
    id !== "." &&
    id !== ".." &&
    !id.includes("/") &&
    !UNSAFE_TEXT.test(id)
  );
}

/** The key (and its group, when given) can be named in a path; refused before any call otherwise. */
export function checkRef(ref: KeyRef): void {
  if (!isSafeId(ref?.id)) throw new ProviderRefusal("invalid", ["id"], "That is not a key id.");
  if (ref.group && !isSafeId(ref.group.id))
    throw new ProviderRefusal("invalid", ["group"], "That is not a group id.");
}

const unsupported = (caps: ProviderCapabilities, field: string, what: string) =>
  new ProviderRefusal("not_supported", [field], `${caps.label} keys have no ${what}.`);

function checkName(caps: ProviderCapabilities, name: unknown): void {
  if (typeof name !== "string" || name.trim().length === 0)
    throw new ProviderRefusal("invalid", ["name"], "A key needs a name.");
  if (UNSAFE_TEXT.test(name))
    throw new ProviderRefusal(
      "invalid",
      ["name"],
      "A key name cannot hold control characters or broken Unicode.",
    );
  if (name.length > caps.name.maxLength)
    throw new ProviderRefusal(
      "invalid",
      ["name"],
      `${caps.label} key names are at most ${caps.name.maxLength} characters.`,
    );
}

function checkPermissions(caps: ProviderCapabilities, permissions: PermissionsInput): void {
  if (permissions.kind !== caps.permissions.kind)
    throw new ProviderRefusal(
      "invalid",
      ["permissions"],
      `${caps.label} keys take permissions of the kind "${caps.permissions.kind}", not "${permissions.kind}".`,
    );
  const value = permissions.value;
  if (value === "all") {
    if (caps.permissions.kind === "key_type")
      throw new ProviderRefusal(
        "invalid",
        ["permissions"],
        `A ${caps.label} key type is "private" or "public".`,
      );
    return;
  }
  const allowed: readonly string[] = caps.permissions.values;
  const values = Array.isArray(value) ? value : [value];
  // An empty scope list would mean "unrestricted" to DocSpace: "all" must be said, not implied.
  if (Array.isArray(value) && value.length === 0 && caps.permissions.kind === "scopes")
    throw new ProviderRefusal("invalid", ["permissions"], 'Give at least one scope, or "all".');
  values.forEach((v, i) => {
    if (!allowed.includes(v))
      throw new ProviderRefusal(
        "invalid",
        ["permissions", i],
        `"${String(v)}" is not a ${caps.label} permission.`,
      );
  });
}

/** The restriction fields both create and change share. */
function checkRestrictions(caps: ProviderCapabilities, input: KeyChanges | NewKey): void {
  if (input.characterLimit !== undefined && !caps.characterLimit)
    throw unsupported(caps, "characterLimit", "character limit");
  if (input.ipAllowlist !== undefined && !caps.ipAllowlist)
    throw unsupported(caps, "ipAllowlist", "IP allowlist");
  if (input.allowedOrigins !== undefined && !caps.originRestriction)
    throw unsupported(caps, "allowedOrigins", "origin restriction");
  if (input.assistants !== undefined && !caps.resourceRestriction)
    throw unsupported(caps, "assistants", "assistant restriction");
}

export function checkNewKey(caps: ProviderCapabilities, input: NewKey): void {
  checkName(caps, input.name);
  if (caps.groups && !input.groupId)
    throw new ProviderRefusal(
      "invalid",
      ["groupId"],
      `A ${caps.label} key is created in a ${caps.groups.label}: name one.`,
    );
  if (!caps.groups && input.groupId !== undefined) throw unsupported(caps, "groupId", "groups");
  if (input.groupId !== undefined && !isSafeId(input.groupId))
    throw new ProviderRefusal("invalid", ["groupId"], "That is not a group id.");
  checkPermissions(caps, input.permissions);
  checkRestrictions(caps, input);
  if (input.expiresInDays !== undefined && input.expiresInDays !== null) {
    if (!caps.expiry) throw unsupported(caps, "expiresInDays", "expiry");
    const days = input.expiresInDays;
    if (!Number.isInteger(days) || days < caps.expiry.minDays || days > caps.expiry.maxDays)
      throw new ProviderRefusal(
        "invalid",
        ["expiresInDays"],
        `${caps.label} keys expire after ${caps.expiry.minDays} to ${caps.expiry.maxDays} whole days.`,
      );
  }
}

export function checkChanges(caps: ProviderCapabilities, changes: KeyChanges): void {
  if ("expiresInDays" in changes)
    throw new ProviderRefusal(
      "not_supported",
      ["expiresInDays"],
      "A key's expiry is set when it is created and cannot change.",
    );
  if (changes.name !== undefined) checkName(caps, changes.name);
  if (changes.permissions !== undefined) {
    if (!caps.permissions.editable)
      throw new ProviderRefusal(
        "not_supported",
        ["permissions"],
        `A ${caps.label} key's type is fixed when it is created: rotate to a new key to change it.`,
      );
    checkPermissions(caps, changes.permissions);
  }
  checkRestrictions(caps, changes);
}

export function checkCanDisable(caps: ProviderCapabilities): void {
  if (!caps.disable)
    throw new ProviderRefusal(
      "not_supported",
      ["enabled"],
      `${caps.label} keys cannot be disabled. Rotate the key (create a twin, then delete the old one) or delete it.`,
    );
}
