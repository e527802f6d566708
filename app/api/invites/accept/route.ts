// Setting a password with a one-time link (public: the link is the proof). See lib/api/accept-invite-route.ts.
import { acceptInviteRoute } from "@/lib/api/accept-invite-route";

export const POST = acceptInviteRoute;
