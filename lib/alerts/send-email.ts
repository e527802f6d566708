// Email deliveries over SMTP with nodemailer: TLS from the start ("tls", port 465), STARTTLS required
// ("starttls", 587), or none (a local relay; never with a password, schema.ts). A certificate must be
// valid unless the admin allowed an untrusted one. Short timeouts: a silent server is a failure to
// retry later, not a stuck delivery. The server's address is checked first (smtp-host.ts: the
// internal-address policy of webhooks and upstreams) and nodemailer connects to that checked address,
// with the host's name for TLS (SNI and the certificate's name).
import "server-only";
import nodemailer from "nodemailer";
import { DeliveryFailure, type SendResult } from "./send-result";
import { smtpTarget, type SmtpHostCheck } from "./smtp-host";
import type { EmailConfig } from "./types";

const TIMEOUT_MS = 10_000;

export interface EmailMessage {
  subject: string;
  text: string;
}

export async function sendEmail(
  config: EmailConfig,
  password: string | null,
  message: EmailMessage,
  check: SmtpHostCheck = {},
): Promise<SendResult> {
  const target = await smtpTarget(config.host, check);
  // Refused before any connection: nothing is sent, the password least of all.
  if (!target.ok) throw new DeliveryFailure(target.problem, null);
  const transport = nodemailer.createTransport({
    host: target.address,
    servername: target.servername,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    auth: config.user && password ? { user: config.user, pass: password } : undefined,
    tls: { rejectUnauthorized: !config.allowUntrustedCertificate },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    // nodemailer's own logger stays off: it would print the conversation, AUTH included.
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: message.subject,
      text: message.text,
    });
    return { responseStatus: null };
  } catch (error) {
    const code = (error as { responseCode?: unknown }).responseCode;
    throw new DeliveryFailure(
      `The SMTP server refused or could not be reached: ${(error as Error).message}`,
      typeof code === "number" ? code : null,
    );
  } finally {
    transport.close();
  }
}
