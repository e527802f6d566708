"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a short value (a key's id) and says so; where the browser refuses, it says to select it. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [said, setSaid] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid("Copied.");
    } catch {
      setSaid("The browser did not let Keydesk copy: select the id and copy it by hand.");
    }
  };
  return (
    <>
      <Button type="button" variant="secondary" size="xs" onClick={() => void copy()}>
        Copy<span className="sr-only"> {label}</span>
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {said}
      </span>
    </>
  );
}
