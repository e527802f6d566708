// The people the browser tests sign in as. The console server (real mode) starts with one admin
// from the environment; the setup project adds the support and reviewer users through Keydesk's
// own users API, then saves a signed-in browser state per role.
import type { Role } from "@/lib/roles";

export const CONSOLE_PASSWORD = "e2e-Console-Passw0rd!";

export const CONSOLE_ACCOUNTS: Record<Role, { email: string; name: string }> = {
  admin: { email: "admin@e2e.example", name: "E2E Admin" },
  support: { email: "support@e2e.example", name: "E2E Support" },
  reviewer: { email: "reviewer@e2e.example", name: "E2E Reviewer" },
};

export const storageStatePath = (role: Role) => `.e2e-logs/state-${role}.json`;
