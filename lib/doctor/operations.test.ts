// The picker's table follows the key's provider's permission model: ElevenLabs' operations by
// product area, DocSpace's by scope area, none for Voiceable; every id is found, in its own model.
import { describe, expect, it } from "vitest";
import { isPermission } from "@/lib/permissions";
import { DOCSPACE_SCOPES } from "@/lib/providers/types";
import { findOperation, operationGroups } from "./operations";

describe("operation tables by permission model", () => {
  it("ElevenLabs: permissions of the enum; DocSpace: scopes of the catalogue; Voiceable: none", () => {
    const eleven = operationGroups("permission_list").flatMap((g) => g.operations);
    const docspace = operationGroups("scopes").flatMap((g) => g.operations);
    expect(eleven.length).toBeGreaterThan(20);
    expect(operationGroups("scopes").map((g) => g.label)).toEqual(["Accounts", "Files", "Rooms"]);
    expect(operationGroups("key_type")).toEqual([]);
    for (const o of eleven) expect(isPermission(findOperation(o.id)!.permission)).toBe(true);
    for (const o of docspace) {
      const found = findOperation(o.id)!;
      expect(found.model).toBe("scopes");
      expect(DOCSPACE_SCOPES).toContain(found.permission);
    }
    expect(new Set([...eleven, ...docspace].map((o) => o.id)).size).toBe(eleven.length + docspace.length);
  });

  it("a DocSpace call needs its area's read scope for a GET, its write scope otherwise", () => {
    expect(findOperation("docspace_rooms")).toMatchObject({
      call: "GET /api/2.0/files/rooms",
      permission: "rooms:read",
    });
    expect(findOperation("docspace_room_create")!.permission).toBe("rooms:write");
    expect(findOperation("docspace_me")!.permission).toBe("accounts.self:read");
  });
});
