// The DocSpace operations a caller may have tried, each with the scope it needs: DocSpace's scope
// areas (accounts.self for /people/@self, accounts for /people, files for /files, rooms for
// /files/rooms), read for a GET and write otherwise, as its server maps them (the emulator keeps
// its own rules, lib/emulator/docspace/scopes.ts). Plain data: the browser draws the picker from it.
import type { DocspaceScope } from "@/lib/providers/types";

export interface DocspaceOperation {
  id: string;
  label: string;
  call: string;
  scope: DocspaceScope;
  /** The scope area it is listed under. */
  area: "accounts" | "files" | "rooms";
}

const op = (
  area: DocspaceOperation["area"],
  id: string,
  label: string,
  call: string,
  scope: DocspaceScope,
): DocspaceOperation => ({ id: `docspace_${id}`, label, call, scope, area });

export const DOCSPACE_OPERATIONS: readonly DocspaceOperation[] = [
  op("accounts", "me", "Get my profile", "GET /api/2.0/people/@self", "accounts.self:read"),
  op("accounts", "me_update", "Update my profile", "PUT /api/2.0/people/@self", "accounts.self:write"),
  op("accounts", "people", "List people", "GET /api/2.0/people", "accounts:read"),
  op("accounts", "invite", "Invite people", "POST /api/2.0/people/invite", "accounts:write"),
  op("files", "my_files", "List My documents", "GET /api/2.0/files/@my", "files:read"),
  op("files", "upload", "Upload a file", "POST /api/2.0/files/@my/upload", "files:write"),
  op("rooms", "rooms", "List rooms", "GET /api/2.0/files/rooms", "rooms:read"),
  op("rooms", "room_create", "Create a room", "POST /api/2.0/files/rooms", "rooms:write"),
];

export const DOCSPACE_AREAS = [
  { id: "accounts", label: "Accounts" },
  { id: "files", label: "Files" },
  { id: "rooms", label: "Rooms" },
] as const;
