import { describe, expect, it } from 'vitest';
import { dueWarnings, expiryPhase, warnAtMs } from '../../electron/accounts/expiry-warning.ts';
import { createClipboardGuard } from '../../electron/accounts/clipboard-guard.ts';

const H = 3_600_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const token = (id: string, lifetimeMs: number) => ({ id, issuedAt: new Date(t0).toISOString(), expiresAt: new Date(t0 + lifetimeMs).toISOString() });

describe('expiry warning', () => {
  it('warns a tenth of the lifetime ahead for short tokens, a day ahead for long ones', () => {
    expect(warnAtMs(token('a', 1 * H))).toBe(t0 + 0.9 * H);
    expect(warnAtMs(token('b', 1000 * H))).toBe(t0 + 1000 * H - 24 * H);
    expect(warnAtMs(token('c', 240 * H))).toBe(t0 + 240 * H - 24 * H); // exactly equal: a day
  });
  it('phases and due list, once per token', () => {
    const a = token('a', 1 * H);
    expect(expiryPhase(a, t0)).toBe('ok');
    expect(expiryPhase(a, t0 + 0.95 * H)).toBe('expiring');
    expect(expiryPhase(a, t0 + H)).toBe('expired');
    const b = token('b', 1000 * H);
    expect(dueWarnings([a, b], t0, new Set())).toEqual({ due: [], nextCheckMs: t0 + 0.9 * H });
    expect(dueWarnings([a, b], t0 + 0.95 * H, new Set())).toEqual({ due: ['a'], nextCheckMs: t0 + 976 * H });
    expect(dueWarnings([a, b], t0 + 0.95 * H, new Set(['a'])).due).toEqual([]);
  });
});

describe('clipboard guard', () => {
  function setup() {
    let content = 'before';
    const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    const guard = createClipboardGuard(
      {
        writeText: async (t) => {
          content = t;
        },
        readText: async () => content,
      },
      {
        setTimeout: (fn, ms) => {
          const t = { fn, ms, cleared: false };
          timers.push(t);
          return t;
        },
        clearTimeout: (h) => {
          (h as { cleared: boolean }).cleared = true;
        },
      },
    );
    return { guard, timers, get: () => content, set: (t: string) => (content = t) };
  }
  const settle = () => new Promise((r) => setImmediate(r));
  it('clears after 60 s when unchanged', async () => {
    const s = setup();
    await s.guard.copy('secret-1');
    expect(s.get()).toBe('secret-1');
    expect(s.timers[0].ms).toBe(60_000);
    s.timers[0].fn();
    await settle();
    expect(s.get()).toBe('');
  });
  it('leaves the clipboard alone when the user copied something else', async () => {
    const s = setup();
    await s.guard.copy('secret-1');
    s.set('user text');
    s.timers[0].fn();
    await settle();
    expect(s.get()).toBe('user text');
  });
  it('a second copy replaces the first timer; flush clears at once', async () => {
    const s = setup();
    await s.guard.copy('secret-1');
    await s.guard.copy('secret-2');
    expect(s.timers[0].cleared).toBe(true);
    await s.guard.flush();
    expect(s.get()).toBe('');
    expect(s.timers[1].cleared).toBe(true);
  });
});
