import Link from "next/link";
import { keyHref, type KeyRef } from "@/lib/key-href";

/**
 * Under a found key's name: the way to the key doctor (issue 15), on the key's own page, where the
 * pasted error, the caller's address and the operation are checked and the fixes are (by role).
 */
export function WhyFailingLink({ name, keyRef }: { name: string; keyRef: KeyRef }) {
  return (
    <Link
      href={`${keyHref(keyRef)}#key-doctor`}
      className="mt-1 block font-sans text-xs font-normal text-indigo-700 hover:underline"
    >
      Why is this key failing?<span className="sr-only"> ({name})</span>
    </Link>
  );
}
