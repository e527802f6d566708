// Setting a password with a one-time link (public: the link is the proof). See lib/users/accept-invite-route.ts.
import { acceptInviteRoute } from "@/lib/users/accept-invite-route";

export const POST = acceptInviteRoute;
