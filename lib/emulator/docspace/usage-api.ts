// The ordinary endpoints an API key is used for (who am I, my documents, the rooms, a new room),
// once a request is routed, authenticated and allowed by its scopes. They exist so a key's secret
// can be tried the way a caller uses it, and fail the way DocSpace's auth rules make it fail; the
// payloads are the smallest plausible ones (DocSpace's real ones carry far more fields).
import type { Outcome, Caller } from "./api";
import type { DocspaceStore, Room } from "./store";

/** DocSpace's room types: 1 filling forms, 2 collaboration, 5 custom, 6 public, 8 virtual data. */
const ROOM_TYPES = [1, 2, 5, 6, 8];
export const ROOM_TITLE_INVALID = "Title is not valid. It must be 1 to 170 characters and not blank.";
export const ROOM_TYPE_INVALID = "RoomType is not valid.";

const date = (ms: number) => new Date(ms).toISOString();
const roomToWire = (room: Room) => ({
  id: room.id,
  title: room.title,
  roomType: room.roomType,
  createdBy: { ...room.createdBy },
  created: date(room.created),
});

/** A folder listing as DocSpace's files API wraps one: files, folders, the folder itself, a total. */
function folder(id: number, title: string, folders: unknown[]) {
  return { files: [], folders, current: { id, title }, total: folders.length };
}

export const usage = {
  me: (caller: Caller): Outcome => ({
    ok: true,
    response: { id: caller.member.id, displayName: caller.member.displayName },
  }),

  myFiles: (): Outcome => ({ ok: true, response: folder(1, "My documents", []) }),

  rooms: (store: DocspaceStore): Outcome => ({
    ok: true,
    response: folder(2, "Rooms", store.rooms.map(roomToWire)),
  }),

  /** `{title, roomType?}`: title 1-170 characters, not blank; roomType one of DocSpace's (default 2). */
  createRoom: (store: DocspaceStore, caller: Caller, body: unknown, now: number): Outcome => {
    const b = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const title = b.title;
    if (typeof title !== "string" || title.trim() === "" || title.length > 170)
      return { ok: false, status: 400, message: ROOM_TITLE_INVALID };
    const roomType = b.roomType ?? 2;
    if (typeof roomType !== "number" || !ROOM_TYPES.includes(roomType))
      return { ok: false, status: 400, message: ROOM_TYPE_INVALID };
    const room: Room = {
      id: 100 + store.rooms.length,
      title,
      roomType,
      createdBy: caller.member,
      created: now,
    };
    store.rooms.push(room);
    return { ok: true, response: roomToWire(room) };
  },
};
