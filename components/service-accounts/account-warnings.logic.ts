// The warnings a service account shows on the list: how many of its keys are risky or near their cap.
import { usageLevel } from "@/lib/keys/summary";
import { keyRisks, type KeyView } from "@/lib/keys/view";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function accountWarnings(keys: readonly KeyView[]): string[] {
  const count = (risk: string) => keys.filter((k) => keyRisks(k).includes(risk)).length;
  // A limit of 0 blocks the key: said as such, not as a limit reached.
  const blocked = keys.filter((k) => k.characterLimit === 0).length;
  const levels = keys.filter((k) => k.characterLimit !== 0).map((k) => usageLevel(k).level);
  const out: string[] = [];
  const all = count("all permissions");
  const open = count("no IP allowlist");
  const uncapped = count("no monthly limit");
  const reached = levels.filter((l) => l === "danger").length;
  const near = levels.filter((l) => l === "warning").length;
  if (all) out.push(`${plural(all, "key has", "keys have")} all permissions`);
  if (open) out.push(`${plural(open, "key has", "keys have")} no IP allowlist`);
  if (uncapped) out.push(`${plural(uncapped, "key has", "keys have")} no monthly limit`);
  if (reached)
    out.push(
      `${plural(reached, "key has", "keys have")} its limit reached`.replace(
        "keys have its",
        "keys have their",
      ),
    );
  if (blocked) out.push(`${plural(blocked, "key is", "keys are")} blocked (limit 0)`);
  if (near) out.push(`${plural(near, "key is", "keys are")} near the limit`);
  return out;
}

/** Does the account match a search: its name, a key's name, or a key's last characters ("…ab12" or "ab12")? */
export function matchesSearch(
  account: { name: string; keys: readonly Pick<KeyView, "name" | "hint">[] },
  query: string,
): boolean {
  const q = query.trim().toLowerCase().replace(/^…/, "");
  if (!q) return true;
  return (
    account.name.toLowerCase().includes(q) ||
    account.keys.some((k) => k.name.toLowerCase().includes(q) || k.hint.toLowerCase().endsWith(q))
  );
}
