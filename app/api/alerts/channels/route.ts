// The channels alerts go to, and adding one. Admins only; adding one sends Keydesk's alerts outside
// it (and hands it a secret), so it needs a recent sign-in (step-up-policy.ts).
import { withRole } from "@/lib/api/with-role";
import { addChannel, listChannelViews } from "@/lib/alerts";
import { alertDeps } from "@/lib/alerts/deps";
import { newChannelSchema } from "@/lib/alerts/schema";
import { requireRecentSignIn } from "@/lib/auth/step-up";

export const GET = withRole(["admin"], {}, async () => ({
  channels: await listChannelViews(await alertDeps()),
}));

export const POST = withRole(
  ["admin"],
  { body: newChannelSchema },
  async ({ user, info: requestInfo, body }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const channel = await addChannel(await alertDeps(), { actor: user, info }, body);
    return Response.json({ channel }, { status: 201 });
  },
);
