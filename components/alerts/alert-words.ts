// Plain words for alert kinds, severities, channel types and delivery statuses, for the Alerts page.
import type { ChannelType, DeliveryStatus } from "@/lib/alerts/types";

export const KIND_LABELS: Record<string, string> = {
  key_disabled: "Key disabled",
  leak_reported: "Key reported leaked",
  outside_change: "Changed outside Keydesk",
  limit_reached: "Limit 80% / 100% reached",
  policy_broken: "Policy broken",
  audit_chain_failed: "Audit chain failed to verify",
  audit_anchored: "Audit log anchored (signed, hourly)",
  job_failing: "Job keeps failing",
  channel_test: "Test",
};

export const TYPE_LABELS: Record<ChannelType, string> = {
  webhook: "Signed webhook",
  slack: "Slack webhook",
  email: "Email (SMTP)",
};

export const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Retrying",
  sent: "Delivered",
  failed: "Gave up",
  dropped: "Dropped",
};
