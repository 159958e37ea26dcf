import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False while the server-rendered HTML is not yet hydrated. Submit buttons stay disabled until
 * then: a form submitted before hydration would be sent natively, with its fields (passwords
 * included) in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
