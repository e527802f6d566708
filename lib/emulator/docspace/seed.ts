// Portals the DocSpace emulator can start from. The demo portal shows every case Keydesk must draw
// (unrestricted, read-only, scoped, inactive, expired, expiring soon, never expiring, never used,
// created by a member who is not the admin); it is deterministic: the same ids, postfixes and
// dates relative to now on every start.
import { seededRandom, uuidFrom } from "../common/random";
import type { Scope } from "./scopes";
import type { DocspaceStore, Member } from "./store";

export type Seed = "demo" | "empty";

/** The portal admin whose credential (--admin-key) the emulator was started with. */
export const ADMIN: Member = {
  id: uuidFrom(seededRandom("docspace-admin")(16)),
  displayName: "Dana Whitfield",
};
/** A member who is not an admin and made some of the demo keys. */
export const MEMBER: Member = {
  id: uuidFrom(seededRandom("docspace-member")(16)),
  displayName: "Tomás Ibarra",
};

const HOUR = 3_600_000;

interface DemoKey {
  name: string;
  permissions: Scope[];
  /** Hours before now. */
  createdAgo: number;
  expiresInDays: number | null;
  lastUsedAgo: number | null;
  isActive?: boolean;
  by?: Member;
}

const DEMO: DemoKey[] = [
  { name: "Nightly backup", permissions: [], createdAgo: 300 * 24, expiresInDays: null, lastUsedAgo: 7 },
  {
    name: "BI dashboard (read-only)",
    permissions: ["*:read"],
    createdAgo: 165 * 24,
    expiresInDays: 365,
    lastUsedAgo: 30,
  },
  {
    name: "Zapier: files to rooms",
    permissions: ["files:read", "files:write", "rooms:read"],
    createdAgo: 30 * 24,
    expiresInDays: 90,
    lastUsedAgo: 5,
    by: MEMBER,
  },
  {
    name: "Old CRM connector",
    permissions: ["accounts:read", "accounts:write"],
    createdAgo: 400 * 24,
    expiresInDays: null,
    lastUsedAgo: 120 * 24,
    isActive: false,
  },
  {
    name: "Contractor uploads",
    permissions: ["files:write"],
    createdAgo: 40 * 24,
    expiresInDays: 30,
    lastUsedAgo: 12 * 24,
    by: MEMBER,
  },
  {
    name: "Migration script",
    permissions: ["*:write"],
    createdAgo: 27 * 24,
    expiresInDays: 30,
    lastUsedAgo: 26,
  },
  {
    name: "Rooms provisioning",
    permissions: ["rooms:write"],
    createdAgo: 10 * 24,
    expiresInDays: 365,
    lastUsedAgo: null,
    by: MEMBER,
  },
  {
    name: "Profile widget",
    permissions: ["accounts.self:read"],
    createdAgo: 60 * 24,
    expiresInDays: null,
    lastUsedAgo: 1,
    by: MEMBER,
  },
  {
    name: "Quarterly audit export",
    permissions: ["accounts:read", "files:read"],
    createdAgo: 100 * 24,
    expiresInDays: 180,
    lastUsedAgo: 95 * 24,
  },
  {
    name: "Intranet search",
    permissions: ["files:read", "rooms:read"],
    createdAgo: 200 * 24,
    expiresInDays: null,
    lastUsedAgo: 3 * 24,
  },
  {
    name: "Test key - do not use",
    permissions: [],
    createdAgo: 2 * 24,
    expiresInDays: null,
    lastUsedAgo: null,
  },
  {
    name: "Onboarding bot",
    permissions: ["accounts:write", "rooms:read"],
    createdAgo: 15 * 24,
    expiresInDays: 60,
    lastUsedAgo: 6,
    by: MEMBER,
  },
];

/** Empties the store and fills it from a seed. */
export function applySeed(store: DocspaceStore, seed: Seed, now = Date.now()): void {
  store.clear();
  if (seed === "empty") return;
  store.withRandom(seededRandom("docspace-demo"), () => {
    for (const demo of DEMO) {
      const createOn = now - demo.createdAgo * HOUR;
      const { key } = store.create({
        name: demo.name,
        permissions: demo.permissions,
        expiresInDays: demo.expiresInDays,
        createBy: demo.by ?? ADMIN,
        createOn,
      });
      store.forgetSecret(key);
      key.lastUsed = demo.lastUsedAgo === null ? null : now - demo.lastUsedAgo * HOUR;
      key.isActive = demo.isActive ?? true;
    }
  });
}
