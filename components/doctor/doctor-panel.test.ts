import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DoctorPanel } from "./doctor-panel";

const html = (checksIp: boolean) =>
  renderToStaticMarkup(
    createElement(DoctorPanel, {
      connectionId: "docspace-1",
      group: null,
      keyId: "k1",
      keyName: "ci",
      role: "support",
      operationGroups: [],
      kind: { permissionModel: "scopes", ipAllowlist: checksIp },
    }),
  );

describe("DoctorPanel", () => {
  it("asks for the caller's address only for a key with an allowlist", () => {
    expect(html(true)).toContain("The caller&#x27;s IP address (optional)");
    expect(html(false)).not.toContain("IP address");
    // The pasted error is asked for either way.
    expect(html(false)).toContain("The error the caller got (optional)");
  });
});
