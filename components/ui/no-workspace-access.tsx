import { NO_WORKSPACE_ACCESS } from "@/lib/connections/messages";

/**
 * In place of a page's keys when the user's access (limited to some connections) does not include
 * the workspace the page is about: said plainly, with who can change it, instead of an error page.
 */
export function NoWorkspaceAccess() {
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">{NO_WORKSPACE_ACCESS}</p>
      <p className="mt-1">
        Your role is limited to other connections. An admin can change which connections you may use on the
        Users page.
      </p>
    </div>
  );
}
