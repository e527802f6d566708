/** Shown for the moment a dialog's code is still on its way (announced to screen readers). */
export function DialogOpening() {
  return (
    <p
      role="status"
      className="fixed inset-x-0 top-6 z-50 mx-auto w-fit rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
    >
      Opening…
    </p>
  );
}
