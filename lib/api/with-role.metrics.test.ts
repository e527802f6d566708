// withRole counts every answer by route pattern and status, whatever the handler did; the path's
// ids never reach a label. (A change from another origin is refused before any session lookup, so
// this needs no database.)
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/log/metrics";
import { withRole } from "./with-role";

describe("withRole's metrics", () => {
  it("records the request under its route pattern and status, never the raw ids", async () => {
    const handler = withRole(["admin"], {}, async () => ({ ok: true }));
    const saId = "sa_private_4242";
    const keyId = "key_private_777";
    const res = await handler(
      new Request(`http://keydesk.test/api/service-accounts/${saId}/keys/${keyId}`, { method: "PATCH" }),
      { params: Promise.resolve({ saId, keyId }) } as never,
    );
    expect(res.status).toBe(403);
    const text = await metrics().registry.metrics();
    expect(text).toContain(
      'keydesk_http_requests_total{method="PATCH",route="/api/service-accounts/[saId]/keys/[keyId]",status="403"} 1',
    );
    expect(text).not.toContain("private");
  });
});
