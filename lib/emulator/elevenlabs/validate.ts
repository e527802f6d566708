// Request-body validation in the manner of FastAPI with pydantic v2 (lax mode): every field is
// checked, every problem is reported with its `loc`, extra fields are ignored, numeric strings
// pass as integers. Where pydantic would report one error per union member, we report the single
// error a client can act on, at the field's own `loc` (see the emulator's README).
import type { ValidationIssue } from "./errors";
import { normaliseIpNetwork } from "./ip-network";
import { PERMISSION_TYPES, isPermissionType, type PermissionType } from "./permissions";

type Loc = (string | number)[];
type Result<T> = { ok: true; value: T } | { ok: false };

export class Validator {
  readonly issues: ValidationIssue[] = [];

  fail<T>(type: string, loc: Loc, msg: string, input: unknown, ctx?: Record<string, unknown>): Result<T> {
    this.issues.push(ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input });
    return { ok: false };
  }

  /** The body must be a JSON object (a pydantic model). */
  object(body: unknown): Record<string, unknown> | null {
    if (body !== null && typeof body === "object" && !Array.isArray(body))
      return body as Record<string, unknown>;
    this.fail(
      "model_attributes_type",
      ["body"],
      "Input should be a valid dictionary or object to extract fields from",
      body,
    );
    return null;
  }

  /**
   * A top-level body field. ElevenLabs reports a missing one with `"input": null` (API.md §5, the
   * observed `{"type":"missing","loc":["body","name"],"msg":"Field required","input":null}`: FastAPI
   * checks each body field on its own), not with the whole body as plain pydantic would.
   */
  required(body: Record<string, unknown>, field: string): Result<unknown> {
    if (field in body) return { ok: true, value: body[field] };
    return this.fail("missing", ["body", field], "Field required", null);
  }

  string(value: unknown, loc: Loc): Result<string> {
    if (typeof value === "string") return { ok: true, value };
    return this.fail("string_type", loc, "Input should be a valid string", value);
  }

  int(value: unknown, loc: Loc): Result<number> {
    if (typeof value === "boolean") return { ok: true, value: value ? 1 : 0 };
    if (typeof value === "number") {
      if (Number.isInteger(value)) return { ok: true, value };
      if (Number.isFinite(value)) {
        return this.fail(
          "int_from_float",
          loc,
          "Input should be a valid integer, got a number with a fractional part",
          value,
        );
      }
    }
    if (typeof value === "string") {
      if (/^\s*[+-]?\d+\s*$/.test(value)) return { ok: true, value: Number.parseInt(value.trim(), 10) };
      return this.fail(
        "int_parsing",
        loc,
        "Input should be a valid integer, unable to parse string as an integer",
        value,
      );
    }
    return this.fail("int_type", loc, "Input should be a valid integer", value);
  }

  bool(value: unknown, loc: Loc): Result<boolean> {
    if (typeof value === "boolean") return { ok: true, value };
    if (value === 0 || value === 1) return { ok: true, value: value === 1 };
    if (typeof value === "string") {
      const lower = value.toLowerCase();
      if (["1", "on", "t", "true", "y", "yes"].includes(lower)) return { ok: true, value: true };
      if (["0", "off", "f", "false", "n", "no"].includes(lower)) return { ok: true, value: false };
      return this.fail(
        "bool_parsing",
        loc,
        "Input should be a valid boolean, unable to interpret input",
        value,
      );
    }
    return this.fail("bool_type", loc, "Input should be a valid boolean", value);
  }

  literal<T extends string>(value: unknown, loc: Loc, allowed: readonly T[]): Result<T> {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value))
      return { ok: true, value: value as T };
    const expected = quoteList(allowed);
    return this.fail("literal_error", loc, `Input should be ${expected}`, value, { expected });
  }

  list(value: unknown, loc: Loc, bounds?: { min?: number; max?: number }): Result<unknown[]> {
    if (!Array.isArray(value)) return this.fail("list_type", loc, "Input should be a valid list", value);
    if (bounds?.min !== undefined && value.length < bounds.min) {
      return this.fail(
        "too_short",
        loc,
        `List should have at least ${bounds.min} item${bounds.min === 1 ? "" : "s"} after validation, not ${value.length}`,
        value,
        { field_type: "List", min_length: bounds.min, actual_length: value.length },
      );
    }
    if (bounds?.max !== undefined && value.length > bounds.max) {
      return this.fail(
        "too_long",
        loc,
        `List should have at most ${bounds.max} items after validation, not ${value.length}`,
        value,
        { field_type: "List", max_length: bounds.max, actual_length: value.length },
      );
    }
    return { ok: true, value };
  }

  /** `PermissionType[]` or the literal "all"; a list is de-duplicated, keeping its order. */
  permissions(value: unknown, loc: Loc): Result<PermissionType[] | "all"> {
    if (typeof value === "string") return this.literal(value, loc, ["all"] as const);
    const list = this.list(value, loc);
    if (!list.ok) return list;
    let ok = true;
    list.value.forEach((item, i) => {
      if (!isPermissionType(item)) {
        const expected = quoteList(PERMISSION_TYPES);
        this.fail("enum", [...loc, i], `Input should be ${expected}`, item, { expected });
        ok = false;
      }
    });
    return ok ? { ok: true, value: [...new Set(list.value as PermissionType[])] } : { ok: false };
  }

  /** 1 to 100 IP addresses or CIDR ranges, each normalised (bare IP to /32 or /128, host bits masked). */
  allowedIps(value: unknown, loc: Loc): Result<string[]> {
    const list = this.list(value, loc, { min: 1, max: 100 });
    if (!list.ok) return list;
    const normalised: string[] = [];
    list.value.forEach((item, i) => {
      const text = this.string(item, [...loc, i]);
      if (!text.ok) return;
      const entry = normaliseIpNetwork(text.value);
      if (entry === null) {
        this.fail(
          "value_error",
          [...loc, i],
          `Value error, '${text.value}' does not appear to be an IPv4 or IPv6 network`,
          item,
          { error: {} },
        );
        return;
      }
      normalised.push(entry);
    });
    return normalised.length === list.value.length ? { ok: true, value: normalised } : { ok: false };
  }
}

/** pydantic's way of listing expected values: `'a', 'b' or 'c'`. */
function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length === 1) return quoted[0]!;
  return `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}
