import type { SearchedConnection } from "@/lib/find-key/types";

/** Which connection the results below belong to: its name and its provider. */
export function ConnectionHeading({ id, connection }: { id: string; connection: SearchedConnection }) {
  return (
    <h2 id={id} className="text-base font-semibold text-slate-900">
      {connection.name}{" "}
      <span className="text-sm font-normal text-slate-600">· {connection.providerLabel}</span>
    </h2>
  );
}
