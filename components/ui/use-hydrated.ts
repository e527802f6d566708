// False on the server and while React hydrates what the server sent, true once this part's code
// runs in the browser: for text only the browser knows (a local time) and for controls that must
// not take input before their handlers exist (a part whose code arrives after the page's).
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
