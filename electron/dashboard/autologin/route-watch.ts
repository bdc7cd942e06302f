// Calls back whenever the dashboard may have changed route or content. Route changes are
// client-side (react-router's pushState), and in Electron this script runs in an isolated world
// where wrapping `history.pushState` only wraps this world's copy, never the page's. So the signals
// used are the ones every world sees: DOM mutations (a new route renders), `popstate`, and the
// Navigation API's `currententrychange` (fired for pushState too). The history wrapper is kept for
// hosts that run the script in the page's own world.

export function watchRoute(win: Window, onChange: () => void): () => void {
  const doc = win.document;
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      onChange();
    });
  };
  const observer = new MutationObserver(schedule);
  // `document` itself, not documentElement: at document-start there may be no <html> yet.
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  win.addEventListener('popstate', schedule);
  const navigation: unknown = Reflect.get(win, 'navigation');
  const navTarget = navigation instanceof EventTarget ? navigation : null;
  navTarget?.addEventListener('currententrychange', schedule);

  const history = win.history;
  const originals = { pushState: history.pushState, replaceState: history.replaceState };
  history.pushState = function pushState(this: History, ...args: Parameters<History['pushState']>) {
    originals.pushState.apply(this, args);
    schedule();
  };
  history.replaceState = function replaceState(this: History, ...args: Parameters<History['replaceState']>) {
    originals.replaceState.apply(this, args);
    schedule();
  };

  return () => {
    observer.disconnect();
    win.removeEventListener('popstate', schedule);
    navTarget?.removeEventListener('currententrychange', schedule);
    history.pushState = originals.pushState;
    history.replaceState = originals.replaceState;
  };
}
