// Said before a key that may be Keydesk's own credential for the connection is deleted, rotated or
// disabled: the list answer's mayBeConnectionCredential (lib/connection-keys/own-credential.ts).

/** "deleted", "rotated" or "disabled": what the confirmed action does to the key. */
export function OwnCredentialWarning({ outcome }: { outcome: string }) {
  return (
    <div
      role="alert"
      data-testid="own-credential-warning"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950"
    >
      <p className="font-semibold">This may be the key Keydesk itself uses for this connection.</p>
      <p className="mt-1">
        Its last characters match the connection&apos;s credential (or the provider does not show them, and
        this key has full access). If it is, the connection stops working once the key is {outcome}: Keydesk
        can no longer read or change any of its keys until an admin gives it a new credential on the
        Connections page.
      </p>
    </div>
  );
}
