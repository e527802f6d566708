// A provider call as a route handler needs its failure: a refusal of the input (the guard's, before
// any call) a 422 naming the field, an upstream failure its code with the upstream's request id.
import "server-only";
import { fromProviderError } from "@/lib/providers";

export async function providerCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fromProviderError(error);
  }
}
