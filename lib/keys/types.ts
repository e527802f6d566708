// What every key action needs: the upstream and the database (passed in, so tests can hand over an
// emulator-backed client and a throwaway database), and who is acting, from where.
import type { RequestInfo } from "@/lib/http/request-info";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/database";
import type { Upstream } from "@/lib/elevenlabs/client";

export interface KeyDeps {
  upstream: Upstream;
  db: Db;
}

export interface KeyActionContext {
  actor: SessionUser;
  info: RequestInfo;
}
