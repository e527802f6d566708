// The shape of a hand-written demo workspace (seed.ts's "demo", seed-eu.ts's "demo-eu").
import type { PermissionType } from "./permissions";
import type { NewKey } from "./store";

export interface DemoKey extends Omit<NewKey, "permissions" | "character_limit" | "allowed_ips"> {
  permissions: PermissionType[] | null;
  character_limit?: number | null;
  allowed_ips?: string[] | null;
  ageDays: number;
}

export interface DemoAccount {
  name: string;
  ageDays: number;
  keys: DemoKey[];
}
