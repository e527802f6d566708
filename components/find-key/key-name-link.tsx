import { Link } from "@/components/ui/link";
import { visibleText } from "@/lib/format";
import { keyHref, type KeyRef } from "@/lib/key-href";

/** A matched key's name as the link to its own page (every key name links there: issue 13). */
export function KeyNameLink({ name, keyRef }: { name: string; keyRef: KeyRef }) {
  return (
    <Link href={keyHref(keyRef)} className="text-indigo-800 hover:underline">
      {visibleText(name)}
    </Link>
  );
}
