// The link from an overview risk count to the inventory filtered by that flag. It is the URL the
// inventory writes for its default filters plus one flag (inventorySearchParams in
// lib/inventory/filters.ts, which the test holds it to), spelled out here so the overview page
// does not load the filters' schemas and zod for one link.
import type { RiskFlag } from "@/lib/inventory/types";

export const flagHref = (flag: RiskFlag) => `/inventory?${new URLSearchParams({ risk: flag })}`;
