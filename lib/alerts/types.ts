// The delivery side's words: channel types, what each keeps in the clear (`config`), and what leaves
// the server about a channel and a delivery (views). Browser-safe: no server code here.
import type { AlertKind, AlertSeverity } from "./events";

export const CHANNEL_TYPES = ["webhook", "slack", "email"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const ALERT_KINDS = [
  "key_disabled",
  "leak_reported",
  "outside_change",
  "limit_reached",
  "policy_broken",
  "audit_chain_failed",
  "audit_anchored",
  "job_failing",
] as const satisfies readonly AlertKind[];

export const ALERT_SEVERITIES = ["info", "warning", "urgent"] as const satisfies readonly AlertSeverity[];

/** How an SMTP connection is protected: TLS from the start (465), STARTTLS required (587), or none (a local relay). */
export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** A webhook's URL is shown; its signing secret is not. */
export interface WebhookConfig {
  url: string;
}
/** A Slack URL is itself the secret (its path is the token): only its host is shown. */
export interface SlackConfig {
  host: string;
}
export interface EmailConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Accept a certificate no authority signed (a relay with its own); off unless asked. */
  allowUntrustedCertificate: boolean;
  user: string | null;
  from: string;
  to: string[];
}
export type ChannelConfig = WebhookConfig | SlackConfig | EmailConfig;

/** A channel as the page sees it: the secret only as its last four characters. */
export interface ChannelView {
  id: string;
  type: ChannelType;
  name: string;
  config: ChannelConfig;
  secretHint: string;
  hasSecret: boolean;
  enabled: boolean;
  /** The kinds it gets; empty: every kind. */
  kinds: AlertKind[];
  minSeverity: AlertSeverity;
  createdAt: string;
}

export const DELIVERY_STATUSES = ["pending", "sent", "failed", "dropped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryView {
  id: number;
  channelId: string;
  channelName: string;
  eventKind: string;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: string;
  updatedAt: string;
}
