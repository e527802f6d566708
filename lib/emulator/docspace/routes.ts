// DocSpace's key routes as ASP.NET Core matches them: path literals case-insensitive, a trailing
// slash ignored, `{keyId}` any one segment (checked as a UUID by the endpoint, a 404 if not one).
// A path may match several routes (`/keys/@self` is also a `{keyId}`); the method picks one, and
// the union of their methods is the 405's Allow. Besides the key endpoints, a few ordinary ones a
// key is used for (usage-api.ts), each under the scope area its path falls in (scopes.ts).
import type { Area } from "./scopes";

export type KeyEndpoint = "list" | "self" | "permissions" | "create" | "update" | "delete";
export type UsageEndpoint = "me" | "myFiles" | "rooms" | "createRoom";
export type Endpoint = KeyEndpoint | UsageEndpoint;

interface Route {
  pattern: string[];
  methods: Partial<Record<string, Endpoint>>;
  /** The scope area of the path: "keys" for the key endpoints (catch-all scopes only). */
  area: Area;
}

export const BASE = "/api/2.0/keys";

const ROUTES: Route[] = [
  { pattern: ["api", "2.0", "keys"], methods: { GET: "list", POST: "create" }, area: "keys" },
  { pattern: ["api", "2.0", "keys", "@self"], methods: { GET: "self" }, area: "keys" },
  { pattern: ["api", "2.0", "keys", "permissions"], methods: { GET: "permissions" }, area: "keys" },
  { pattern: ["api", "2.0", "keys", "{keyId}"], methods: { PUT: "update", DELETE: "delete" }, area: "keys" },
  { pattern: ["api", "2.0", "people", "@self"], methods: { GET: "me" }, area: "accounts.self" },
  { pattern: ["api", "2.0", "files", "@my"], methods: { GET: "myFiles" }, area: "files" },
  { pattern: ["api", "2.0", "files", "rooms"], methods: { GET: "rooms", POST: "createRoom" }, area: "rooms" },
];

export type RouteMatch =
  | { kind: "none" }
  | { kind: "endpoint"; endpoint: Endpoint; keyId: string | null; area: Area }
  | { kind: "wrong-method"; allow: string[]; area: Area };

function segments(path: string): string[] {
  const trimmed = path.replace(/^\/+/, "").replace(/\/$/, "");
  return trimmed.split("/");
}

export function matchRoute(method: string, path: string): RouteMatch {
  const got = segments(path);
  const matching: { route: Route; keyId: string | null }[] = [];
  for (const route of ROUTES) {
    if (route.pattern.length !== got.length) continue;
    let keyId: string | null = null;
    const fits = route.pattern.every((want, i) => {
      if (want === "{keyId}") {
        keyId = got[i]!;
        return got[i]!.length > 0;
      }
      return want.toLowerCase() === got[i]!.toLowerCase();
    });
    if (fits) matching.push({ route, keyId });
  }
  if (matching.length === 0) return { kind: "none" };
  // A literal route wins over `{keyId}` for its own method, as ASP.NET ranks literals first.
  for (const { route, keyId } of matching) {
    const endpoint = route.methods[method];
    if (endpoint) return { kind: "endpoint", endpoint, keyId, area: route.area };
  }
  const allow = [...new Set(matching.flatMap(({ route }) => Object.keys(route.methods)))];
  return { kind: "wrong-method", allow, area: matching[0]!.route.area };
}
