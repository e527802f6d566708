// A plain link, not next/link: its code (about 3 KiB gzip) would otherwise be in the first load of
// every page outside the console (sign-in, invitations), where nothing else needs it.
export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-title font-semibold tracking-tight">Page not found</h1>
      <p className="text-sm text-slate-600">
        There is nothing here.{" "}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: a full load from a missing page is fine */}
        <a href="/" className="font-medium text-indigo-700 underline">
          Go to the service accounts
        </a>
        .
      </p>
    </div>
  );
}
