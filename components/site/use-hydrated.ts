import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/** False in the server's HTML and while hydrating it, true from the first render after: when to enhance a plain form. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
