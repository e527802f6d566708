"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { useAddAlertChannel, type NewChannelBody } from "@/lib/alerts/queries";
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  CHANNEL_TYPES,
  SMTP_SECURITY,
  type ChannelType,
} from "@/lib/alerts/types";
import type { ChannelView } from "@/lib/alerts/types";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import { KIND_LABELS, TYPE_LABELS } from "./alert-words";

type Values = Record<
  "name" | "url" | "secret" | "host" | "port" | "security" | "user" | "password" | "from" | "to",
  string
>;
const EMPTY: Values = {
  name: "",
  url: "",
  secret: "",
  host: "",
  port: "587",
  security: "starttls",
  user: "",
  password: "",
  from: "",
  to: "",
};

/** The body for the type chosen: only its fields, blanks left out (the server says what is missing). */
function bodyOf(
  type: ChannelType,
  v: Values,
  kinds: string[],
  minSeverity: string,
  untrusted: boolean,
): NewChannelBody {
  const common = { type, name: v.name, kinds, minSeverity };
  if (type === "webhook") return { ...common, url: v.url, secret: v.secret };
  if (type === "slack") return { ...common, url: v.url };
  return {
    ...common,
    host: v.host,
    port: Number(v.port),
    security: v.security,
    allowUntrustedCertificate: untrusted,
    ...(v.user ? { user: v.user } : {}),
    ...(v.password ? { password: v.password } : {}),
    from: v.from,
    to: v.to
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Adds a channel. Keydesk checks the fields; a refusal comes back onto the field it names. */
export function AddChannelForm({ onAdded }: { onAdded: (channel: ChannelView) => void }) {
  const add = useAddAlertChannel();
  const [type, setType] = useState<ChannelType>("webhook");
  const [values, setValues] = useState<Values>(EMPTY);
  const [kinds, setKinds] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState("info");
  const [untrusted, setUntrusted] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setServerError(null);
    try {
      const { channel } = await add.mutateAsync(bodyOf(type, values, kinds, minSeverity, untrusted));
      setValues(EMPTY);
      setKinds([]);
      onAdded(channel);
    } catch (error) {
      if (error instanceof ApiRequestError)
        setErrors(Object.fromEntries(error.fields.map((f) => [String(f.path[0] ?? "form"), f.message])));
      setServerError(errorDetails(error));
    }
  };

  const text = (name: keyof Values, label: string, options: { hint?: string; type?: string } = {}) => (
    <FormField id={`alert-${name}`} label={label} hint={options.hint} error={errors[name]}>
      {(describedBy) => (
        <input
          id={`alert-${name}`}
          type={options.type ?? "text"}
          value={values[name]}
          onChange={set(name)}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          className={inputClass}
        />
      )}
    </FormField>
  );

  return (
    <section
      aria-labelledby="add-channel-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="add-channel-heading" className="text-base font-semibold">
        Add a channel
      </h2>
      <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-4 sm:grid-cols-2">
        <FormField id="alert-type" label="Type" error={errors.type}>
          {(describedBy) => (
            <select
              id="alert-type"
              value={type}
              onChange={(e) => setType(e.target.value as ChannelType)}
              aria-describedby={describedBy}
              className={inputClass}
            >
              {CHANNEL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text("name", "Name")}
        {type === "webhook" ? (
          <>
            {text("url", "URL", { hint: "Keydesk POSTs JSON here, signed in X-Keydesk-Signature." })}
            {text("secret", "Signing secret", {
              type: "password",
              hint: "At least 16 characters; shown afterwards only by its last four.",
            })}
          </>
        ) : null}
        {type === "slack"
          ? text("url", "Incoming webhook URL", { hint: "Kept encrypted: the URL is the secret." })
          : null}
        {type === "email" ? (
          <>
            {text("host", "SMTP host")}
            {text("port", "Port", { type: "number" })}
            <FormField id="alert-security" label="Security" error={errors.security}>
              {(describedBy) => (
                <select
                  id="alert-security"
                  value={values.security}
                  onChange={set("security")}
                  aria-describedby={describedBy}
                  className={inputClass}
                >
                  {SMTP_SECURITY.map((s) => (
                    <option key={s} value={s}>
                      {s === "tls"
                        ? "TLS (port 465)"
                        : s === "starttls"
                          ? "STARTTLS (port 587)"
                          : "None (local relay)"}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <label className="flex items-center gap-2 self-end text-sm">
              <input type="checkbox" checked={untrusted} onChange={(e) => setUntrusted(e.target.checked)} />
              Accept a certificate no authority signed
            </label>
            {text("user", "User (optional)")}
            {text("password", "Password (optional)", { type: "password" })}
            {text("from", "From")}
            {text("to", "To", { hint: "One or more addresses, separated by commas." })}
          </>
        ) : null}
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">Alerts it gets (none ticked: every kind)</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {ALERT_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={(e) =>
                    setKinds((list) => (e.target.checked ? [...list, k] : list.filter((x) => x !== k)))
                  }
                />
                {KIND_LABELS[k]}
              </label>
            ))}
          </div>
          {errors.kinds ? <p className="mt-1 text-sm text-red-700">{errors.kinds}</p> : null}
        </fieldset>
        <FormField id="alert-severity" label="Lowest severity it gets" error={errors.minSeverity}>
          {(describedBy) => (
            <select
              id="alert-severity"
              value={minSeverity}
              onChange={(e) => setMinSeverity(e.target.value)}
              aria-describedby={describedBy}
              className={inputClass}
            >
              {ALERT_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="flex items-end sm:col-span-2">
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add channel"}
          </Button>
        </div>
        {serverError ? (
          <p role="alert" className="text-sm text-red-900 sm:col-span-2">
            {serverError}
          </p>
        ) : null}
      </form>
    </section>
  );
}
