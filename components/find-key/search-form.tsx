"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useSyncExternalStore, type ClipboardEvent } from "react";
import { useForm } from "react-hook-form";
import { FormField, inputClass } from "@/components/ui/form-field";
import { classifyQuery } from "@/lib/find-key/classify";
import { findKeyBodySchema, type FindKeyBody } from "@/lib/find-key/schema";
import { FIND_INPUT_ID } from "@/lib/find-key/shortcut";

const noSubscription = () => () => {};

/**
 * The search box. A pasted secret is searched for at once and never shown in the box (paste, then
 * "Disable now", then confirm); a typed one is cleared as soon as it is sent. Anything else stays,
 * so a name can be refined.
 */
export function SearchForm({ onSearch, pending }: { onSearch: (query: string) => void; pending: boolean }) {
  const form = useForm<FindKeyBody>({
    resolver: zodResolver(findKeyBodySchema),
    defaultValues: { query: "" },
  });
  const { errors } = form.formState;
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const submit = form.handleSubmit(({ query }) => {
    if (classifyQuery(query).kind === "secret") form.reset({ query: "" });
    onSearch(query);
  });

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData("text");
    const parsed = findKeyBodySchema.safeParse({ query: pasted });
    // A name, a hint or something too long pastes as usual (and is checked when sent).
    if (!parsed.success || classifyQuery(parsed.data.query).kind !== "secret") return;
    event.preventDefault();
    form.reset({ query: "" });
    onSearch(parsed.data.query);
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
