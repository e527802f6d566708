"use client";
// The All keys table's chosen columns, remembered in this browser (localStorage) across visits and
// shared by every tab: a change in one tab shows in the others through the storage event.
import { useCallback, useSyncExternalStore } from "react";
import { DEFAULT_COLUMNS, parseColumns, type ColumnId } from "@/lib/inventory/table-columns";

const STORAGE_KEY = "keydesk.inventory.columns";
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (a privacy mode): the defaults
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === STORAGE_KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useStoredColumns(): [readonly ColumnId[], (columns: readonly ColumnId[]) => void] {
  // The raw string is the snapshot (stable between reads); parsing it is cheap.
  const stored = useSyncExternalStore(subscribe, read, () => null);
  const set = useCallback((columns: readonly ColumnId[]) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
    } catch {
      // Not remembered, but still shown: keep going with the listeners below.
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [stored === null ? DEFAULT_COLUMNS : parseColumns(stored), set];
}
