import { useCallback, useSyncExternalStore } from 'react';

/** Live value of a CSS media query, e.g. `(prefers-color-scheme: dark)` for "follow the OS" theming. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
