"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { KeyView } from "@/lib/keys/view";
import { errorDetails } from "@/lib/http/client";
import { useRotateKey } from "@/lib/keys/mutations";
import { SecretReveal, useSecretGuard } from "./secret-reveal";
import { failureText, writeOutcome } from "./write-outcome";
import { toastKeyWrite } from "./write-toast";

/** Rotate: a new key with the same name and access; the old one keeps working until the rotation is finished. */
export function RotateKeyDialog({
  apiKey,
  onClose,
  onDone,
}: {
  apiKey: KeyView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const rotate = useRotateKey();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The new key was made, but its secret was lost: never offer to rotate again from here. */
  const [secretLost, setSecretLost] = useState(false);
  const guard = useSecretGuard(onClose);

  const start = async () => {
    setError(null);
    try {
      const { key, secret } = await rotate.mutateAsync({ saId: apiKey.serviceAccountId, keyId: apiKey.id });
      setCreated({ name: key.name, secret });
      toastKeyWrite(apiKey.name, "rotation started");
      onDone(
        `Rotation of ${apiKey.name} started: the new key has the same name. Finish the rotation (disable or delete the old key) once nothing uses the old one.`,
      );
    } catch (e) {
      if (writeOutcome(e) === "applied") {
        setSecretLost(true);
        onDone(errorDetails(e));
      }
      setError(failureText(e, `${apiKey.name} was not rotated.`));
    }
  };

  return (
    <Dialog
      open
      onClose={() => (created ? guard.requestClose() : !rotate.isPending && onClose())}
      title={created ? `New secret for ${apiKey.name}` : `Rotate ${apiKey.name}?`}
      description={
        created
          ? undefined
          : "Keydesk makes a new key with the same name, permissions, limit and allowlist, and marks this one as being replaced. It keeps working until you finish the rotation (disable or delete it)."
      }
    >
      {created ? (
        <SecretReveal keyName={created.name} secret={created.secret} guard={guard} onClose={onClose} />
      ) : (
        <div className="space-y-4">
          {error ? (
            <p
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
            >
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" onClick={onClose} disabled={rotate.isPending} variant="secondary">
              Cancel
            </Button>
            {secretLost ? null : (
              <Button type="button" onClick={start} disabled={rotate.isPending} variant="primary">
                {rotate.isPending ? "Rotating…" : "Rotate key"}
              </Button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
