// The jobs API's path parameters.
import { z } from "zod";

export const jobRunParamsSchema = z.object({
  // pg-boss's run ids are UUIDs.
  runId: z.uuid({ message: "must be a job run's id (a UUID)." }),
});

export const jobNameParamsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[\w-]+$/, { message: "must be a job's name (letters, digits, - and _)." }),
});
