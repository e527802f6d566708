"use client";
// The few form helpers the console's always-visible forms need (sign-in, Find a key's search, add a
// user, add a connection, accept an invite), without react-hook-form: its 13 KiB (gzip) were in the
// first load of every page with one of these forms, for what is a handful of plain inputs. Same
// behaviour as react-hook-form with a zod resolver in its default modes: inputs stay uncontrolled
// (what the server rendered is what the person types into), the schema (and zod with it) is fetched
// apart from the first load (when the page is idle, or at the first check if that comes sooner),
// the first check is on submit, then each change checks again; a refused submit focuses the first
// field in error; the handler gets the schema's output (trimmed and so on). Dialog forms keep
// react-hook-form: their code is not in any first load (components/ui/lazy-dialog.tsx).
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";

/** What a schema's safeParse answers, as far as a form reads it (zod's shape). */
interface Parsed<O> {
  success: boolean;
  data?: O;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}
interface FormSchema<O> {
  safeParse(values: unknown): Parsed<O>;
}

export type FieldErrors<V> = Partial<Record<keyof V & string, { message: string }>>;
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The schema, fetched once (again after a failed fetch), and fetched when the page is idle. */
export interface LazySchema<O> {
  (): Promise<FormSchema<O>>;
  preload(): void;
}

/** `load`: the schema, from a dynamic import (`() => import("@/lib/x/schema").then((m) => m.xSchema)`). */
export function lazySchema<O>(load: () => Promise<FormSchema<O>>): LazySchema<O> {
  let loading: Promise<FormSchema<O>> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null; // a failed fetch is tried again at the next check
      throw error;
    }));
  return Object.assign(get, { preload: () => void get().catch(() => undefined) });
}

/** The first message the schema gives for each top-level field, as zodResolver reports them. */
export function errorsOf<V>(parsed: Parsed<unknown>): FieldErrors<V> {
  const errors: Record<string, { message: string }> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const name = issue.path[0];
    if (typeof name === "string" && !errors[name]) errors[name] = { message: issue.message };
  }
  return errors as FieldErrors<V>;
}

/** Puts a value in an input the person types into (the form's inputs are not controlled by React). */
function write(field: Field, value: string): void {
  field.value = value;
}

export interface PlainForm<V extends Record<string, string>, O> {
  register(name: keyof V & string): {
    name: string;
    ref: (element: Field | null) => void;
    onChange: () => void;
  };
  handleSubmit(handler: (values: O) => unknown): (event?: FormEvent) => Promise<void>;
  formState: { errors: FieldErrors<V>; isSubmitting: boolean };
  setError(name: keyof V & string, error: { type?: string; message: string }): void;
  setValue(name: keyof V & string, value: string, options?: { shouldValidate?: boolean }): void;
  getValues(): V;
  reset(values: V): void;
}

export function usePlainForm<V extends Record<string, string>, O>({
  schema,
  defaultValues,
  onValuesChange,
}: {
  schema: LazySchema<O>;
  defaultValues: V;
  /** Told of a field's new value (a select the form shows more fields for, say). */
  onValuesChange?: (values: V) => void;
}): PlainForm<V, O> {
  // The inputs, in the order they were rendered (the first in error is focused on a refused submit).
  const fields = useRef(new Map<string, Field>());
  const values = useRef<V>({ ...defaultValues });
  const submitted = useRef(false);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [isSubmitting, setSubmitting] = useState(false);
  const changed = useRef(onValuesChange);
  useEffect(() => {
    changed.current = onValuesChange;
  });

  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(() => schema.preload(), { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => schema.preload(), 200);
    return () => window.clearTimeout(id);
  }, [schema]);

  const read = useCallback((): V => {
    const now = { ...values.current };
    for (const [name, field] of fields.current) (now as Record<string, string>)[name] = field.value;
    values.current = now;
    return now;
  }, []);

  /** Checks the whole form and shows the errors of `only` (every field when not given). */
  const check = useCallback(
    async (only?: string): Promise<Parsed<O>> => {
      const parsed = (await schema()).safeParse(read());
      const found = errorsOf<V>(parsed);
      setErrors((shown) => {
        if (only === undefined) return found;
        const next = { ...shown } as Record<string, { message: string } | undefined>;
        next[only] = (found as Record<string, { message: string } | undefined>)[only];
        if (!next[only]) delete next[only];
        return next as FieldErrors<V>;
      });
      return parsed;
    },
    [schema, read],
  );

  // One ref and handler per field for the form's life: a new ref each render would detach and
  // re-attach the input every time.
  const registered = useRef(new Map<string, ReturnType<PlainForm<V, O>["register"]>>());
  const register = (name: keyof V & string) => {
    let props = registered.current.get(name);
    if (!props) {
      props = {
        name,
        ref: (element: Field | null) => {
          if (!element) {
            fields.current.delete(name);
            return;
          }
          if (fields.current.get(name) !== element) write(element, values.current[name] ?? "");
          fields.current.set(name, element);
        },
        onChange: () => {
          const now = read();
          changed.current?.(now);
          if (submitted.current) void check(name).catch(() => undefined);
        },
      };
      registered.current.set(name, props);
    }
    return props;
  };

  const handleSubmit = (handler: (values: O) => unknown) => async (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitting(true);
    try {
      const parsed = await check();
      submitted.current = true;
      if (!parsed.success) {
        const invalid = errorsOf<V>(parsed) as Record<string, unknown>;
        for (const [name, field] of fields.current) {
          if (invalid[name]) {
            field.focus();
            break;
          }
        }
        return;
      }
      await handler(parsed.data as O);
    } finally {
      setSubmitting(false);
    }
  };

  const setValue = (name: keyof V & string, value: string, options?: { shouldValidate?: boolean }) => {
    const field = fields.current.get(name);
    if (field) write(field, value);
    values.current = { ...values.current, [name]: value };
    changed.current?.(read());
    if (options?.shouldValidate) void check(name).catch(() => undefined);
  };

  const reset = (next: V) => {
    values.current = { ...next };
    for (const [name, field] of fields.current) write(field, next[name] ?? "");
    submitted.current = false;
    setErrors({});
    changed.current?.(values.current);
  };

  const setError = (name: keyof V & string, error: { message: string }) =>
    setErrors((shown) => ({ ...shown, [name]: { message: error.message } }));

  return {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
    setError,
    setValue,
    getValues: read,
    reset,
  };
}
