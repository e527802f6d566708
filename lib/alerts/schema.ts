// What the Alerts page's form sends and /api/alerts/channels parses: one schema per channel type,
// told apart by `type` (zod/mini, lib/text/zod-mini.ts). Messages never quote a value back, so a
// secret typed into the wrong field is not echoed in a 422.
import * as z from "@/lib/text/zod-mini";
import { refuseSecret, safeText } from "@/lib/text/safe-text";
import { outboundUrlProblem } from "./outbound-url";
import { ALERT_KINDS, ALERT_SEVERITIES, SMTP_SECURITY } from "./types";

const nameField = safeText({ error: "Enter a name." }).check(
  z.superRefine(refuseSecret("names")),
  z.trim(),
  z.minLength(1, "Enter a name."),
  z.maxLength(100, "A name is at most 100 characters."),
);

const urlField = safeText({ error: "Enter the URL." }).check(
  z.trim(),
  z.minLength(1, "Enter the URL."),
  z.maxLength(2000, "A URL is at most 2000 characters."),
  z.superRefine((text, ctx) => {
    const problem = outboundUrlProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
);

const printableSecret = (what: string, min: number) =>
  safeText({ error: `Enter the ${what}.` }).check(
    z.minLength(min, `The ${what} is at least ${min} characters.`),
    z.maxLength(512, `The ${what} is at most 512 characters.`),
    z.regex(/^[\x21-\x7e]+$/, `The ${what} is printable ASCII with no spaces.`),
  );

const emailAddress = safeText({ error: "Enter an email address." }).check(
  z.trim(),
  z.maxLength(254, "An email address is at most 254 characters."),
  z.regex(/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/, "Enter an email address like alerts@example.com."),
);

const common = {
  name: nameField,
  kinds: z.optional(
    z
      .array(z.enum(ALERT_KINDS, { error: "Choose kinds from the list." }))
      .check(z.maxLength(ALERT_KINDS.length)),
  ),
  minSeverity: z.optional(z.enum(ALERT_SEVERITIES, { error: "Choose info, warning or urgent." })),
};

export const webhookChannelSchema = z.strictObject({
  type: z.literal("webhook"),
  ...common,
  url: urlField,
  secret: printableSecret("signing secret", 16),
});

export const slackChannelSchema = z.strictObject({
  type: z.literal("slack"),
  ...common,
  url: urlField,
});

export const emailChannelSchema = z
  .strictObject({
    type: z.literal("email"),
    ...common,
    host: safeText({ error: "Enter the SMTP host." }).check(
      z.trim(),
      z.minLength(1, "Enter the SMTP host."),
      z.maxLength(253, "A host name is at most 253 characters."),
      z.regex(/^[A-Za-z0-9.:[\]-]+$/, "Enter a host name or an IP address."),
    ),
    port: z
      .int({ error: "Enter a port number." })
      .check(z.minimum(1, "A port is 1 to 65535."), z.maximum(65535, "A port is 1 to 65535.")),
    security: z.enum(SMTP_SECURITY, { error: "Choose tls, starttls or none." }),
    allowUntrustedCertificate: z.optional(z.boolean({ error: "Answer true or false." })),
    user: z.optional(safeText().check(z.trim(), z.maxLength(254, "A user name is at most 254 characters."))),
    password: z.optional(printableSecret("SMTP password", 1)),
    from: emailAddress,
    to: z
      .array(emailAddress, { error: "Enter at least one recipient." })
      .check(z.minLength(1, "Enter at least one recipient."), z.maxLength(20, "At most 20 recipients.")),
  })
  .check(
    z.superRefine((value, ctx) => {
      // A password is never sent in the clear: with one, the connection must be TLS or STARTTLS.
      if (value.password && value.security === "none")
        ctx.addIssue({
          code: "custom",
          path: ["password"],
          message: "A password needs tls or starttls: Keydesk does not send one unencrypted.",
        });
      if (value.password && !value.user)
        ctx.addIssue({ code: "custom", path: ["user"], message: "Enter the user the password belongs to." });
    }),
  );

export const newChannelSchema = z.discriminatedUnion(
  "type",
  [webhookChannelSchema, slackChannelSchema, emailChannelSchema],
  { error: "Choose a type: webhook, slack or email." },
);
export type NewChannelInput = z.infer<typeof newChannelSchema>;

export const channelIdParamsSchema = z.object({
  channelId: safeText().check(z.minLength(1), z.maxLength(100)),
});
