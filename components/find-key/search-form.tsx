"use client";

import { Button } from "@/components/ui/button";
import type { ClipboardEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { classifyQuery } from "@/lib/find-key/classify";
import type { FindKeyBody } from "@/lib/find-key/schema";
import { FIND_INPUT_ID } from "@/lib/find-key/shortcut";
import { lazySchema, usePlainForm } from "@/components/ui/plain-form";

// The schema (and zod) are not in the page's first load (components/ui/plain-form.ts); once
// here, a paste checks against it at once.
type QuerySchema = typeof import("@/lib/find-key/schema").findKeyBodySchema;
let querySchema: QuerySchema | null = null;
const loadQuerySchema = (): Promise<QuerySchema> =>
  import("@/lib/find-key/schema").then((m) => (querySchema = m.findKeyBodySchema));
const searchSchema = lazySchema(loadQuerySchema);

/** The query a paste searches for at once (a valid secret), or null when it pastes as usual. */
function pastedSecret(schema: QuerySchema, pasted: string): string | null {
  const parsed = schema.safeParse({ query: pasted });
  // A name, a hint or something too long pastes as usual (and is checked when sent).
  return parsed.success && classifyQuery(parsed.data.query).kind === "secret" ? parsed.data.query : null;
}

/**
 * The search box. A pasted secret is searched for at once and never shown in the box (paste, then
 * "Disable now", then confirm); a typed one is cleared as soon as it is sent. Anything else stays,
 * so a name can be refined.
 */
export function SearchForm({ onSearch, pending }: { onSearch: (query: string) => void; pending: boolean }) {
  const form = usePlainForm<FindKeyBody, FindKeyBody>({ schema: searchSchema, defaultValues: { query: "" } });
  const { errors } = form.formState;
  const hydrated = useHydrated();

  const submit = form.handleSubmit(({ query }) => {
    if (classifyQuery(query).kind === "secret") form.reset({ query: "" });
    onSearch(query);
  });

  const searchNow = (secret: string) => {
    form.reset({ query: "" });
    onSearch(secret);
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData("text");
    if (querySchema) {
      const secret = pastedSecret(querySchema, pasted);
      if (secret === null) return;
      event.preventDefault();
      return searchNow(secret);
    }
    // A paste in the page's first moments, before the schema has come: held (so a secret never
    // shows in the box) until it has, then searched for, or put in the box as the paste would have.
    event.preventDefault();
    const input = event.currentTarget;
    const { value } = input;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? start;
    const pasteAsUsual = () => {
      form.setValue("query", value.slice(0, start) + pasted + value.slice(end));
      input.setSelectionRange(start + pasted.length, start + pasted.length);
    };
    loadQuerySchema().then((schema) => {
      const secret = pastedSecret(schema, pasted);
      if (secret === null) pasteAsUsual();
      else searchNow(secret);
    }, pasteAsUsual);
  };

  return (
    // Before the script runs, Enter must not submit the form the browser's way (a GET would put the
    // secret in the URL): the button stays disabled until then, which blocks implicit submission,
    // and the method is POST in case anything submits it anyway.
    <form
      role="search"
      aria-label="Find a key"
      method="post"
      onSubmit={submit}
      noValidate
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <FormField
        id={FIND_INPUT_ID}
        label="Secret, last four characters, name or key id"
        hint="A pasted secret is searched for at once: it is hashed on Keydesk's server, never stored or shown, and only its last four characters are recorded."
        error={errors.query?.message}
      >
        {(describedBy) => (
          <div className="flex flex-wrap gap-2 sm:flex-nowrap">
            <input
              id={FIND_INPUT_ID}
              type="text"
              // The page exists to search: "/" from anywhere lands here ready to paste.
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={errors.query ? true : undefined}
              aria-describedby={describedBy}
              className={`${inputClass} font-mono`}
              {...form.register("query")}
              onPaste={onPaste}
            />
            <Button type="submit" disabled={pending || !hydrated} variant="primary" className="mt-1 shrink-0">
              {pending ? "Searching…" : "Search"}
            </Button>
          </div>
        )}
      </FormField>
    </form>
  );
}
