import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { cleanupBeforeQuit } from '../../electron/desktop/quit-cleanup.ts';

function fakeApp() {
  const emitter = new EventEmitter();
  const app = {
    quitCalls: 0,
    on: (event: 'before-quit', listener: (e: { preventDefault(): void }) => void) => emitter.on(event, listener),
    quit: () => { app.quitCalls += 1; },
    /** Electron's before-quit; returns whether the quit was held back. */
    beforeQuit: (): boolean => {
      let prevented = false;
      emitter.emit('before-quit', { preventDefault: () => { prevented = true; } });
      return prevented;
    },
  };
  return app;
}

describe('cleanupBeforeQuit', () => {
  it('holds the first quit back until every step has finished, then quits; the second goes through', async () => {
    const app = fakeApp();
    const done: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => { release = r; });
    const q = cleanupBeforeQuit(app, () => [async () => { await slow; done.push('forward'); }, () => { done.push('tray'); }]);
    expect(q.quitting()).toBe(false);
    expect(app.beforeQuit()).toBe(true);
    expect(q.quitting()).toBe(true);
    expect(app.beforeQuit()).toBe(true); // a second Quit while cleaning waits too, and runs nothing twice
    await new Promise((r) => setTimeout(r, 10));
    expect(app.quitCalls).toBe(0);
    release();
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    expect(done.sort()).toEqual(['forward', 'tray']);
    expect(app.beforeQuit()).toBe(false);
  });

  it('quits even when a step fails or hangs, after the timeout', async () => {
    const app = fakeApp();
    const logs: string[] = [];
    cleanupBeforeQuit(app, () => [() => { throw new Error('clipboard gone'); }, () => new Promise(() => undefined)], { timeoutMs: 50, log: (l) => logs.push(l) });
    app.beforeQuit();
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    expect(logs.join('\n')).toMatch(/did not finish in time/);
  });
});
