import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/** The OS/browser language list; `navigator.languages` is a new array on each read, so snapshot its joined form. */
export function useSystemLanguages(): readonly string[] {
  const joined = useSyncExternalStore(subscribe, () => navigator.languages.join(','));
  return joined === '' ? [navigator.language] : joined.split(',');
}
