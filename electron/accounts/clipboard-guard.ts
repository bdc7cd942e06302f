// Copy a secret and take it off the clipboard after a while, unless the user copied something else since.
// The port has the shape of both Electron's clipboard (async since Electron 45) and navigator.clipboard.

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface TimerPort {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const CLIPBOARD_CLEAR_MS = 60_000;

export interface ClipboardGuard {
  copy(secret: string): Promise<void>;
  /** Clear now if the clipboard still holds what we copied (e.g. on quit). */
  flush(): Promise<void>;
}

export function createClipboardGuard(clipboard: ClipboardPort, timers: TimerPort, clearAfterMs = CLIPBOARD_CLEAR_MS): ClipboardGuard {
  let pending: { secret: string; handle: unknown } | null = null;
  const clearIfUnchanged = async (): Promise<void> => {
    if (!pending) return;
    const { secret, handle } = pending;
    pending = null;
    timers.clearTimeout(handle);
    try {
      if ((await clipboard.readText()) === secret) await clipboard.writeText('');
    } catch {
      // Reading may be refused (a browser without permission): then the clipboard is left alone.
    }
  };
  return {
    async copy(secret) {
      if (pending) timers.clearTimeout(pending.handle);
      pending = null;
      await clipboard.writeText(secret);
      pending = { secret, handle: timers.setTimeout(() => void clearIfUnchanged(), clearAfterMs) };
    },
    flush: clearIfUnchanged,
  };
}
