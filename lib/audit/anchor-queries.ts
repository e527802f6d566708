// The Audit log page's anchoring status in react-query. Browser-safe.
import { useQuery } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { AnchorStatus } from "./anchor-types";

export function useAnchorStatus() {
  return useQuery({
    queryKey: ["audit", "anchor-status"] as const,
    queryFn: () => apiJson<AnchorStatus>("/api/audit/anchors"),
  });
}
