"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import { ELEVENLABS_KEY_KIND } from "@/lib/doctor/key-kind";
import { permissionSummary } from "@/lib/keys/summary";
import { describeMatch } from "@/lib/find-key/describe-match";
import type { Candidate, QueryKind } from "@/lib/find-key/types";
import type { DisabledKeyFacts } from "@/lib/find-key/incident-summary";
import type { Role } from "@/lib/roles";
import { CertaintyBadge } from "./certainty-badge";
import { DisabledConfirmation } from "./disabled-confirmation";
import { AfterDisable } from "./after-disable";
import { KeyNameLink } from "./key-name-link";
import { WhyFailing } from "./why-failing";
import { RotationSideBadge } from "@/components/inventory/rotation-side-badge";
import { rotationSideWords } from "@/components/inventory/rotation-side.logic";

const disableButton =
  "rounded-md bg-red-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-60";

/**
 * One key that matched: where it lives, its state, why it matched, and (support, admin) Disable
 * now; once this page disabled it, the next steps (its page, Rotate for an admin, the summary).
 */
export function CandidateRow({
  candidate,
  kind,
  canDisable,
  canRotate,
  connectionId,
  role,
  disabled,
  onDisable,
}: {
  candidate: Candidate;
  kind: QueryKind;
  canDisable: boolean;
  canRotate: boolean;
  /** The primary connection's id, as the search named it. */
  connectionId: string;
  /** Who is looking: the key doctor's fixes are offered by role. */
  role: Role;
  /** Set once this page disabled the key. */
  disabled: DisabledKeyFacts | null;
  onDisable: (candidate: Candidate) => void;
}) {
  const { key, serviceAccount, matches, certainty } = candidate;
  const disabledAt = disabled?.at ?? null;
  // Two keys of one name during a rotation: the side names which one a control acts on.
  const side = rotationSideWords(key.rotation);
  return (
    <tr data-key-id={key.id} className="align-top">
      <th scope="row" className="px-4 py-3 font-medium break-words text-slate-900">
        <KeyNameLink name={key.name} keyRef={{ group: key.serviceAccountId, keyId: key.id }} />
        {/* Two keys of one name during a rotation: which is which. */}
        {key.rotation ? (
          <span className="mt-1 block">
            <RotationSideBadge rotation={key.rotation} />
          </span>
        ) : null}
      </th>
      <td className="px-4 py-3 text-slate-700">{serviceAccount.name}</td>
      <td className="px-4 py-3 font-mono whitespace-nowrap text-slate-700">…{key.hint}</td>
      <td className="px-4 py-3">
        <StatusBadge enabled={key.enabled} />
        {!key.enabled && key.disableReason && !disabledAt ? (
          <p className="mt-1 text-xs text-slate-600">{key.disableReason.replaceAll("_", " ")}</p>
        ) : null}
        {disabledAt ? <DisabledConfirmation at={disabledAt} /> : null}
      </td>
      <td className="px-4 py-3 text-slate-700">{permissionSummary(key.permissions)}</td>
      <td className="px-4 py-3">
        <CertaintyBadge certainty={certainty} />
        <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
          {matches.map((m) => (
            <li key={`${m.by}-${m.certainty}`}>{describeMatch(m, kind, key.hint)}</li>
          ))}
        </ul>
      </td>
      <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-slate-600">
        {key.id}
        <WhyFailing
          name={key.name}
          target={{ connectionId, group: key.serviceAccountId, keyId: key.id }}
          kind={ELEVENLABS_KEY_KIND}
          role={role}
        />
      </td>
      {canDisable ? (
        <td className="px-4 py-3">
          {key.enabled ? (
            <button type="button" onClick={() => onDisable(candidate)} className={disableButton}>
              Disable now
              <span className="sr-only">
                {" "}
                {key.name}
                {side ? ` (${side})` : ""}
              </span>
            </button>
          ) : disabled ? (
            <AfterDisable facts={disabled} rotatable={canRotate ? key : null} />
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
