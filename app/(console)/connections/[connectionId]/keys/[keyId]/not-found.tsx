import { Link } from "@/components/ui/link";

/** No such connection, or a key id that is neither among its keys nor anywhere on the audit log. */
export default function KeyNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">No such key</h1>
      <p className="text-sm text-slate-600">
        There is no such key on this connection, and Keydesk&apos;s audit log holds nothing about one.{" "}
        <Link href="/connections" className="font-medium text-indigo-700 underline">
          See the connections
        </Link>
        .
      </p>
    </div>
  );
}
