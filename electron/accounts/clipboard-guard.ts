// Copy a secret and take it off the clipboard after a while, unless the user copied something else since.

export interface ClipboardPort {
  writeText(text: string): void;
  readText(): string;
}

export interface TimerPort {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const CLIPBOARD_CLEAR_MS = 60_000;

export interface ClipboardGuard {
  copy(secret: string): void;
  /** Clear now if the clipboard still holds what we copied (e.g. on quit). */
  flush(): void;
}

export function createClipboardGuard(clipboard: ClipboardPort, timers: TimerPort, clearAfterMs = CLIPBOARD_CLEAR_MS): ClipboardGuard {
  let pending: { secret: string; handle: unknown } | null = null;
  const clearIfUnchanged = (): void => {
    if (!pending) return;
    const { secret, handle } = pending;
    pending = null;
    timers.clearTimeout(handle);
    if (clipboard.readText() === secret) clipboard.writeText('');
  };
  return {
    copy(secret) {
      if (pending) timers.clearTimeout(pending.handle);
      clipboard.writeText(secret);
      pending = { secret, handle: timers.setTimeout(clearIfUnchanged, clearAfterMs) };
    },
    flush: clearIfUnchanged,
  };
}
