// useMutation's surface for a change a page offers in its first load (the status switch, a user's
// role, an account's sessions), without react-query's mutation observer and its React glue (about
// 1.2 KiB gzip in that first load). The change still runs through the client's mutation cache, as
// a mutation built from these options: the client's defaults (never retried), onMutate's
// optimistic update and its rollback, and onSettled's invalidation behave exactly as with
// useMutation. A bundle takes a module whole, so the hook modules of the pages' first load use it
// for all their changes, the dialogs' included (./DECISIONS.md).
import { useQueryClient, type QueryClient, type MutationOptions } from "@tanstack/react-query";
import { useState } from "react";

/** Runs one change through the client's mutation cache, as useMutation's mutateAsync does. */
export function runMutation<TData, TVariables, TContext>(
  client: QueryClient,
  options: MutationOptions<TData, Error, TVariables, TContext>,
  variables: TVariables,
): Promise<TData> {
  return client.getMutationCache().build(client, options).execute(variables);
}

export interface MutateCallbacks<TData, TVariables> {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: Error, variables: TVariables) => void;
}

export interface LeanMutation<TData, TVariables> {
  mutate: (variables: TVariables, callbacks?: MutateCallbacks<TData, TVariables>) => void;
  mutateAsync: (variables: TVariables) => Promise<TData>;
  isPending: boolean;
  /** What the change in flight (or the last one) was asked with. */
  variables: TVariables | undefined;
  error: Error | null;
}

interface Status<TVariables> {
  isPending: boolean;
  variables: TVariables | undefined;
  error: Error | null;
}

export function useLeanMutation<TData, TVariables, TContext = unknown>(
  options: MutationOptions<TData, Error, TVariables, TContext>,
): LeanMutation<TData, TVariables> {
  const client = useQueryClient();
  const [status, setStatus] = useState<Status<TVariables>>({
    isPending: false,
    variables: undefined,
    error: null,
  });
  const mutateAsync = async (variables: TVariables) => {
    setStatus({ isPending: true, variables, error: null });
    try {
      const data = await runMutation(client, options, variables);
      setStatus({ isPending: false, variables, error: null });
      return data;
    } catch (error) {
      setStatus({ isPending: false, variables, error: error as Error });
      throw error;
    }
  };
  const mutate = (variables: TVariables, callbacks: MutateCallbacks<TData, TVariables> = {}) => {
    mutateAsync(variables).then(
      (data) => callbacks.onSuccess?.(data, variables),
      (error: Error) => callbacks.onError?.(error, variables),
    );
  };
  return { ...status, mutate, mutateAsync };
}
