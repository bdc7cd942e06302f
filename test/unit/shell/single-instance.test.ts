import { describe, expect, it } from 'vitest';
import { app } from 'electron';
import { acquireSingleInstance } from '../../../electron/shell/single-instance.ts';

const fakeApp = app as unknown as { singleInstanceLock: boolean; quitCalls: number; emit(e: string): boolean };

describe('single instance', () => {
  it('a second launch quits without starting anything', () => {
    fakeApp.singleInstanceLock = false;
    const quits = fakeApp.quitCalls;
    expect(acquireSingleInstance(() => undefined)).toBe(false);
    expect(fakeApp.quitCalls).toBe(quits + 1);
  });

  it('the first instance shows itself when another launch happens', () => {
    fakeApp.singleInstanceLock = true;
    let shown = 0;
    expect(acquireSingleInstance(() => (shown += 1))).toBe(true);
    fakeApp.emit('second-instance');
    expect(shown).toBe(1);
  });
});
