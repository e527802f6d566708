// What an edit changes, for the preview before saving and for the PATCH body: only the fields that
// differ, and for each the value it had when the edit began (the server's conflict check).
import { allowlistSummary, permissionSummary } from "@/lib/keys/summary";
import { formatCharacterLimit } from "@/lib/format";
import { normaliseAllowlistEntry } from "@/lib/ip/cidr";
import type { Permissions } from "@/lib/permissions";
import type { KeyView } from "@/lib/keys/view";
import { sameValue } from "@/lib/keys/compare";

export interface EditableKeyFields {
  name: string;
  permissions: Permissions;
  characterLimit: number | null;
  allowedIps: string[] | null;
}

export type DiffField = keyof EditableKeyFields;

export interface FieldChange {
  field: DiffField;
  label: string;
  before: string;
  after: string;
}

const LABELS: Record<DiffField, string> = {
  name: "Name",
  permissions: "Permissions",
  characterLimit: "Monthly limit",
  allowedIps: "IP allowlist",
};

function normalisedIps(list: string[] | null): string[] | null {
  return list === null ? null : list.map((e) => normaliseAllowlistEntry(e.trim()) ?? e.trim());
}

/** The server's own equality (lib/keys/compare.ts), so the preview and the save never disagree. */
export function isSameValue(
  field: DiffField,
  a: EditableKeyFields[DiffField],
  b: EditableKeyFields[DiffField],
): boolean {
  return sameValue(field, a, b);
}

export function describeValue(field: DiffField, value: EditableKeyFields[DiffField]): string {
  switch (field) {
    case "permissions":
      return permissionSummary(value as Permissions);
    case "characterLimit":
      return formatCharacterLimit(value as number | null);
    case "allowedIps": {
      const list = normalisedIps(value as string[] | null);
      return list === null
        ? "Any IP (no allowlist)"
        : list.length <= 3
          ? list.join(", ")
          : allowlistSummary(list);
    }
    default:
      return String(value);
  }
}

export const DIFF_FIELDS: readonly DiffField[] = ["name", "permissions", "characterLimit", "allowedIps"];

export function pickEditable(key: Pick<KeyView, DiffField>): EditableKeyFields {
  return {
    name: key.name,
    permissions: key.permissions,
    characterLimit: key.characterLimit,
    allowedIps: key.allowedIps,
  };
}

/** The fields that differ between where the edit began and the draft, in a fixed order. */
export function diffKey(original: EditableKeyFields, draft: EditableKeyFields): FieldChange[] {
  return DIFF_FIELDS.filter((f) => !isSameValue(f, original[f], draft[f])).map((field) => ({
    field,
    label: LABELS[field],
    before: describeValue(field, original[field]),
    after: describeValue(field, draft[field]),
  }));
}

/** The PATCH body: the changed fields and, under `expected`, their values when the edit began. */
export function changeBody(original: EditableKeyFields, draft: EditableKeyFields) {
  const changed = diffKey(original, draft).map((c) => c.field);
  const body: Partial<EditableKeyFields> = {};
  const expected: Partial<EditableKeyFields> = {};
  for (const f of changed) {
    (body as Record<string, unknown>)[f] = draft[f];
    (expected as Record<string, unknown>)[f] = original[f];
  }
  return { ...body, expected };
}

/** After a 409: which of the fields this edit touches someone else changed meanwhile. */
export function movedFields(
  original: EditableKeyFields,
  current: EditableKeyFields,
  touched: readonly DiffField[],
): FieldChange[] {
  return touched
    .filter((f) => !isSameValue(f, original[f], current[f]))
    .map((field) => ({
      field,
      label: LABELS[field],
      before: describeValue(field, original[field]),
      after: describeValue(field, current[field]),
    }));
}
