import { Link } from "@/components/ui/link";

/** A key id that is neither among the service account's keys nor anywhere on the audit log. */
export default function KeyNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">No such key</h1>
      <p className="text-sm text-slate-600">
        This service account has no key with this id, and Keydesk&apos;s audit log holds nothing about one.{" "}
        <Link href="/inventory" className="font-medium text-indigo-700 underline">
          See all keys
        </Link>
        .
      </p>
    </div>
  );
}
