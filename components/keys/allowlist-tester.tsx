"use client";

import { useState } from "react";
import { testAddress } from "./allowlist.logic";

/** "Would 203.0.113.9 be allowed?", answered as it is typed. */
export function AllowlistTester({ id, entries }: { id: string; entries: string[] | null }) {
  const [ip, setIp] = useState("");
  const result = testAddress(entries, ip);
  const text =
    result.kind === "empty"
      ? ""
      : result.kind === "invalid"
        ? "That is not an IP address."
        : result.kind === "allowed"
          ? `${ip.trim()} would be allowed (${result.reason}).`
          : `${ip.trim()} would be refused: it matches no entry.`;
  return (
    <div className="rounded-md bg-slate-50 p-2">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Test an address: would it be allowed?
      </label>
      <input
        id={id}
        value={ip}
        onChange={(e) => setIp(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
        placeholder="203.0.113.9"
        autoComplete="off"
        aria-describedby={`${id}-result`}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm"
      />
      <p
        id={`${id}-result`}
        aria-live="polite"
        className={`mt-1 text-xs ${result.kind === "allowed" ? "text-emerald-800" : result.kind === "empty" ? "" : "text-red-700"}`}
      >
        {text}
      </p>
    </div>
  );
}
