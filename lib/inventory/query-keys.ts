// The inventory's query keys, apart from its hooks (./queries.ts): a module that only invalidates
// the inventory after a change does not bring react-query's query observer into a page's first load.
export const inventoryQueryKey = ["inventory"] as const;
/** Under inventoryQueryKey, so every change that refetches the inventory refetches this too. */
export const otherConnectionsQueryKey = ["inventory", "connections"] as const;
