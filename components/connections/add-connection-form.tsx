"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { lazySchema, usePlainForm } from "@/components/ui/plain-form";
import { applyFieldErrors, errorDetails } from "@/lib/http/client";
import {
  BASE_URL_HINTS,
  CONNECTION_PROVIDERS,
  ELEVENLABS_REGIONS,
  PROVIDER_LABELS,
  type ConnectionProvider,
} from "@/lib/connections/providers";
import { useAddConnection, type CheckedConnectionAnswer } from "@/lib/connections/queries";
import type { NewConnectionInput } from "@/lib/connections/schema";

// The schema (and zod) are not in the page's first load (components/ui/plain-form.ts).
const schema = lazySchema(() => import("@/lib/connections/schema").then((m) => m.newConnectionSchema));

const FIELDS = ["name", "provider", "baseUrl", "credential"] as const;
const OTHER = "other";
const EMPTY: NewConnectionInput = {
  name: "",
  provider: "elevenlabs",
  baseUrl: ELEVENLABS_REGIONS[0].baseUrl,
  credential: "",
};

/**
 * Adds a connection. Keydesk checks the credential with a live read before storing anything; if
 * the upstream refuses, its reason and request id come back onto the form and everything typed
 * stays (the credential too, so it can be corrected).
 */
export function AddConnectionForm({ onAdded }: { onAdded: (answer: CheckedConnectionAnswer) => void }) {
  const add = useAddConnection();
  const [serverError, setServerError] = useState<string | null>(null);
  const [region, setRegion] = useState<string>(ELEVENLABS_REGIONS[0].id);
  const [provider, setProvider] = useState<ConnectionProvider>(EMPTY.provider);
  const form = usePlainForm<NewConnectionInput, NewConnectionInput>({
    schema,
    defaultValues: EMPTY,
    onValuesChange: (values) => setProvider(values.provider),
  });
  const { errors } = form.formState;
  const picksRegion = provider === "elevenlabs" && region !== OTHER;

  const chooseProvider = (next: ConnectionProvider) => {
    form.setValue("provider", next);
    if (next === "elevenlabs" && region !== OTHER) {
      form.setValue("baseUrl", ELEVENLABS_REGIONS.find((r) => r.id === region)!.baseUrl);
    } else if (provider === "elevenlabs" && region !== OTHER) {
      form.setValue("baseUrl", "");
    }
  };
  const chooseRegion = (id: string) => {
    setRegion(id);
    const picked = ELEVENLABS_REGIONS.find((r) => r.id === id);
    form.setValue("baseUrl", picked ? picked.baseUrl : "");
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const answer = await add.mutateAsync(values);
      form.reset(EMPTY);
      setRegion(ELEVENLABS_REGIONS[0].id);
      onAdded(answer);
    } catch (error) {
      // The reason goes on its field, and in full (with the upstream's request id) under the form.
      applyFieldErrors(error, FIELDS, form.setError);
      setServerError(errorDetails(error));
    }
  });

  const providerField = form.register("provider");
  return (
    <section
      aria-labelledby="add-connection-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="add-connection-heading" className="text-base font-semibold">
        Add connection
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The credential is checked with a live read before it is saved, then kept encrypted; only its last four
        characters are ever shown.
      </p>
      <form
        onSubmit={onSubmit}
        noValidate
        className="mt-3 grid grid-cols-1 gap-4 wrap-anywhere sm:grid-cols-2"
        aria-describedby={serverError ? "add-connection-error" : undefined}
      >
        <FormField id="connection-name" label="Name" error={errors.name?.message}>
          {(describedBy) => (
            <input
              id="connection-name"
              type="text"
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("name")}
            />
          )}
        </FormField>
        <FormField id="connection-provider" label="Provider" error={errors.provider?.message}>
          {(describedBy) => (
            <select
              id="connection-provider"
              aria-invalid={errors.provider ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...providerField}
              onChange={(event) => chooseProvider(event.target.value as ConnectionProvider)}
            >
              {CONNECTION_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {PROVIDER_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {provider === "elevenlabs" ? (
          <FormField id="connection-region" label="Region">
            {(describedBy) => (
              <select
                id="connection-region"
                aria-describedby={describedBy}
                className={inputClass}
                value={region}
                onChange={(event) => chooseRegion(event.target.value)}
              >
                {ELEVENLABS_REGIONS.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
                <option value={OTHER}>Another URL</option>
              </select>
            )}
          </FormField>
        ) : null}
        <FormField
          id="connection-base-url"
          label="Base URL"
          hint={BASE_URL_HINTS[provider]}
          error={errors.baseUrl?.message}
        >
          {(describedBy) => (
            <input
              id="connection-base-url"
              type="url"
              autoComplete="off"
              readOnly={picksRegion}
              aria-invalid={errors.baseUrl ? true : undefined}
              aria-describedby={describedBy}
              className={`${inputClass} read-only:bg-slate-50`}
              {...form.register("baseUrl")}
            />
          )}
        </FormField>
        <FormField
          id="connection-credential"
          label="Admin credential"
          hint="Kept encrypted on the server; never sent back to a browser."
          error={errors.credential?.message}
        >
          {(describedBy) => (
            <input
              id="connection-credential"
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.credential ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("credential")}
            />
          )}
        </FormField>
        {serverError ? (
          <p
            id="add-connection-error"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 sm:col-span-2"
          >
            {serverError}
          </p>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={add.isPending} variant="primary">
            {add.isPending ? "Checking and adding…" : "Add connection"}
          </Button>
        </div>
      </form>
    </section>
  );
}
