// The last things to do before the app exits: clear a copied token from the clipboard, stop the
// forwards (free the ports), destroy the tray (Windows leaves a dead icon otherwise). before-quit
// cannot wait for promises, so the first one is held back, the steps run (bounded by a timeout, so
// a stuck step never stops Quit), and the app quits again; that second before-quit goes through.

export const QUIT_TIMEOUT_MS = 3000;

export interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export type QuitStep = () => unknown;

export function cleanupBeforeQuit(app: QuitApp, steps: () => readonly QuitStep[], options: { timeoutMs?: number; log?: (line: string) => void } = {}): { quitting(): boolean } {
  const log = options.log ?? (() => undefined);
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    const all = Promise.allSettled(steps().map(async (step) => step())).then((results) => {
      for (const r of results) if (r.status === 'rejected') log(`[quit] a clean-up step failed: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log('[quit] clean-up did not finish in time; quitting anyway');
        resolve();
      }, options.timeoutMs ?? QUIT_TIMEOUT_MS);
    });
    void Promise.race([all, timeout]).then(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });
  return { quitting: () => state !== 'running' };
}
