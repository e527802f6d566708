// A test send's answer as the page reads it (send.ts's SendOutcome with the delivery's id). Browser-safe.
export interface SendOutcomeView {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  deliveryId: number;
}
