"use client";
// react-hook-form's zod resolver, with the schema (and zod with it) fetched apart from the page's
// first load: when the page is idle (usePreloadResolver), or at the first validation if that comes
// sooner, which then waits the moment it takes. The form's rules and messages are the schema's, as
// with zodResolver itself; only when its code arrives changes.
import { useEffect } from "react";
import type { FieldValues, Resolver } from "react-hook-form";
import type { $ZodType, input, output } from "zod/v4/core";

export interface LazyResolver<S extends $ZodType> extends Resolver<
  input<S> & FieldValues,
  unknown,
  output<S> & FieldValues
> {
  /** Start fetching the schema now (once: later calls reuse the first). */
  preload(): void;
}

/** `load`: the schema, from a dynamic import (`() => import("@/lib/x/schema").then((m) => m.xSchema)`). */
export function lazyZodResolver<S extends $ZodType>(load: () => Promise<S>): LazyResolver<S> {
  type Values = input<S> & FieldValues;
  type Out = output<S> & FieldValues;
  let loading: Promise<Resolver<Values, unknown, Out>> | null = null;
  const resolver = () =>
    (loading ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) =>
        zodResolver(schema as never) as unknown as Resolver<Values, unknown, Out>,
    ));
  const lazy: LazyResolver<S> = Object.assign(
    ((values, context, options) => resolver().then((r) => r(values, context, options))) as Resolver<
      Values,
      unknown,
      Out
    >,
    {
      preload: () => {
        resolver().catch(() => {
          loading = null; // a failed fetch is tried again at the next validation
        });
      },
    },
  );
  return lazy;
}

/** Fetches the form's schema once the page is idle, so the first validation does not wait for it. */
export function usePreloadResolver(resolver: { preload(): void }): void {
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(() => resolver.preload(), { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => resolver.preload(), 200);
    return () => window.clearTimeout(id);
  }, [resolver]);
}
