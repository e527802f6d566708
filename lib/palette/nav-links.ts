// The console's pages as the header, its phone menu and the command palette list them: one list,
// so a page a role may not open is offered nowhere.
import type { Role } from "@/lib/roles";
import { FIND_PATH } from "@/lib/find-key/shortcut";

export interface NavLink {
  href: string;
  label: string;
}

export function navLinks(role: Role): NavLink[] {
  return [
    { href: "/", label: "Overview" },
    { href: "/service-accounts", label: "Service accounts" },
    { href: "/inventory", label: "All keys" },
    { href: FIND_PATH, label: "Find a key" },
    { href: "/audit", label: "Audit log" },
    { href: "/policies", label: "Policies" },
    // Every role: admins manage connections there, everyone reaches the keys of those they may use.
    { href: "/connections", label: "Connections" },
    ...(role === "admin" ? [{ href: "/users", label: "Users" }] : []),
    ...(role === "admin" ? [{ href: "/jobs", label: "Jobs" }] : []),
    ...(role === "admin" ? [{ href: "/alerts", label: "Alerts" }] : []),
  ];
}
