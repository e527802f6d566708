// The two reads behind "All keys" and the overview, with the primary connection as one connection
// among the others: when the user's access leaves it out (the page says so from the server, or a
// 403 says so later) it is simply not there: no read of it, no error, the other connections'
// keys are the whole answer. Client-only (react-query).
import type { OtherConnectionRead } from "./connections";
import { isPrimaryLeftOut, useInventory, useOtherConnections, type InventoryResponse } from "./queries";

export interface EveryConnection {
  /** The primary connection's read; null when left out (or not read yet). */
  primary: InventoryResponse | null;
  /** The user's access does not include the primary connection. */
  primaryLeftOut: boolean;
  /** The primary connection's query itself, for its error and refetch (unused when left out). */
  primaryQuery: ReturnType<typeof useInventory>;
  others: ReturnType<typeof useOtherConnections>;
  otherReads: OtherConnectionRead[] | undefined;
  /** Nothing to show yet: the read the page's rows wait for is still under way. */
  pending: boolean;
  fetching: boolean;
  /** When what is shown was read (ISO 8601): the primary's read, else the others'. */
  generatedAt: string | null;
}

export function useEveryConnection(primaryAllowed: boolean): EveryConnection {
  const primaryQuery = useInventory(primaryAllowed);
  const others = useOtherConnections();
  const primaryLeftOut = !primaryAllowed || isPrimaryLeftOut(primaryQuery.error);
  const primary = primaryLeftOut ? null : (primaryQuery.data ?? null);
  const otherReads = others.data?.connections;
  return {
    primary,
    primaryLeftOut,
    primaryQuery,
    others,
    otherReads,
    // Without the primary, the rows are the others': wait for them as the page would wait for it.
    pending: primaryLeftOut ? others.isPending : primaryQuery.isPending,
    fetching: primaryLeftOut ? others.isFetching : primaryQuery.isFetching,
    generatedAt: primary
      ? primary.generatedAt
      : others.dataUpdatedAt > 0
        ? new Date(others.dataUpdatedAt).toISOString()
        : null,
  };
}
