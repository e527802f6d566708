"use client";

import { useState } from "react";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import type { DoctorKeyKind } from "@/lib/doctor/key-kind";
import type { Role } from "@/lib/roles";
import type { DoctorTarget } from "./doctor-dialog";

const DoctorDialog = lazyDialog(
  () => import("./doctor-dialog"),
  (m) => m.DoctorDialog,
);

/**
 * Under a found key's id: the key doctor (issue 15) for that key, opened over the results so the
 * search stays as it is. The dialog's code comes when it is first opened.
 */
export function WhyFailing({
  name,
  target,
  kind,
  role,
}: {
  name: string;
  target: DoctorTarget;
  kind: DoctorKeyKind;
  role: Role;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={DoctorDialog.preload}
        onFocus={DoctorDialog.preload}
        className="mt-1 block font-sans text-xs font-normal text-indigo-700 hover:underline"
      >
        Why is this key failing?<span className="sr-only"> ({name})</span>
      </button>
      {open ? (
        <DoctorDialog name={name} target={target} kind={kind} role={role} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
