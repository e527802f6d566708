import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600">
        There is nothing here.{" "}
        <Link href="/" className="font-medium text-indigo-700 underline">
          Go to the service accounts
        </Link>
        .
      </p>
    </div>
  );
}
