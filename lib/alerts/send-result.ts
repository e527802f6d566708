// How a send ends: a result with the receiver's status, or a DeliveryFailure carrying it (null when
// no answer came). Its message is scrubbed before the log keeps it (scrub.ts).
export interface SendResult {
  responseStatus: number | null;
}

export class DeliveryFailure extends Error {
  override name = "DeliveryFailure";
  constructor(
    message: string,
    readonly responseStatus: number | null,
  ) {
    super(message);
  }
}
