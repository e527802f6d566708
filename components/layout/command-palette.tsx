"use client";
// The command palette (cmdk in a Radix dialog): the pages the header offers the person's role, and
// every key of every connection they may read, found by name, id or last four characters. The keys
// are read once when the palette opens (the All keys page's two reads) and matched in the browser
// on each keystroke, so typing sends nothing to Keydesk or upstream. Each key links to its page.
import * as Dialog from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import { FileText, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { apiJson } from "@/lib/http/client";
import { visibleText } from "@/lib/format";
import type { InventoryResponse } from "@/lib/inventory/queries";
import type { OtherConnectionsResponse } from "@/lib/inventory/connections";
import type { NavLink } from "@/lib/palette/nav-links";
import { matchKeys, paletteKeys, type PaletteKey } from "@/lib/palette/keys";

type KeysRead =
  { state: "reading" } | { state: "read"; keys: PaletteKey[]; partial: boolean } | { state: "failed" };

/** Both reads side by side; whatever could be read is searched (a person may read only some connections). */
async function readKeys(): Promise<KeysRead> {
  const [primary, others] = await Promise.allSettled([
    apiJson<InventoryResponse>("/api/inventory"),
    apiJson<OtherConnectionsResponse>("/api/inventory/connections"),
  ]);
  if (primary.status === "rejected" && others.status === "rejected") return { state: "failed" };
  const keys = paletteKeys(
    primary.status === "fulfilled" ? primary.value : null,
    others.status === "fulfilled" ? others.value.connections : [],
  );
  const partial =
    primary.status === "rejected" ||
    others.status === "rejected" ||
    others.value.connections.some((read) => !read.ok);
  return { state: "read", keys, partial };
}

const ITEM =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900";
const GROUP =
  "px-1 py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-600 [&_[cmdk-group-heading]]:uppercase";

export function CommandPalette({ links, onClose }: { links: NavLink[]; onClose: () => void }) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [read, setRead] = useState<KeysRead>({ state: "reading" });

  useEffect(() => {
    let current = true;
    void readKeys().then((result) => current && setRead(result));
    return () => {
      current = false;
    };
  }, []);

  const q = query.trim().toLowerCase();
  const pages = links.filter((link) => link.label.toLowerCase().includes(q));
  const keys = useMemo(() => (read.state === "read" ? matchKeys(read.keys, query) : []), [read, query]);

  const go = (href: string) => {
    onClose();
    router.push(href);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-x-2 top-4 z-50 mx-auto max-w-xl overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl sm:top-[12vh]"
        >
          <Dialog.Title className="sr-only">Search pages and keys</Dialog.Title>
          <Command shouldFilter={false} loop label="Search pages and keys">
            <Command.Input
              value={query}
              onValueChange={setQuery}
              placeholder="A page, or a key's name, id or last four characters"
              className="w-full border-b border-slate-200 px-4 py-3 text-base outline-none placeholder:text-slate-500"
            />
            <Command.List className="max-h-[60vh] overflow-y-auto p-1">
              <Command.Empty className="px-4 py-6 text-center text-sm text-slate-600">
                {read.state === "reading" ? "Reading the keys…" : `Nothing matches “${query.trim()}”.`}
              </Command.Empty>
              {pages.length > 0 ? (
                <Command.Group heading="Pages" className={GROUP}>
                  {pages.map((link) => (
                    <Command.Item
                      key={link.href}
                      value={`page ${link.href}`}
                      onSelect={() => go(link.href)}
                      className={ITEM}
                    >
                      <FileText aria-hidden className="size-4 shrink-0 text-slate-500" />
                      {link.label}
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {keys.length > 0 ? (
                <Command.Group heading="Keys" className={GROUP}>
                  {keys.map((key) => (
                    <Command.Item
                      key={key.rowKey}
                      value={`key ${key.rowKey}`}
                      onSelect={() => go(key.href)}
                      className={ITEM}
                    >
                      <KeyRound aria-hidden className="size-4 shrink-0 text-slate-500" />
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium">{visibleText(key.name)}</span>
                        <span className="block truncate text-xs text-slate-600">
                          {[key.hint ? `…${key.hint}` : null, key.owner || null, key.connectionName]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
            </Command.List>
            <p role="status" className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
              {read.state === "reading"
                ? "Reading the keys…"
                : read.state === "failed"
                  ? "The keys could not be read; pages are still listed."
                  : q === ""
                    ? `Type to search ${read.keys.length} keys${read.partial ? " (some connections could not be read)" : ""}.`
                    : `${keys.length === 20 ? "The first 20" : keys.length} matching keys.`}
            </p>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
